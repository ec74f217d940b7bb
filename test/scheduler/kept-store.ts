import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { pino, type Logger } from 'pino';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { jobIdOf } from '../../src/scheduler/index.js';

/**
 * A database and timer queue that outlive one run of the service, for restart tests: embedded
 * PGlite in a data folder, or a PostgreSQL schema kept between the runs. Dropped at teardown.
 */
export interface KeptStore {
  redisUrl: string | undefined;
  databaseUrl: string | undefined;
  schema: string | undefined;
  dataDir: string | undefined;
  queueName: string;
  logger: Logger;
  /** Empties the BullMQ queue, as a Redis that lost everything would be. */
  flushQueue(): Promise<void>;
  /** Which of these timer rows have a job in the queue. */
  queuedJobIds(jobs: Array<{ id: string; due_at: Date }>): Promise<string[]>;
}

export async function keptStore(t: { teardown(fn: () => Promise<void>): void }, name: string): Promise<KeptStore> {
  const redisUrl = process.env.REDIS_URL;
  const databaseUrl = process.env.DATABASE_URL;
  const schema = databaseUrl ? `t_${randomBytes(6).toString('hex')}` : undefined;
  const dataDir = databaseUrl ? undefined : await mkdtemp(join(tmpdir(), `suqiu-${name}-`));
  const queueName = `suqiu-timers-${schema ?? name}`;
  const queue = () => new Queue(queueName, { connection: { url: redisUrl!, maxRetriesPerRequest: null } });
  const store: KeptStore = {
    redisUrl,
    databaseUrl,
    schema,
    dataDir,
    queueName,
    logger: pino({ level: process.env.LOG_LEVEL ?? 'silent' }),
    async flushQueue() {
      const q = queue();
      await q.obliterate({ force: true });
      await q.close();
    },
    async queuedJobIds(jobs) {
      const q = queue();
      try {
        const found: string[] = [];
        for (const j of jobs) if (await q.getJob(jobIdOf({ id: j.id, dueAt: j.due_at }))) found.push(j.id);
        return found;
      } finally {
        await q.close();
      }
    },
  };
  t.teardown(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    if (schema && databaseUrl) {
      const ds = new DataSource({ type: 'postgres', url: databaseUrl });
      await ds.initialize();
      await ds.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await ds.destroy();
    }
    if (redisUrl) await store.flushQueue();
  });
  return store;
}
