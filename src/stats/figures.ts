/** The figures of one group (docs/statistics.md defines each). Rates are 0–1, null without a denominator. */
export interface Figures {
  /** The group's key: region id, unit id (null: not yet assigned to any unit), month `YYYY-MM`, or null for all. */
  key: string | null;
  /** 受理量: orders requested in the period (including cancelled ones). */
  received: number;
  cancelled: number;
  dispatched: number;
  /** 及时转办: dispatched within DISPATCH_LIMIT_HOURS of registration. */
  dispatchedOnTime: number;
  /** 办结: the unit's reply is in (实际办结时间 set). */
  completed: number;
  completedOnTime: number;
  /** 已办结 status: struck off the ledger. */
  closed: number;
  overdue: number;
  overdueSeconds: number;
  overdueAverageSeconds: number | null;
  rated: number;
  satisfied: number;
  unsatisfied: number;
  returns: number;
  extensions: number;
  redos: number;
  /** 及时转办率 = dispatchedOnTime / (received − cancelled). */
  dispatchRate: number | null;
  /** 办结率 = completed / (received − cancelled). */
  completionRate: number | null;
  /** 按时办结率 = completedOnTime / (received − cancelled). */
  onTimeRate: number | null;
  /** 满意率 = satisfied (满意 + 基本满意) / rated. */
  satisfactionRate: number | null;
  /** 不满意率 = unsatisfied / rated. */
  unsatisfiedRate: number | null;
  /** 未办结率 = 1 − 办结率. */
  unfinishedRate: number | null;
}

/**
 * 及时转办: seeds 000 and 001 ask for quick dispatch (“快速交办”, “第一时间”) and a 100 %
 * timely-dispatch rate but set no limit; 24 hours is our choice (docs/statistics.md).
 */
export const DISPATCH_LIMIT_HOURS = 24;

/* eslint-disable @typescript-eslint/no-explicit-any -- database rows */

export function toFigures(r: Record<string, any>): Figures {
  const n = (k: string) => Number(r[k] ?? 0);
  const live = n('received') - n('cancelled');
  const overdue = n('overdue');
  const overdueSeconds = Math.round(n('overdue_seconds'));
  return {
    key: r.key === '' || r.key === null || r.key === undefined ? null : String(r.key),
    received: n('received'),
    cancelled: n('cancelled'),
    dispatched: n('dispatched'),
    dispatchedOnTime: n('dispatched_on_time'),
    completed: n('completed'),
    completedOnTime: n('completed_on_time'),
    closed: n('closed'),
    overdue,
    overdueSeconds,
    overdueAverageSeconds: overdue ? Math.round(overdueSeconds / overdue) : null,
    rated: n('rated'),
    satisfied: n('satisfied'),
    unsatisfied: n('unsatisfied'),
    returns: n('returns'),
    extensions: n('extensions'),
    redos: n('redos'),
    dispatchRate: rate(n('dispatched_on_time'), live),
    completionRate: rate(n('completed'), live),
    onTimeRate: rate(n('completed_on_time'), live),
    satisfactionRate: rate(n('satisfied'), n('rated')),
    unsatisfiedRate: rate(n('unsatisfied'), n('rated')),
    unfinishedRate: live > 0 ? round(1 - n('completed') / live) : null,
  };
}

export function rate(part: number, whole: number): number | null {
  return whole > 0 ? round(part / whole) : null;
}

/** Four decimals: 0.8333 reads as 83.33 %. */
export function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
