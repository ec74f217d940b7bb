import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import type { FastifyInstance } from 'fastify';
import { DataSource } from 'typeorm';
import { loadConfig, type Config } from '../../src/config/index.js';
import { TestClock } from '../../src/clock/index.js';
import { createServices, type Services } from '../../src/services.js';
import { buildApp } from '../../src/app.js';

export interface TestApp {
  /** `inject` adds the admin's Bearer token when the call sends no Authorization header. */
  app: FastifyInstance;
  services: Services;
  clock: TestClock;
  /** Fastify's own inject: sends exactly the headers given (none: unauthenticated). */
  rawInject: FastifyInstance['inject'];
  /** `Authorization` values of the bootstrap admin, for real HTTP (fetch, workers, Modeler). */
  admin: { username: string; password: string; bearer: string; basic: string };
  /** Signs in; the headers carry the Bearer token (401/403 throw). */
  login(username: string, password: string): Promise<{ authorization: string }>;
  /** Creates a user (password `password-<username>` unless given) and signs them in. */
  createUser(u: { username: string; unitId?: string | null; roles: string[]; password?: string; displayName?: string }): Promise<{ id: string; headers: { authorization: string } }>;
  /** Creates a unit (handling units are not seeded). */
  createUnit(u: { id: string; name?: string; kind?: string; regionId?: string | null }): Promise<void>;
  close(): Promise<void>;
}

/** The bootstrap admin's password in every test service (ADMIN_PASSWORD). */
export const TEST_ADMIN_PASSWORD = 'test-admin-password';

/**
 * `fetch` that sends `authorization` unless the call sets its own; test files that talk real
 * HTTP shadow the global with it: `const fetch = authedFetch(ctx.admin.basic)`.
 */
export function authedFetch(authorization: string): typeof globalThis.fetch {
  return (input, init = {}) => {
    const headers = new Headers(init.headers);
    if (!headers.has('authorization')) headers.set('authorization', authorization);
    return globalThis.fetch(input, { ...init, headers });
  };
}

/**
 * Makes `app.inject` send `authorization` when a call sets none (the service refuses requests
 * without credentials). Returns Fastify's own inject.
 */
export function injectAs(app: FastifyInstance, authorization: string): FastifyInstance['inject'] {
  const rawInject = app.inject.bind(app) as FastifyInstance['inject'];
  (app as { inject: unknown }).inject = (opts?: unknown, callback?: unknown) => {
    if (opts === undefined || typeof opts === 'function') return (rawInject as (...a: unknown[]) => unknown)(opts);
    const o = (typeof opts === 'string' ? { url: opts } : opts) as { headers?: Record<string, unknown> };
    const headers = { ...(o.headers ?? {}) };
    if (!Object.keys(headers).some((k) => k.toLowerCase() === 'authorization')) headers.authorization = authorization;
    return (rawInject as (...a: unknown[]) => unknown)({ ...o, headers }, callback);
  };
  return rawInject;
}

export function basicAuth(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

/** Fixed start for every test clock: a Monday, so working-day arithmetic reads plainly. */
export const TEST_EPOCH = new Date('2026-11-23T09:00:00+08:00');

/**
 * A whole service for one test file: real PostgreSQL in a schema of its own when DATABASE_URL
 * is set (CI), embedded in-memory PGlite otherwise. The clock is a TestClock the test moves.
 */
export async function startTestApp(options: { clock?: TestClock; config?: Partial<Config> } = {}): Promise<TestApp> {
  const config = { ...loadConfig({ DEPLOY_SCHEMES: '0', ...process.env, TEST_CLOCK: '1', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent', ADMIN_PASSWORD: TEST_ADMIN_PASSWORD }), ...options.config };
  const logger = pino({ level: config.logLevel });
  const clock = options.clock ?? new TestClock(TEST_EPOCH);
  const schema = config.databaseUrl ? `t_${randomBytes(6).toString('hex')}` : undefined;
  const services = await createServices({ config, logger, clock, schema, inMemory: true });
  const app = await buildApp({ services, logger });
  await app.ready();
  const rawInject = app.inject.bind(app) as FastifyInstance['inject'];
  const login = async (username: string, password: string) => {
    const res = await rawInject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    return { authorization: `Bearer ${(res.json() as { token: string }).token}` };
  };
  const admin = { username: 'admin', password: config.adminPassword ?? TEST_ADMIN_PASSWORD, bearer: '', basic: '' };
  admin.bearer = (await login(admin.username, admin.password)).authorization;
  admin.basic = basicAuth(admin.username, admin.password);
  // Test-side convenience: existing tests act as the administrator without saying so.
  injectAs(app, admin.bearer);
  return {
    app,
    services,
    clock,
    rawInject,
    admin,
    login,
    async createUser(u) {
      const password = u.password ?? `password-${u.username}`;
      const res = await rawInject({ method: 'POST', url: '/api/users', headers: { authorization: admin.bearer }, payload: { ...u, password } });
      if (res.statusCode !== 201) throw new Error(`create user ${u.username}: ${res.statusCode} ${res.body}`);
      return { id: (res.json() as { id: string }).id, headers: await login(u.username, password) };
    },
    async createUnit(u) {
      const res = await rawInject({ method: 'POST', url: '/api/units', headers: { authorization: admin.bearer }, payload: { name: u.id, ...u } });
      if (res.statusCode !== 201) throw new Error(`create unit ${u.id}: ${res.statusCode} ${res.body}`);
    },
    async close() {
      await app.close();
      await services.close();
      if (schema && config.databaseUrl) await dropSchema(config.databaseUrl, schema);
    },
  };
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const ds = new DataSource({ type: 'postgres', url });
  await ds.initialize();
  try {
    await ds.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await ds.destroy();
  }
}
