const userColumns = `u.id, u.username, u.display_name, u.unit_id, u.password_hash, u.disabled, u.token_version, u.failed_logins, u.locked_until,
  u.created_at, u.updated_at, un.region_id,
  coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM role_assignment r WHERE r.user_id = u.id), '{}') AS roles`;
const userFrom = `FROM app_user u LEFT JOIN unit un ON un.id = u.unit_id`;

export const userById = `SELECT ${userColumns} ${userFrom} WHERE u.id = $1`;
export const userByUsername = `SELECT ${userColumns} ${userFrom} WHERE lower(u.username) = lower($1)`;
export const listUsers = (where: string, page: string) => `SELECT ${userColumns} ${userFrom} ${where} ORDER BY lower(u.username), u.id ${page}`;
export const countUsers = (where: string) => `SELECT count(*)::int AS n ${userFrom} ${where}`;

/** `ON CONFLICT DO NOTHING`: a taken username returns no row (two nodes bootstrapping `admin`). */
export const insertUser = `
  INSERT INTO app_user (id, username, display_name, unit_id, password_hash, disabled, token_version, created_at, updated_at)
  VALUES ($1, $2, $3, $4, $5, false, 0, $6, $6)
  ON CONFLICT (lower(username)) DO NOTHING
  RETURNING id`;
export const insertRoles = `INSERT INTO role_assignment (user_id, role) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`;
export const deleteRoles = `DELETE FROM role_assignment WHERE user_id = $1`;
export const updateProfile = `
  UPDATE app_user SET display_name = coalesce($2, display_name), unit_id = CASE WHEN $3 THEN $4 ELSE unit_id END, updated_at = $5
  WHERE id = $1 RETURNING id`;
/** Disabling or a new password voids the tokens issued before (token_version). */
/** Enabling a user also lifts a login lock: the administrator has looked at the account. */
export const setDisabled = `UPDATE app_user SET disabled = $2, token_version = token_version + CASE WHEN $2 THEN 1 ELSE 0 END,
  failed_logins = CASE WHEN $2 THEN failed_logins ELSE 0 END, locked_until = CASE WHEN $2 THEN locked_until ELSE NULL END,
  updated_at = $3 WHERE id = $1 RETURNING id`;
export const setPassword = `UPDATE app_user SET password_hash = $2, token_version = token_version + 1, failed_logins = 0, locked_until = NULL, updated_at = $3 WHERE id = $1 RETURNING id`;

/**
 * One more wrong password; the one that reaches $2 in a row locks the user until $3 and starts
 * the count again, so after the lock the user has $2 tries anew. Returns the lock, if set.
 */
export const recordFailedLogin = `
  UPDATE app_user SET
    failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END,
    locked_until = CASE WHEN failed_logins + 1 >= $2 THEN $3 ELSE locked_until END
  WHERE id = $1
  RETURNING locked_until`;
export const clearFailedLogins = `UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = $1 AND (failed_logins > 0 OR locked_until IS NOT NULL)`;
