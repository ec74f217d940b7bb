/** Reads of work orders, their attachments and their timeline. */

export const orderColumns = `w.id, w.number, w.region, w.requester_type, w.requester_name, w.unit_contact, w.phone, w.address,
  w.requested_at, w.channel, w.category, w.content, w.urgency, w.responsible_units, w.lead_unit, w.deadline, w.form_contact,
  w.form_contact_phone, w.remarks, w.process_instance_id, w.definition_id, w.created_by, w.created_at, w.updated_at,
  w.status, w.current_unit, w.due_at, w.extension_count, w.return_count, w.returned_at, w.reminder_count, w.reminded_at,
  w.supervision_count, w.supervised_at, w.redo_count, w.redone_at, w.completed_at, w.callback_at, w.satisfaction,
  w.process_revision, w.handling_unit, w.co_units, w.dispatched_at`;

export const orderById = `SELECT ${orderColumns} FROM work_order w WHERE w.id = $1`;
export const orderByNumber = `SELECT ${orderColumns} FROM work_order w WHERE w.number = $1`;

export const attachmentsOfOrder = `
  SELECT id, storage_key, name, size, content_type FROM work_order_attachment WHERE work_order_id = $1 ORDER BY position`;

export function listOrders(where: string, orderBy: string, page: string): string {
  return `SELECT ${orderColumns} FROM work_order w ${where} ${orderBy} ${page}`;
}

export function countOrders(where: string): string {
  return `SELECT count(*)::int AS count FROM work_order w ${where}`;
}

/** Past the deadline, given now ($n): finished late, or still open after it. */
export const overdueCondition = `(w.status <> 'cancelled' AND w.due_at IS NOT NULL AND w.due_at < coalesce(w.completed_at, {}))`;

export const activitiesOfInstance = `
  SELECT seq, activity_id, activity_name, activity_type, execution_id, assignee, start_time, end_time, canceled
  FROM activity_instance WHERE process_instance_id = $1 ORDER BY seq`;

export const eventsOfInstance = `
  SELECT id, event_type, activity_id, execution_id, user_id, payload, time
  FROM history_event WHERE process_instance_id = $1 ORDER BY id`;
