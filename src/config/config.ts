import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { InvalidConfigError } from './errors.js';

/** Every environment variable the service reads, declared once. */
export const EnvSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ default: '127.0.0.1' }),
  NODE_ENV: Type.String({ default: 'development' }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  /** PostgreSQL connection string. Without it the service runs on embedded PGlite in DATA_DIR. */
  DATABASE_URL: Type.Optional(Type.String({ minLength: 1 })),
  /** Redis connection string. Without it timers are delivered by an in-process poller. */
  REDIS_URL: Type.Optional(Type.String({ minLength: 1 })),
  DATA_DIR: Type.String({ default: './data' }),
  /** `1` enables the movable test clock and `/api/clock`. Refused in production. */
  TEST_CLOCK: Type.Union([Type.Literal('0'), Type.Literal('1')], { default: '0' }),
  /** Where the test clock starts (ISO 8601); defaults to the real time at start. */
  TEST_CLOCK_START: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T' })),
  /** Largest request body in bytes (BPMN uploads, base64 file variables). */
  BODY_LIMIT: Type.Integer({ minimum: 1024, default: 10 * 1024 * 1024 }),
  /** `1` deploys each built-in region's scheme from PROCESSES_DIR at start (deploy-changed-only). */
  DEPLOY_SCHEMES: Type.Union([Type.Literal('0'), Type.Literal('1')], { default: '1' }),
  PROCESSES_DIR: Type.String({ default: './processes' }),
  /** The built web console (`npm run build:ui`), served at `/`. */
  UI_DIR: Type.String({ default: './dist/ui' }),
  /** Identifies this process in locks (external tasks, timers) and logs. */
  NODE_ID: Type.Optional(Type.String()),
  /** Password of the `admin` user created at the first start; unset: generated and logged once. */
  ADMIN_PASSWORD: Type.Optional(Type.String({ minLength: 8, maxLength: 200 })),
  /** Secret that signs login tokens; unset: generated once and kept in the database (docs/auth.md). */
  JWT_SECRET: Type.Optional(Type.String({ minLength: 32 })),
});
export type Env = Static<typeof EnvSchema>;

export interface Config {
  port: number;
  host: string;
  production: boolean;
  logLevel: Env['LOG_LEVEL'];
  databaseUrl?: string;
  redisUrl?: string;
  dataDir: string;
  testClock: boolean;
  testClockStart?: Date;
  bodyLimit: number;
  nodeId: string;
  deploySchemes: boolean;
  processesDir: string;
  uiDir: string;
  adminPassword?: string;
  jwtSecret?: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(EnvSchema.properties)) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const converted = Value.Default(EnvSchema, Value.Convert(EnvSchema, raw));
  const errors = [...Value.Errors(EnvSchema, converted)];
  if (errors.length > 0) {
    const first = errors[0]!;
    throw new InvalidConfigError(first.path.replace(/^\//, ''), first.message);
  }
  const e = converted as Env;
  const production = e.NODE_ENV === 'production';
  if (e.TEST_CLOCK === '1' && production) {
    throw new InvalidConfigError('TEST_CLOCK', 'the test clock cannot be enabled when NODE_ENV=production');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    production,
    logLevel: e.LOG_LEVEL,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    dataDir: e.DATA_DIR,
    testClock: e.TEST_CLOCK === '1',
    testClockStart: e.TEST_CLOCK_START ? new Date(e.TEST_CLOCK_START) : undefined,
    bodyLimit: e.BODY_LIMIT,
    nodeId: e.NODE_ID ?? `${process.pid}`,
    deploySchemes: e.DEPLOY_SCHEMES === '1',
    processesDir: e.PROCESSES_DIR,
    uiDir: e.UI_DIR,
    adminPassword: e.ADMIN_PASSWORD,
    jwtSecret: e.JWT_SECRET,
  };
}
