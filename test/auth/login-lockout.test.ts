import t from 'tap';
import { basicAuth, startTestApp } from '../support/harness.js';
import { answer, call } from './support.js';

// Login-failure handling (等保 2.0): 5 wrong passwords in a row lock the user for 15 minutes,
// on sign-in and on Basic alike; counted in the database, moved by the service clock.
const ctx = await startTestApp();
t.teardown(() => ctx.close());
const login = async (username: string, password: string) =>
  answer(await ctx.rawInject({ method: 'POST', url: '/api/auth/login', payload: { username, password } }));
const wrongTimes = async (username: string, n: number) => {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) statuses.push((await login(username, `wrong-${i}`)).status);
  return statuses;
};

t.test('the fifth wrong password in a row locks the user: 429 naming the end, even for the right password', async (t) => {
  const u = await ctx.createUser({ username: 'zhao', unitId: 'hotline-office', roles: ['dispatcher'], password: 'zhao-password' });
  t.same(await wrongTimes('zhao', 4), [401, 401, 401, 401]);
  const res = await ctx.rawInject({ method: 'POST', url: '/api/auth/login', payload: { username: 'zhao', password: 'wrong-again' } });
  t.equal(res.statusCode, 429);
  t.equal(res.headers['retry-after'], '900', 'Retry-After: the 15 minutes in seconds');
  const until = new Date(ctx.clock.now().getTime() + 15 * 60_000).toISOString();
  t.match(res.json(), { type: 'AuthenticationException', message: `User 'zhao' is locked after too many wrong passwords until ${until}` });
  t.equal((await login('zhao', 'zhao-password')).status, 429, 'the right password does not open a locked user');
  t.equal((await call(ctx, { authorization: basicAuth('zhao', 'zhao-password') }, 'GET', '/engine-rest/task')).status, 429, 'nor does Basic');
  t.match((await ctx.app.inject({ method: 'GET', url: `/api/users/${u.id}` })).json(), { username: 'zhao', lockedUntil: until }, 'administrators see the lock');
  t.equal(u.headers.authorization.startsWith('Bearer '), true);
  t.equal((await call(ctx, u.headers, 'GET', '/api/auth/me')).status, 200, 'a token issued before the lock keeps working (the lock stops guessing, not work)');

  ctx.clock.advance(15 * 60_000 - 1000);
  t.equal((await login('zhao', 'zhao-password')).status, 429, 'one second before the end: still locked');
  ctx.clock.advance(1000);
  t.equal((await login('zhao', 'zhao-password')).status, 200, 'at the end the right password works again');
  t.match((await ctx.app.inject({ method: 'GET', url: `/api/users/${u.id}` })).json(), { lockedUntil: null });
});

t.test('a success starts the count again; wrong Basic passwords count too', async (t) => {
  await ctx.createUser({ username: 'qian', unitId: 'hotline-office', roles: ['handler'], password: 'qian-password' });
  t.same(await wrongTimes('qian', 4), [401, 401, 401, 401]);
  t.equal((await login('qian', 'qian-password')).status, 200);
  t.same(await wrongTimes('qian', 4), [401, 401, 401, 401], 'four more after a success: not locked');
  const basic = await call(ctx, { authorization: basicAuth('qian', 'not-it') }, 'GET', '/engine-rest/task');
  t.equal(basic.status, 429, 'the fifth in a row, over Basic, locks');
  t.equal((await login('qian', 'qian-password')).status, 429);
});

t.test('an administrator lifts a lock by resetting the password or enabling the user', async (t) => {
  const a = await ctx.createUser({ username: 'sun', unitId: 'hotline-office', roles: ['handler'], password: 'sun-password' });
  await wrongTimes('sun', 5);
  t.equal((await login('sun', 'sun-password')).status, 429);
  const reset = await ctx.app.inject({ method: 'POST', url: `/api/users/${a.id}/password`, payload: { password: 'sun-new-password' } });
  t.equal(reset.statusCode < 300, true, `reset answered ${reset.statusCode}`);
  t.equal((await login('sun', 'sun-new-password')).status, 200, 'a reset password opens the user at once');

  const b = await ctx.createUser({ username: 'li', unitId: 'hotline-office', roles: ['handler'], password: 'li-password' });
  await wrongTimes('li', 5);
  t.equal((await ctx.app.inject({ method: 'PATCH', url: `/api/users/${b.id}`, payload: { disabled: true } })).statusCode, 200);
  t.equal((await ctx.app.inject({ method: 'PATCH', url: `/api/users/${b.id}`, payload: { disabled: false } })).statusCode, 200);
  t.equal((await login('li', 'li-password')).status, 200, 'enabling the user lifts the lock');
});

t.test('an unknown name is never locked and tells nothing: always the same 401', async (t) => {
  t.same(await wrongTimes('nobody-here', 6), [401, 401, 401, 401, 401, 401]);
});
