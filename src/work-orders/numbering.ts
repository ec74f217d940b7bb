import { DEFAULT_TIME_ZONE, localDateOf } from '../calendar/index.js';
import type { Queryable } from '../engine/index.js';
import * as sql from './sql/numbering.js';

/**
 * Hands out the order's human number `<region>-<YYYYMMDD>-<seq>` (e.g. `puyang-20261123-0007`),
 * the day being the registration day in China time. Runs in the intake transaction: see
 * sql/numbering.ts for why that makes numbers unique and gap-free under concurrency.
 */
export async function allocateNumber(tx: Queryable, region: string, now: Date): Promise<string> {
  const day = localDateOf(now, DEFAULT_TIME_ZONE);
  const rows = (await tx.query(sql.nextSequence, [region, day])) as Array<{ seq: number }>;
  const seq = Number(rows[0]!.seq);
  return `${region}-${day.replaceAll('-', '')}-${String(seq).padStart(4, '0')}`;
}
