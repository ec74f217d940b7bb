import t from 'tap';
import { basicAuth, startTestApp } from '../support/harness.js';
import { form } from '../work-orders/support.js';
import { call, cast, orderFor } from './support.js';

// A handler of unit A meets unit B's work as if it did not exist, in /engine-rest and in
// /api/work-orders alike, and nothing it tries changes anything.
const ctx = await startTestApp();
t.teardown(() => ctx.close());
const who = await cast(ctx);
const housing = await orderFor(ctx, 'housing', { content: '楼道漏水' });
const water = await orderFor(ctx, 'water', { content: '水管爆裂' });
const db = ctx.services.database.dataSource;
const snapshot = async () => ({
  task: (await db.query(`SELECT assignee, last_updated FROM task WHERE id = $1`, [housing.taskId])) as unknown[],
  order: (await db.query(`SELECT status, current_unit, updated_at, process_revision FROM work_order WHERE id = $1`, [housing.id])) as unknown[],
  events: ((await db.query(`SELECT count(*)::int AS n FROM history_event WHERE process_instance_id = $1`, [housing.processInstanceId])) as Array<{ n: number }>)[0]!.n,
});

t.test('a handler of water cannot see, claim or complete housing\'s task, nor read its order: 404, nothing changed', async (t) => {
  const before = await snapshot();
  const h = who.waterHandler.headers;
  for (const prefix of ['/engine-rest', '/engine-rest/engine/default']) {
    const get = await call(ctx, h, 'GET', `${prefix}/task/${housing.taskId}`);
    t.equal(get.status, 404, `${prefix}: GET task`);
    t.match(get.body, { type: 'NotFoundException', message: `No matching task with id ${housing.taskId}` }, 'the same answer as for a task that does not exist');
    t.equal((await call(ctx, h, 'POST', `${prefix}/task/${housing.taskId}/claim`, { userId: 'water-1' })).status, 404, `${prefix}: claim`);
    t.equal((await call(ctx, h, 'POST', `${prefix}/task/${housing.taskId}/complete`, { variables: { reply: { value: 'x', type: 'String' }, resolved: { value: true, type: 'Boolean' } } })).status, 404, `${prefix}: complete`);
    t.equal((await call(ctx, h, 'POST', `${prefix}/task/${housing.taskId}/assignee`, { userId: 'water-1' })).status, 404, `${prefix}: set assignee`);
    t.equal((await call(ctx, h, 'GET', `${prefix}/task/${housing.taskId}/variables`)).status, 404, `${prefix}: task variables`);
    t.equal((await call(ctx, h, 'GET', `${prefix}/process-instance/${housing.processInstanceId}`)).status, 404, `${prefix}: instance`);
    t.equal((await call(ctx, h, 'GET', `${prefix}/process-instance/${housing.processInstanceId}/variables`)).status, 404, `${prefix}: instance variables`);
    t.equal((await call(ctx, h, 'GET', `${prefix}/history/process-instance/${housing.processInstanceId}`)).status, 404, `${prefix}: historic instance`);
  }
  const order = await call(ctx, h, 'GET', `/api/work-orders/${housing.id}`);
  t.equal(order.status, 404);
  t.match(order.body, { type: 'NotFoundException' });
  t.equal((await call(ctx, h, 'GET', `/api/work-orders/${housing.number}`)).status, 404, 'by number too');
  // The same through HTTP Basic, as a Camunda client would send it.
  const basic = { authorization: basicAuth('water-1', 'password-water-1') };
  t.equal((await call(ctx, basic, 'POST', `/engine-rest/task/${housing.taskId}/claim`, { userId: 'water-1' })).status, 404, 'Basic: claim');
  t.strictSame(await snapshot(), before, 'task still unassigned, order and history unchanged');
  t.same((before.task[0] as { assignee: string | null }).assignee, null);
});

t.test('lists show a handler only its own unit\'s work', async (t) => {
  const h = who.waterHandler.headers;
  const ids = (body: Array<{ id: string }>) => body.map((x) => x.id);
  t.same(ids((await call(ctx, h, 'GET', '/engine-rest/task')).body), [water.taskId], 'GET /task');
  t.same(ids((await call(ctx, h, 'POST', '/engine-rest/task', {})).body), [water.taskId], 'POST /task');
  t.same((await call(ctx, h, 'GET', '/engine-rest/task/count')).body, { count: 1 });
  t.same(ids((await call(ctx, h, 'GET', '/engine-rest/process-instance')).body), [water.processInstanceId]);
  t.same(ids((await call(ctx, h, 'GET', '/engine-rest/history/process-instance')).body), [water.processInstanceId]);
  const activities = (await call(ctx, h, 'GET', '/engine-rest/history/activity-instance')).body as Array<{ processInstanceId: string }>;
  t.ok(activities.length > 0 && activities.every((a) => a.processInstanceId === water.processInstanceId), 'activity history of its own instances only');
  const orders = (await call(ctx, h, 'GET', '/api/work-orders')).body;
  t.same(orders.items.map((o: { id: string }) => o.id), [water.id]);
  t.equal(orders.total, 1);
  // Asking for the other unit explicitly finds nothing either.
  t.same((await call(ctx, h, 'GET', '/engine-rest/task?candidateGroup=housing')).body, []);
  t.same((await call(ctx, h, 'GET', '/api/work-orders?unit=housing')).body.total, 0);
});

