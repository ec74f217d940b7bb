/** Aggregates over `work_order w` for docs/statistics.md. `{now}` is replaced by the bound "now" parameter. */

/** What each grouping groups by; the unit is the accountable one (dispatch's choice, else the form's lead). */
export const GROUP_KEYS = {
  none: `''`,
  region: `w.region`,
  unit: `coalesce(w.handling_unit, w.lead_unit, w.responsible_units[1], '')`,
  month: `to_char(w.requested_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`,
} as const;

export type GroupBy = keyof typeof GROUP_KEYS;

/** Past the deadline: finished late, or still open after it (same rule as the work-order list). */
export const overdue = `(w.status <> 'cancelled' AND w.due_at IS NOT NULL AND w.due_at < coalesce(w.completed_at, {now}))`;

export function figures(key: string, where: string): string {
  const live = `w.status <> 'cancelled'`;
  return `
  SELECT ${key} AS key,
    count(*)::int AS received,
    count(*) FILTER (WHERE w.status = 'cancelled')::int AS cancelled,
    count(*) FILTER (WHERE ${live} AND w.dispatched_at IS NOT NULL)::int AS dispatched,
    count(*) FILTER (WHERE ${live} AND w.dispatched_at <= w.created_at + make_interval(hours => {dispatchHours}))::int AS dispatched_on_time,
    count(*) FILTER (WHERE ${live} AND w.completed_at IS NOT NULL)::int AS completed,
    count(*) FILTER (WHERE ${live} AND w.completed_at IS NOT NULL AND (w.due_at IS NULL OR w.completed_at <= w.due_at))::int AS completed_on_time,
    count(*) FILTER (WHERE ${live} AND w.status = 'closed')::int AS closed,
    count(*) FILTER (WHERE ${overdue})::int AS overdue,
    coalesce(sum(extract(epoch FROM coalesce(w.completed_at, {now}) - w.due_at)) FILTER (WHERE ${overdue}), 0)::float8 AS overdue_seconds,
    count(*) FILTER (WHERE ${live} AND w.satisfaction IS NOT NULL)::int AS rated,
    count(*) FILTER (WHERE ${live} AND w.satisfaction IN ('satisfied', 'basicallySatisfied'))::int AS satisfied,
    count(*) FILTER (WHERE ${live} AND w.satisfaction = 'unsatisfied')::int AS unsatisfied,
    coalesce(sum(w.return_count) FILTER (WHERE ${live}), 0)::int AS returns,
    coalesce(sum(w.extension_count) FILTER (WHERE ${live}), 0)::int AS extensions,
    coalesce(sum(w.redo_count) FILTER (WHERE ${live}), 0)::int AS redos
  FROM work_order w ${where}
  GROUP BY 1 ORDER BY 1`;
}

/** Orders per value of a closed-list column (channel, category). */
export function countBy(column: 'w.channel' | 'w.category', where: string): string {
  return `SELECT ${column} AS code, count(*)::int AS count FROM work_order w ${where} GROUP BY 1 ORDER BY 2 DESC, 1`;
}

/** One keyset page of request texts for the word counts. */
export function contents(where: string, afterKey: string | null, limit: string): string {
  const clause = afterKey === null ? where : `${where ? `${where} AND` : 'WHERE'} (w.requested_at, w.id) > (${afterKey})`;
  return `SELECT w.id, w.requested_at::text AS requested_key, w.content FROM work_order w ${clause} ORDER BY w.requested_at, w.id LIMIT ${limit}`;
}

/**
 * The accountability sequence: per unit, its orders whose verdict is known now (finished, or
 * open past the deadline), in order of deadline.
 */
export function verdicts(where: string): string {
  const condition = `w.status <> 'cancelled' AND w.due_at IS NOT NULL AND (w.completed_at IS NOT NULL OR w.due_at < {now})`;
  return `
  SELECT ${GROUP_KEYS.unit} AS unit, w.number, w.due_at, ${overdue} AS overdue
  FROM work_order w ${where ? `${where} AND ${condition}` : `WHERE ${condition}`}
  ORDER BY 1, w.due_at, w.id`;
}
