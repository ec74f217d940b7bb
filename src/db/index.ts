/**
 * The database: PostgreSQL through TypeORM + pg, or embedded PGlite behind the same driver.
 * Migrations in `migrations/` are applied on open.
 *
 *   const db = await openDatabase({ url: process.env.DATABASE_URL, dataDir: './data' });
 *   await db.dataSource.transaction(async (m) => m.query('SELECT 1'));
 */
export { openDatabase } from './data-source.js';
export type { Database, OpenDatabaseOptions } from './data-source.js';
export * from './entities.js';
export { SqlFilter } from './sql-filter.js';
export { QueryOutsideTransactionError } from './transaction-guard.js';
