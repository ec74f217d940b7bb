import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/**
 * The real service as a child process (`node --import tsx src/server.ts`), for tests and
 * benchmarks that must cross real HTTP and survive a real `kill -9`: the crash test, bench/.
 */

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A database of the service's own, thrown away afterwards. */
export interface ServiceDatabase {
  /** `postgres` when DATABASE_URL was set, `pglite` (a temp DATA_DIR) otherwise. */
  kind: 'postgres' | 'pglite';
  /** Environment that points a service at it. */
  env: Record<string, string>;
  /** The URL (postgres) or folder (pglite), for opening it directly once no service runs. */
  url?: string;
  dataDir?: string;
  drop(): Promise<void>;
}

/**
 * With DATABASE_URL: a fresh database `suqiu_<tag>_<hex>` on that server (created as the
 * URL's user, dropped with FORCE afterwards), so runs never see each other's rows.
 * Without: embedded PGlite in a new temp folder.
 */
export async function freshDatabase(tag: string, baseUrl = process.env.DATABASE_URL): Promise<ServiceDatabase> {
  if (!baseUrl) {
    const dataDir = await mkdtemp(join(tmpdir(), `suqiu-${tag}-`));
    return { kind: 'pglite', env: { DATA_DIR: dataDir }, dataDir, drop: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const name = `suqiu_${tag.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await adminQuery(baseUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    kind: 'postgres',
    env: { DATABASE_URL: url.toString() },
    url: url.toString(),
    drop: () => adminQuery(baseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A loopback port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface ServiceProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  /** `…/engine-rest` */
  rest: string;
  /** `Authorization` of the bootstrap admin (HTTP Basic, as the Modeler and workers send it). */
  authorization: string;
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The last lines the process wrote, for failure messages. */
  output(): string;
  /** SIGTERM and wait (graceful: commands commit, database closes). */
  stop(): Promise<void>;
  /** SIGKILL and wait: nothing gets to run. */
  kill(): Promise<void>;
}

export interface SpawnOptions {
  port: number;
  /** Added to the environment (DATABASE_URL or DATA_DIR, …). */
  env: Record<string, string>;
  /** The bootstrap admin's password (ADMIN_PASSWORD); default: SERVICE_ADMIN_PASSWORD. */
  adminPassword?: string;
  /** How long to wait for `/engine-rest/version`; PGlite's first start takes a few seconds. */
  startTimeoutMs?: number;
}

/** The `admin` password of spawned services (their first start creates the user with it). */
export const SERVICE_ADMIN_PASSWORD = 'service-admin-password';

/** Decided per child, or belonging to the test runner (tap's NODE_OPTIONS loaders). */
const INHERIT_NOT = ['DATABASE_URL', 'DATA_DIR', 'TEST_CLOCK', 'TEST_CLOCK_START', 'PORT', 'HOST', 'NODE_OPTIONS', 'ADMIN_PASSWORD', 'JWT_SECRET'];

/**
 * Starts `src/server.ts` on the given port with the real clock (TEST_CLOCK=0) and waits until
 * it answers. The parent's DATABASE_URL and DATA_DIR are not inherited (`env` decides the
 * database); REDIS_URL is.
 */
export async function spawnService(options: SpawnOptions): Promise<ServiceProcess> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || INHERIT_NOT.includes(k) || k.startsWith('TAP') || k.startsWith('_TAPJS')) continue;
    env[k] = v;
  }
  Object.assign(env, {
    PORT: String(options.port),
    HOST: '127.0.0.1',
    TEST_CLOCK: '0',
    LOG_LEVEL: process.env.SERVICE_LOG_LEVEL ?? 'warn',
    // Region schemes are not part of what these runs measure.
    DEPLOY_SCHEMES: '0',
    ADMIN_PASSWORD: options.adminPassword ?? SERVICE_ADMIN_PASSWORD,
    ...options.env,
  });
  const child = spawn(process.execPath, ['--enable-source-maps', '--import', 'tsx', 'src/server.ts'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const service: ServiceProcess = {
    child,
    baseUrl,
    rest: `${baseUrl}/engine-rest`,
    authorization: `Basic ${Buffer.from(`admin:${options.adminPassword ?? SERVICE_ADMIN_PASSWORD}`).toString('base64')}`,
    exited,
    output: () => lines.join('\n'),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  let gone = false;
  void exited.then(() => (gone = true));
  while (Date.now() < deadline && !gone) {
    try {
      const res = await fetch(`${service.rest}/version`);
      if (res.ok) return service;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await service.kill();
  throw new Error(`service on port ${options.port} did not start:\n${service.output()}`);
}
