import ExcelJS from 'exceljs';
import type { TestApp } from '../support/harness.js';

/** Moves the service clock through the API, so the scheduler fires what falls due. */
export async function clockTo(ctx: TestApp, iso: string): Promise<void> {
  const res = await ctx.app.inject({ method: 'POST', url: '/api/clock', payload: { set: iso } });
  if (res.statusCode !== 200) throw new Error(`clock: ${res.statusCode} ${res.body}`);
}

/** Every row of the first worksheet as arrays of cell texts (ExcelJS reading the file back). */
export async function readXlsx(bytes: Buffer): Promise<{ sheet: string; rows: Array<Array<string | number>> }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: Array<Array<string | number>> = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: Array<string | number> = [];
    for (let i = 1; i <= sheet.columnCount; i++) {
      const v = row.getCell(i).value;
      cells.push(v === null || v === undefined ? '' : typeof v === 'number' ? v : String(v));
    }
    rows.push(cells);
  });
  return { sheet: sheet.name, rows };
}

/** RFC 4180 fields (quoted, "" escapes, CRLF records). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') record.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') record.push(field), records.push(record), (field = ''), (record = []), i++;
    else field += c;
  }
  if (field !== '' || record.length) record.push(field), records.push(record);
  return records;
}
