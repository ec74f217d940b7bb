import { hostname } from 'node:os';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { InvalidWorkerConfigError } from './errors.js';

/** Every environment variable the worker reads. */
export const WorkerEnvSchema = Type.Object({
  ENGINE_REST_URL: Type.String({ minLength: 1, default: 'http://127.0.0.1:3000/engine-rest' }),
  /** Recorded on every task this worker locks; give each worker process its own. */
  WORKER_ID: Type.Optional(Type.String({ minLength: 1 })),
  /** The service's PostgreSQL, for the SMS outbox. Without it the outbox lives in memory. */
  DATABASE_URL: Type.Optional(Type.String({ minLength: 1 })),
  /** Comma-separated topics to serve; default all this worker knows. */
  WORKER_TOPICS: Type.Optional(Type.String()),
  WORKER_MAX_TASKS: Type.Integer({ minimum: 1, default: 10 }),
  WORKER_LOCK_DURATION: Type.Integer({ minimum: 1000, default: 60_000 }),
  WORKER_ASYNC_RESPONSE_TIMEOUT: Type.Integer({ minimum: 0, maximum: 1_800_000, default: 30_000 }),
  ENGINE_REST_USER: Type.Optional(Type.String()),
  ENGINE_REST_PASSWORD: Type.Optional(Type.String()),
  /** JSON: unit id → phone, or unit id → {role → phone}, e.g. {"water":{"unit-head":"139…","default":"138…"}}. */
  SMS_CONTACTS: Type.String({ default: '{}' }),
  /** Where `city-platform` reports go (获嘉); without it they are only logged. */
  CITY_PLATFORM_URL: Type.Optional(Type.String({ minLength: 1 })),
  CITY_PLATFORM_TOKEN: Type.Optional(Type.String()),
  /** Where `notify` delivers work orders to departments (平顶山); without it only logged. */
  NOTIFY_URL: Type.Optional(Type.String({ minLength: 1 })),
  /** Where `transfer` hands orders over (湘潭); without it only logged. */
  TRANSFER_URL: Type.Optional(Type.String({ minLength: 1 })),
  /** Bearer token for NOTIFY_URL and TRANSFER_URL. */
  INTEGRATION_TOKEN: Type.Optional(Type.String()),
  LOG_LEVEL: Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)), { default: 'info' }),
});
export type WorkerEnv = Static<typeof WorkerEnvSchema>;

export interface WorkerConfig {
  engineRestUrl: string;
  workerId: string;
  databaseUrl?: string;
  topics?: string[];
  maxTasks: number;
  lockDuration: number;
  asyncResponseTimeout: number;
  auth?: { username: string; password: string };
  smsContacts: Record<string, string | Record<string, string>>;
  cityPlatformUrl?: string;
  cityPlatformToken?: string;
  notifyUrl?: string;
  transferUrl?: string;
  integrationToken?: string;
  logLevel: WorkerEnv['LOG_LEVEL'];
}

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(WorkerEnvSchema.properties)) if (env[key] !== undefined && env[key] !== '') raw[key] = env[key];
  const e = Value.Default(WorkerEnvSchema, Value.Convert(WorkerEnvSchema, raw)) as WorkerEnv;
  const first = [...Value.Errors(WorkerEnvSchema, e)][0];
  if (first) throw new InvalidWorkerConfigError(first.path.replace(/^\//, ''), first.message);
  let contacts: unknown;
  try {
    contacts = JSON.parse(e.SMS_CONTACTS);
  } catch (err) {
    throw new InvalidWorkerConfigError('SMS_CONTACTS', `not JSON: ${(err as Error).message}`);
  }
  if (!isRecord(contacts) || !Object.values(contacts).every((v) => typeof v === 'string' || (isRecord(v) && Object.values(v).every((p) => typeof p === 'string')))) {
    throw new InvalidWorkerConfigError('SMS_CONTACTS', 'must be a JSON object: unit id → phone, or unit id → {role → phone}');
  }
  if ((e.ENGINE_REST_USER === undefined) !== (e.ENGINE_REST_PASSWORD === undefined)) {
    throw new InvalidWorkerConfigError('ENGINE_REST_PASSWORD', 'ENGINE_REST_USER and ENGINE_REST_PASSWORD go together');
  }
  return {
    engineRestUrl: e.ENGINE_REST_URL,
    workerId: e.WORKER_ID ?? `suqiu-worker-${hostname()}-${process.pid}`,
    databaseUrl: e.DATABASE_URL,
    topics: e.WORKER_TOPICS?.split(',').map((t) => t.trim()).filter(Boolean),
    maxTasks: e.WORKER_MAX_TASKS,
    lockDuration: e.WORKER_LOCK_DURATION,
    asyncResponseTimeout: e.WORKER_ASYNC_RESPONSE_TIMEOUT,
    auth: e.ENGINE_REST_USER !== undefined ? { username: e.ENGINE_REST_USER, password: e.ENGINE_REST_PASSWORD! } : undefined,
    smsContacts: contacts as WorkerConfig['smsContacts'],
    cityPlatformUrl: e.CITY_PLATFORM_URL,
    cityPlatformToken: e.CITY_PLATFORM_TOKEN,
    notifyUrl: e.NOTIFY_URL,
    transferUrl: e.TRANSFER_URL,
    integrationToken: e.INTEGRATION_TOKEN,
    logLevel: e.LOG_LEVEL,
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
