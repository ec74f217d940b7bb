/** Statements on `process_instance`, the row every command locks first. */

export const insertInstance = `
  INSERT INTO process_instance
    (id, definition_id, definition_key, business_key, tenant_id, state, revision, start_time, start_user_id, start_activity_id)
  VALUES ($1, $2, $3, $4, $5, 'ACTIVE', 0, $6, $7, $8)`;

/** Serialises commands on one instance: a second command waits here until the first commits. */
export const lockInstance = `
  SELECT id, definition_id, definition_key, business_key, tenant_id, state, engine_state, revision
  FROM process_instance WHERE id = $1 FOR UPDATE`;

export const saveInstance = `
  UPDATE process_instance
  SET engine_state = $2, revision = revision + 1, state = $3, end_time = $4, delete_reason = coalesce($5, delete_reason),
      start_activity_id = coalesce(start_activity_id, $6)
  WHERE id = $1
  RETURNING revision`;
