import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import type { FastifyInstance } from 'fastify';
import { DataSource } from 'typeorm';
import { loadConfig, type Config } from '../../src/config/index.js';
import { TestClock } from '../../src/clock/index.js';
import { createServices, type Services } from '../../src/services.js';
import { buildApp } from '../../src/app.js';

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  clock: TestClock;
  close(): Promise<void>;
}

/** Fixed start for every test clock: a Monday, so working-day arithmetic reads plainly. */
export const TEST_EPOCH = new Date('2026-11-23T09:00:00+08:00');

/**
 * A whole service for one test file: real PostgreSQL in a schema of its own when DATABASE_URL
 * is set (CI), embedded in-memory PGlite otherwise. The clock is a TestClock the test moves.
 */
export async function startTestApp(options: { clock?: TestClock; config?: Partial<Config> } = {}): Promise<TestApp> {
  const config = { ...loadConfig({ DEPLOY_SCHEMES: '0', ...process.env, TEST_CLOCK: '1', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' }), ...options.config };
  const logger = pino({ level: config.logLevel });
  const clock = options.clock ?? new TestClock(TEST_EPOCH);
  const schema = config.databaseUrl ? `t_${randomBytes(6).toString('hex')}` : undefined;
  const services = await createServices({ config, logger, clock, schema, inMemory: true });
  const app = await buildApp({ services, logger });
  await app.ready();
  return {
    app,
    services,
    clock,
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
