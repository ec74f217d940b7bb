/** First writer wins: every node that starts without JWT_SECRET reads back the same secret. */
export const insertSetting = `INSERT INTO auth_setting (name, value, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING`;
export const settingByName = `SELECT value FROM auth_setting WHERE name = $1`;
