/**
 * 获嘉 (seed 002, 四(四)): “连续三次或累计五次逾期工单，承办单位主要领导要在县政府常务会议上
 * 专题汇报”. Per unit, the orders whose verdict is known (finished, or open past the deadline),
 * in order of deadline: the unit is flagged when three of them in a row are overdue, or five
 * in all are.
 */
export const CONSECUTIVE_LIMIT = 3;
export const CUMULATIVE_LIMIT = 5;

export interface Verdict {
  unit: string | null;
  number: string;
  dueAt: Date;
  overdue: boolean;
}

export interface UnitAccountability {
  unit: string | null;
  /** Orders with a verdict. */
  judged: number;
  overdue: number;
  /** The longest run of overdue orders in a row. */
  longestRun: number;
  /** The run at the end of the sequence (still going). */
  currentRun: number;
  flagged: boolean;
  /** `consecutive` (≥ 3 in a row), `cumulative` (≥ 5 in all), or both. */
  reasons: Array<'consecutive' | 'cumulative'>;
  /** The overdue orders, in order of deadline. */
  overdueOrders: string[];
}

/** `verdicts` ordered by unit, then deadline (sql/figures.ts `verdicts`). */
export function judgeUnits(verdicts: readonly Verdict[]): UnitAccountability[] {
  const byUnit = new Map<string | null, Verdict[]>();
  for (const v of verdicts) byUnit.set(v.unit, [...(byUnit.get(v.unit) ?? []), v]);
  return [...byUnit].map(([unit, list]) => judge(unit, list));
}

function judge(unit: string | null, list: readonly Verdict[]): UnitAccountability {
  let run = 0;
  let longestRun = 0;
  for (const v of list) {
    run = v.overdue ? run + 1 : 0;
    longestRun = Math.max(longestRun, run);
  }
  const overdueOrders = list.filter((v) => v.overdue).map((v) => v.number);
  const reasons: UnitAccountability['reasons'] = [];
  if (longestRun >= CONSECUTIVE_LIMIT) reasons.push('consecutive');
  if (overdueOrders.length >= CUMULATIVE_LIMIT) reasons.push('cumulative');
  return { unit, judged: list.length, overdue: overdueOrders.length, longestRun, currentRun: run, flagged: reasons.length > 0, reasons, overdueOrders };
}
