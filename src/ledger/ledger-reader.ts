import type { DataSource } from 'typeorm';
import type { Clock } from '../clock/index.js';
import type { LedgerRow } from './columns.js';
import { orderConditions, type OrderFilter } from './filter.js';
import { ledgerRow } from './ledger-row.js';
import { maskLedgerRow, type LedgerViewer } from './ledger-masking.js';
import * as sql from './sql/ledger.js';

export interface LedgerEntry {
  id: string;
  number: string;
  row: LedgerRow;
}

/** Rows per keyset page of an export: small enough to stay in memory, big enough to keep round trips rare. */
export const EXPORT_PAGE_SIZE = 1000;

/**
 * Reads the ledger: a page for the JSON API, or every row for an export. An export reads in
 * keyset pages, each in a short transaction of its own, and never holds a connection while
 * the client reads: embedded PGlite has one connection, and a slow download must not stop
 * every engine command for minutes. The price is that an export is not one snapshot — an order
 * that changes during the download shows the state its page saw (each row is consistent).
 */
export class LedgerReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async page(filter: OrderFilter, firstResult: number, maxResults: number, viewer?: LedgerViewer): Promise<{ total: number; items: LedgerEntry[] }> {
    const now = this.clock.now();
    const f = orderConditions(filter);
    const countParams = [...f.params];
    const query = sql.page(f.clause, f.param(maxResults), f.param(firstResult));
    // REPEATABLE READ: the total agrees with the page (and, on PGlite, statements run in a transaction: pglite#1046).
    return this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      const [{ count }] = (await tx.query(sql.count(f.clause), countParams)) as [{ count: number }];
      const rows = (await tx.query(query, f.params)) as Array<Record<string, unknown>>;
      return { total: Number(count), items: rows.map((r, i) => entry(r, firstResult + i + 1, now, viewer)) };
    });
  }

  /** Every row of the filter, in ledger order, one page in memory at a time. */
  async *rows(filter: OrderFilter, pageSize = EXPORT_PAGE_SIZE, viewer?: LedgerViewer): AsyncGenerator<LedgerRow> {
    const now = this.clock.now(); // one "now" for the whole file: overdue remarks agree with each other
    let seq = 0;
    let last: { requestedAt: unknown; id: string } | null = null;
    for (;;) {
      const f = orderConditions(filter);
      const query = last ? sql.after(f.clause, f.param(last.requestedAt), f.param(last.id), f.param(pageSize)) : sql.page(f.clause, f.param(pageSize), f.param(0));
      const rows = (await this.dataSource.transaction((tx) => tx.query(query, f.params))) as Array<Record<string, any>>;
      for (const r of rows) yield maskLedgerRow(ledgerRow(r, ++seq, now), r, viewer);
      if (rows.length < pageSize) return;
      const tail = rows[rows.length - 1]!;
      last = { requestedAt: tail.requested_key, id: tail.id };
    }
  }
}

function entry(r: Record<string, any>, seq: number, now: Date, viewer: LedgerViewer | undefined): LedgerEntry {
  return { id: r.id, number: r.number, row: maskLedgerRow(ledgerRow(r, seq, now), r, viewer) };
}
