/** Statements of the intake transaction. */

/**
 * Serialises intakes that carry the same Idempotency-Key in one region: the second waits
 * until the first commits, then finds its order instead of starting a second process.
 */
export const lockIdempotencyKey = `SELECT pg_advisory_xact_lock(hashtext('work_order:' || $1), hashtext($2))`;

export const orderByIdempotencyKey = `SELECT id, number, request_hash FROM work_order WHERE region = $1 AND idempotency_key = $2`;

export const insertOrder = `
  INSERT INTO work_order (id, number, region, requester_type, requester_name, unit_contact, phone, address, requested_at,
    channel, category, content, urgency, responsible_units, lead_unit, deadline, form_contact, form_contact_phone, remarks,
    idempotency_key, request_hash, process_instance_id, definition_id, created_by, created_at, status, due_at, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25,
    'dispatching', $16, $25)`;

export const insertAttachments = `
  INSERT INTO work_order_attachment (id, work_order_id, position, storage_key, name, size, content_type, created_at)
  SELECT a.id, $1, a.position, a.storage_key, a.name, a.size, a.content_type, $2
  FROM jsonb_to_recordset($3::jsonb) AS a(id text, position integer, storage_key text, name text, size bigint, content_type text)`;

/** Camunda refuses to start a suspended definition; so does intake. */
export const definitionSuspended = `SELECT suspended FROM process_definition WHERE id = $1`;
