import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource } from 'typeorm';

/** Thrown when code inside a transaction queries through the pool instead of the transaction. */
export class QueryOutsideTransactionError extends Error {
  override readonly name = 'QueryOutsideTransactionError';
  constructor(readonly sql: string) {
    super(
      'A query went to the connection pool from inside a transaction. Use the transaction\'s manager (ctx.tx / tx.query): ' +
        'on embedded PGlite a second connection waits for the transaction to end, which never happens. Query: ' +
        sql.replace(/\s+/g, ' ').trim().slice(0, 120),
    );
  }
}

/**
 * Turns a silent deadlock into an error. Embedded PGlite serves one transaction at a time, so a
 * pool query issued while the same async flow holds a transaction waits forever; on PostgreSQL
 * the same code would read outside the transaction's snapshot and locks. Both are bugs, so the
 * guard runs on both.
 */
export function guardTransactions(dataSource: DataSource): void {
  const inTransaction = new AsyncLocalStorage<true>();
  const transaction = dataSource.transaction.bind(dataSource) as (...args: unknown[]) => Promise<unknown>;
  const query = dataSource.query.bind(dataSource);
  (dataSource as { transaction: unknown }).transaction = (...args: unknown[]) => {
    const last = args.length - 1;
    const work = args[last] as (...a: unknown[]) => unknown;
    args[last] = (...a: unknown[]) => inTransaction.run(true, () => work(...a));
    return transaction(...args);
  };
  // A transaction's EntityManager also queries through here, passing its own query runner.
  (dataSource as { query: unknown }).query = (sql: string, params?: unknown[], queryRunner?: unknown) => {
    if (queryRunner === undefined && inTransaction.getStore()) throw new QueryOutsideTransactionError(sql);
    return (query as (...a: unknown[]) => Promise<unknown>)(sql, params, queryRunner);
  };
}
