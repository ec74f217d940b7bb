import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { LEDGER_COLUMNS, type LedgerRow } from './columns.js';

/** Column widths in characters: wide enough to read the request, narrow for the yes/no columns. */
const WIDTHS: Record<string, number> = { 序号: 7, 主要诉求: 40, 政务服务部门及牵头部门: 24, 备注: 36 };

/**
 * Writes the ledger as one worksheet 工作台账 straight into `out` with ExcelJS's streaming
 * writer: each row is committed (serialised into the zip) as soon as it is added, so memory
 * stays flat however many rows there are. Strings only, no shared-strings table (it would grow
 * with every distinct request text). Waits whenever `out` asks for a pause, so a slow client
 * slows the database reads instead of filling memory.
 */
export async function writeLedgerXlsx(rows: AsyncIterable<LedgerRow>, out: Writable): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('工作台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = LEDGER_COLUMNS.map((header) => ({ header, key: header, width: WIDTHS[header] ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let count = 0;
  for await (const row of rows) {
    sheet.addRow(LEDGER_COLUMNS.map((c) => row[c])).commit();
    count += 1;
    if (out.writableNeedDrain) await once(out, 'drain');
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
