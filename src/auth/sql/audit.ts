export const insertAuditEvent = `
  INSERT INTO audit_event (at, user_id, username, action, method, path, status, details)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`;
export const listAuditEvents = (where: string, page: string) => `
  SELECT id, at, user_id, username, action, method, path, status, details FROM audit_event ${where} ORDER BY id DESC ${page}`;