t.test('the owning unit sees, claims and completes; the actor is recorded', async (t) => {
  const h = who.housingHandler.headers;
  t.equal((await call(ctx, h, 'GET', `/engine-rest/task/${housing.taskId}`)).status, 200);
  t.equal((await call(ctx, h, 'GET', `/api/work-orders/${housing.id}`)).status, 200);
  t.equal((await call(ctx, h, 'POST', `/engine-rest/task/${housing.taskId}/claim`, { userId: 'someone-else' })).status, 403, 'claiming for someone else is assigning');
  t.equal((await call(ctx, h, 'POST', `/engine-rest/task/${housing.taskId}/claim`, { userId: 'housing-1' })).status, 204);
  const done = await call(ctx, h, 'POST', `/engine-rest/task/${housing.taskId}/complete`, { variables: { reply: { value: '已修复', type: 'String' }, resolved: { value: false, type: 'Boolean' } } });
  t.equal(done.status, 204, 'completed: the order goes on to the center\'s review');
  const detail = (await call(ctx, { authorization: ctx.admin.bearer }, 'GET', `/api/work-orders/${housing.id}`)).body;
  const steps = detail.timeline.map((e: { type: string; activityId: string | null; who: string | null }) => [e.type, e.activityId, e.who]);
  t.match(steps, [['instance.started', null, 'admin']], 'registered by admin');
  t.ok(steps.some((s: unknown[]) => s[0] === 'task.claimed' && s[2] === 'housing-1'), 'claimed by housing-1');
  t.ok(steps.some((s: unknown[]) => s[0] === 'activity.completed' && s[1] === 'Handle' && s[2] === 'housing-1'), 'completed by housing-1');
  // Done with its task, the unit still sees the order (its history) but not the next step's task.
  t.equal((await call(ctx, h, 'GET', `/api/work-orders/${housing.id}`)).status, 200, 'the order stays visible to the unit that handled it');
  t.equal((await call(ctx, h, 'GET', `/engine-rest/history/process-instance/${housing.processInstanceId}`)).status, 200);
  const [review] = (await db.query(`SELECT id FROM task WHERE process_instance_id = $1`, [housing.processInstanceId])) as Array<{ id: string }>;
  t.equal((await call(ctx, h, 'GET', `/engine-rest/task/${review!.id}`)).status, 404, "the center's review task is not the unit's");
});

t.test('region-wide roles see every unit of their region, and no other region', async (t) => {
  const huojia = await orderFor(ctx, 'water', { region: 'huojia', content: '获嘉的单' });
  for (const [name, headers] of [['dispatcher', who.dispatcher.headers], ['supervisor', who.supervisor.headers], ['auditor', who.auditor.headers]] as const) {
    const orders = (await call(ctx, headers, 'GET', '/api/work-orders')).body;
    if (name === 'dispatcher') {
      t.same(orders.items.map((o: { region: string }) => o.region).sort(), ['puyang', 'puyang'], 'a puyang dispatcher sees puyang only');
      t.equal((await call(ctx, headers, 'GET', `/api/work-orders/${huojia.id}`)).status, 404);
      t.equal((await call(ctx, headers, 'GET', `/engine-rest/task/${huojia.taskId}`)).status, 404);
    } else {
      // Supervisors and auditors without a regional unit see all regions.
      t.equal(orders.total, 3, `${name} sees every region`);
      t.equal((await call(ctx, headers, 'GET', `/engine-rest/task/${huojia.taskId}`)).status, 200);
    }
  }
  const hj = (await call(ctx, who.huojiaDispatcher.headers, 'GET', '/api/work-orders')).body;
  t.same(hj.items.map((o: { id: string }) => o.id), [huojia.id]);
  t.equal((await call(ctx, who.dispatcher.headers, 'POST', '/api/work-orders', form({ region: 'huojia' }))).status, 403, 'a puyang office registers for puyang only');
});

t.test('a region-bound dispatcher starts only its own region\'s definitions through /engine-rest', async (t) => {
  const latest = async (tenant: string) => ((await ctx.app.inject({ method: 'GET', url: `/engine-rest/process-definition?latestVersion=true&tenantIdIn=${tenant}` })).json() as Array<{ id: string; key: string }>)[0]!;
  const instances = async () => ((await db.query(`SELECT count(*)::int AS n FROM process_instance`)) as Array<{ n: number }>)[0]!.n;
  const hj = await latest('huojia');
  const py = await latest('puyang');
  const before = await instances();
  const body = { variables: { unit: { value: 'water', type: 'String' } } };
  for (const url of [`/engine-rest/process-definition/${hj.id}/start`, `/engine-rest/process-definition/key/${hj.key}/tenant-id/huojia/start`]) {
    const refused = await call(ctx, who.dispatcher.headers, 'POST', url, body);
    t.equal(refused.status, 403, url);
    t.match(refused.body, { type: 'AuthorizationException', message: /region 'puyang'.*region 'huojia'/ });
  }
  t.equal(await instances(), before, 'nothing started');
  t.equal((await call(ctx, who.dispatcher.headers, 'POST', `/engine-rest/process-definition/${py.id}/start`, body)).status, 200, 'its own region starts');
});
