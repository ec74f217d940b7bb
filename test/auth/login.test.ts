import t from 'tap';
import { basicAuth, startTestApp, TEST_ADMIN_PASSWORD } from '../support/harness.js';
import { answer, call } from './support.js';

// Sign-in: tokens, Basic, bad passwords, disabled users, password resets, the bootstrap admin.
const ctx = await startTestApp();
t.teardown(() => ctx.close());
const login = async (username: string, password: string) =>
  answer(await ctx.rawInject({ method: 'POST', url: '/api/auth/login', payload: { username, password } }));

t.test('the first start created admin with ADMIN_PASSWORD; login answers a token and the user', async (t) => {
  const res = await login('admin', TEST_ADMIN_PASSWORD);
  t.equal(res.status, 200);
  t.match(res.body, { token: /^[\w-]+\.[\w-]+\.[\w-]+$/, expiresIn: 43200, user: { id: String, username: 'admin', displayName: '系统管理员', unitId: null, roles: ['administrator'] } });
  const me = await call(ctx, { authorization: `Bearer ${res.body.token}` }, 'GET', '/api/auth/me');
  t.equal(me.status, 200);
  t.match(me.body, { username: 'admin', roles: ['administrator'], region: null });
  t.equal((await login('ADMIN', TEST_ADMIN_PASSWORD)).status, 200, 'usernames are case-insensitive');
  const [row] = (await ctx.services.database.dataSource.query(`SELECT password_hash FROM app_user WHERE username = 'admin'`)) as Array<{ password_hash: string }>;
  t.match(row!.password_hash, /^scrypt\$32768\$8\$1\$/, 'stored as a scrypt hash, never the password');
});

t.test('a wrong password or an unknown user is 401 with the same message', async (t) => {
  const wrong = await login('admin', 'not-the-password');
  const unknown = await login('nobody', 'whatever-it-is');
  t.equal(wrong.status, 401);
  t.equal(unknown.status, 401);
  t.match(wrong.body, { type: 'AuthenticationException', message: 'Wrong username or password' });
  t.same(unknown.body, wrong.body);
  const bad = await answer(await ctx.rawInject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin' } }));
  t.equal(bad.status, 400);
  t.match(bad.body, { type: 'InvalidRequestException', message: /password/ });
});

t.test('Bearer tokens and HTTP Basic both work on /api and /engine-rest', async (t) => {
  const u = await ctx.createUser({ username: 'li.si', displayName: '李四', unitId: 'hotline-office', roles: ['dispatcher'], password: 'li-si-password' });
  t.equal((await call(ctx, u.headers, 'GET', '/engine-rest/task')).status, 200);
  t.equal((await call(ctx, u.headers, 'GET', '/api/auth/me')).body.displayName, '李四');
  const basic = { authorization: basicAuth('li.si', 'li-si-password') };
  t.equal((await call(ctx, basic, 'GET', '/engine-rest/deployment')).status, 200);
  t.equal((await call(ctx, basic, 'GET', '/api/regions')).status, 200);
  t.equal((await call(ctx, basic, 'GET', '/engine-rest/deployment')).status, 200, 'again, from the verified-password cache');
  const wrong = await call(ctx, { authorization: basicAuth('li.si', 'wrong-password') }, 'GET', '/engine-rest/deployment');
  t.equal(wrong.status, 401);
  t.match(wrong.body, { type: 'AuthenticationException' });
  t.equal((await call(ctx, { authorization: 'Bearer not.a.token' }, 'GET', '/engine-rest/task')).status, 401);
  t.equal((await call(ctx, { authorization: 'Digest abc' }, 'GET', '/engine-rest/task')).status, 401);
});

t.test('a disabled user cannot sign in (403) and its tokens and Basic stop working at once', async (t) => {
  const u = await ctx.createUser({ username: 'wang', unitId: 'hotline-office', roles: ['handler'], password: 'wang-password' });
  const basic = { authorization: basicAuth('wang', 'wang-password') };
  t.equal((await call(ctx, basic, 'GET', '/engine-rest/task')).status, 200);
  const off = await ctx.app.inject({ method: 'PATCH', url: `/api/users/${u.id}`, payload: { disabled: true } });
  t.equal(off.statusCode, 200);
  t.match(off.json(), { username: 'wang', disabled: true });
  const refused = await login('wang', 'wang-password');
  t.equal(refused.status, 403);
  t.match(refused.body, { type: 'AuthorizationException', message: "User 'wang' is disabled" });
  t.equal((await login('wang', 'bad-password')).status, 401, 'a wrong password does not learn that the user is disabled');
  t.equal((await call(ctx, u.headers, 'GET', '/engine-rest/task')).status, 401, 'its token is revoked');
  t.equal((await call(ctx, basic, 'GET', '/engine-rest/task')).status, 401, 'Basic too');
  await ctx.app.inject({ method: 'PATCH', url: `/api/users/${u.id}`, payload: { disabled: false } });
  t.equal((await login('wang', 'wang-password')).status, 200, 'enabled again');
  t.equal((await call(ctx, u.headers, 'GET', '/engine-rest/task')).status, 401, 'but tokens issued before the disable stay void');
});

t.test('a password reset voids the old password and the old tokens', async (t) => {
  const u = await ctx.createUser({ username: 'zhao', unitId: 'window', roles: ['handler'], password: 'zhao-password' });
  const basic = { authorization: basicAuth('zhao', 'zhao-password') };
  t.equal((await call(ctx, basic, 'GET', '/engine-rest/task')).status, 200);
  const reset = await ctx.app.inject({ method: 'POST', url: `/api/users/${u.id}/password`, payload: { password: 'zhao-new-password' } });
  t.equal(reset.statusCode, 204);
  t.equal((await call(ctx, u.headers, 'GET', '/engine-rest/task')).status, 401, 'old token');
  t.equal((await call(ctx, basic, 'GET', '/engine-rest/task')).status, 401, 'old password, even though it was cached');
  t.equal((await login('zhao', 'zhao-new-password')).status, 200);
  const short = await ctx.app.inject({ method: 'POST', url: `/api/users/${u.id}/password`, payload: { password: 'short' } });
  t.equal(short.statusCode, 400);
  t.match(short.json(), { type: 'InvalidRequestException', message: /password/ });
});

t.test('a restart keeps tokens valid: the generated secret is stored, and admin is not recreated', async (t) => {
  const [secret] = (await ctx.services.database.dataSource.query(`SELECT value FROM auth_setting WHERE name = 'jwt-secret'`)) as Array<{ value: string }>;
  t.equal(secret?.value, ctx.services.jwtSecret, 'the secret in use is the stored one');
  const { resolveJwtSecret, ensureAdmin } = await import('../../src/auth/index.js');
  t.equal(await resolveJwtSecret(ctx.services.database.dataSource, ctx.clock, undefined), ctx.services.jwtSecret, 'a second start reads the same secret');
  t.equal(await resolveJwtSecret(ctx.services.database.dataSource, ctx.clock, 'x'.repeat(32)), 'x'.repeat(32), 'JWT_SECRET wins when set');
  await ensureAdmin(ctx.services.users, 'another-password', ctx.services.logger);
  t.equal((await login('admin', TEST_ADMIN_PASSWORD)).status, 200, 'an existing admin keeps its password');
});
