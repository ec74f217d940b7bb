import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { LEDGER_COLUMNS, type LedgerRow } from './columns.js';

/** Excel opens a UTF-8 CSV as UTF-8 (and shows the Chinese) only when it starts with a BOM. */
const BOM = '\uFEFF';

/**
 * Writes the ledger as CSV (RFC 4180, CRLF, UTF-8 with BOM) into `out`, row by row, waiting
 * whenever `out` asks for a pause. Returns the number of rows. `out` is ended.
 */
export async function writeLedgerCsv(rows: AsyncIterable<LedgerRow>, out: Writable): Promise<number> {
  await write(out, BOM + LEDGER_COLUMNS.map(cell).join(',') + '\r\n');
  let count = 0;
  for await (const row of rows) {
    await write(out, LEDGER_COLUMNS.map((c) => cell(row[c])).join(',') + '\r\n');
    count += 1;
  }
  out.end();
  return count;
}

/**
 * A quoted field. Requests are typed by citizens, so a text starting with = + - @ (or a tab /
 * CR) would run as a formula when the CSV is opened in Excel; such a cell gets a leading `'`
 * (OWASP "CSV injection"). The xlsx export writes typed strings and needs no such guard.
 */
export function cell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}
