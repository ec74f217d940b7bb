/**
 * 工作台账, the ledger of seed 001 annex 3: one row per work order with exactly the annex's
 * columns, read from the work-order projection. Filters region, unit, period; JSON pages, or
 * a streamed xlsx / CSV export of any size (docs/ledger.md).
 *
 *   const ledger = new LedgerReader(dataSource, clock);
 *   const { total, items } = await ledger.page(parseOrderFilter(query), 0, 50);
 *   await writeLedgerXlsx(ledger.rows(filter), reply.raw);
 */
export { LEDGER_COLUMNS, type LedgerColumn, type LedgerRow } from './columns.js';
export { LedgerReader, EXPORT_PAGE_SIZE, type LedgerEntry } from './ledger-reader.js';
export { ledgerRow, time as ledgerTime, duration as ledgerDuration } from './ledger-row.js';
export { parseOrderFilter, orderConditions, boundary, type OrderFilter, type FilterQuery } from './filter.js';
export { writeLedgerXlsx } from './export-xlsx.js';
export { writeLedgerCsv, cell as csvCell } from './export-csv.js';
export { InvalidLedgerQueryError } from './errors.js';
