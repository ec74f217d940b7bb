import { DataSource } from 'typeorm';
import { migrations } from '../../migrations/index.js';
import { entities } from './entities.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';
import { guardTransactions } from './transaction-guard.js';

export interface Database {
  dataSource: DataSource;
  /** `postgres` for a real server, `pglite` for the embedded default. */
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL URL; without it an embedded PGlite is started. */
  url?: string;
  /** Embedded mode only: folder for PGlite's files; undefined keeps it in memory. */
  dataDir?: string;
  /** Run in this schema (created if missing). Tests use one schema per test file. */
  schema?: string;
  poolSize?: number;
}

/** Opens the database and applies pending migrations (never `synchronize`). */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  let embedded: EmbeddedPostgres | undefined;
  let url = options.url;
  if (!url) {
    embedded = await startEmbeddedPostgres(options.dataDir);
    url = embedded.url;
  }
  const schema = options.schema;
  if (schema) await ensureSchema(url, schema);
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    logging: false,
    schema,
    extra: {
      // PGlite is one session behind the socket: concurrent connections interleave statements
      // ("unnamed prepared statement does not exist", then a hang). One connection queues them.
      max: embedded ? 1 : (options.poolSize ?? 10),
      ...(schema && { options: `-c search_path=${quoteIdent(schema)}` }),
    },
  });
  await dataSource.initialize();
  guardTransactions(dataSource);
  try {
    await migrateExclusively(dataSource, Boolean(embedded));
  } catch (err) {
    await dataSource.destroy();
    await embedded?.stop();
    throw err;
  }
  return {
    dataSource,
    kind: embedded ? 'pglite' : 'postgres',
    async close() {
      await dataSource.destroy();
      await embedded?.stop();
    },
  };
}

/**
 * Several service processes starting at once on a fresh PostgreSQL would each run the
 * migrations; a session advisory lock lets one run them and the others find them applied.
 * (Embedded PGlite has one process and one connection, so no lock there.)
 */
async function migrateExclusively(dataSource: DataSource, embedded: boolean): Promise<void> {
  if (embedded) {
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query(`SELECT pg_advisory_lock(hashtext('suqiu.migrations'))`);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lock.query(`SELECT pg_advisory_unlock(hashtext('suqiu.migrations'))`).catch(() => undefined);
    await lock.release();
  }
}

async function ensureSchema(url: string, schema: string): Promise<void> {
  const bootstrap = new DataSource({ type: 'postgres', url });
  await bootstrap.initialize();
  try {
    await bootstrap.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  } finally {
    await bootstrap.destroy();
  }
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`invalid schema name ${name}`);
  return `"${name}"`;
}
