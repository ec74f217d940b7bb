/** Reads of the ledger: the projection columns one row needs, filtered, in the export's order. */

const rowColumns = `w.id, w.number, w.requester_type, w.requester_name, w.unit_contact, w.phone, w.content, w.category,
  w.responsible_units, w.lead_unit, w.handling_unit, w.co_units, w.dispatched_at, w.due_at, w.reminder_count, w.reminded_at,
  w.supervision_count, w.supervised_at, w.redo_count, w.redone_at, w.completed_at, w.status, w.callback_at, w.satisfaction,
  w.extension_count, w.return_count,
  w.requested_at::text AS requested_key`; // text: a JS Date would drop microseconds and repeat a row across pages

/** Region, unit (any unit named on the order) and period on the time of request; `{}` = parameter. */
export const unitCondition = `(w.handling_unit = {} OR {} = ANY(w.co_units) OR w.lead_unit = {} OR {} = ANY(w.responsible_units))`;

/** The ledger is kept in the order requests came in; `id` breaks ties so keyset pages never overlap. */
export function page(where: string, limit: string, offset: string): string {
  return `SELECT ${rowColumns} FROM work_order w ${where} ORDER BY w.requested_at, w.id LIMIT ${limit} OFFSET ${offset}`;
}

export function count(where: string): string {
  return `SELECT count(*)::int AS count FROM work_order w ${where}`;
}

/** The next keyset page after (requested_at, id) = ($a, $b). */
export function after(where: string, requestedAt: string, id: string, limit: string): string {
  const keyset = `(w.requested_at, w.id) > (${requestedAt}::timestamptz, ${id})`;
  const clause = where ? `${where} AND ${keyset}` : `WHERE ${keyset}`;
  return `SELECT ${rowColumns} FROM work_order w ${clause} ORDER BY w.requested_at, w.id LIMIT ${limit}`;
}
