import t from 'tap';
import Fastify from 'fastify';
import { startTestApp } from '../support/harness.js';
import { workOrderRoutes } from '../../src/rest/work-orders/index.js';
import { parseListQuery, type Viewer, type ViewerRole } from '../../src/work-orders/index.js';
import { activeRegion, complete, diagram, form, get, post } from './support.js';

// GET /api/work-orders filters, paging, sorting; GET /{id}; masking through the viewer seam.
const ctx = await startTestApp();
t.teardown(() => ctx.close());
await activeRegion(ctx, 'puyang', '濮阳县', diagram('fixture', 'order-simple.bpmn'));
await activeRegion(ctx, 'huojia', '获嘉县', diagram('fixture', 'order-simple.bpmn'));

const register = async (over: Record<string, unknown>) => {
  const res = await post(ctx, form(over));
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: string; number: string; processInstanceId: string };
};
const a = await register({ content: '下水道堵塞', channel: 'hotline', category: 'complaint', requestedAt: '2026-11-20T10:00:00+08:00', responsibleUnits: ['water'] });
const b = await register({ content: '咨询社保转移', channel: 'wechat', category: '咨询', requestedAt: '2026-11-21T10:00:00+08:00', responsibleUnits: ['social-security'], phone: '0393-8881234' });
const c = await register({ content: '举报工地夜间施工扰民', channel: 'online', category: 'report', requestedAt: '2026-11-22T23:30:00+08:00', responsibleUnits: ['urban-management', 'environment'], leadUnit: 'environment', requesterName: '欧阳娜娜', phone: '13900001111' });
const d = await register({ region: 'huojia', content: '路灯不亮', channel: 'window', category: 'help', requestedAt: '2026-11-23T08:00:00+08:00', responsibleUnits: ['power'] });
// a → 待审核 (center); c → 已办结; b, d stay 办理中.
await complete(ctx, a.processInstanceId, 'Handle', { reply: '已派人', resolved: false });
await complete(ctx, c.processInstanceId, 'Handle', { reply: '已责令停工', resolved: true });

const numbers = async (query: string) => {
  const res = await get(ctx, `/api/work-orders${query}`);
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  return (res.body.items as Array<{ number: string }>).map((i) => i.number).sort();
};

t.test('filters', async (t) => {
  t.same(await numbers(''), [a, b, c, d].map((o) => o.number).sort(), 'no filter: all');
  t.same(await numbers('?region=huojia'), [d.number]);
  t.same(await numbers('?status=办理中'), [b.number, d.number].sort(), 'status by name …');
  t.same(await numbers('?status=reviewing,closed'), [a.number, c.number].sort(), '… or by codes, several');
  t.same(await numbers('?category=report'), [c.number]);
  t.same(await numbers('?category=咨询,求助'), [b.number, d.number].sort());
  t.same(await numbers('?channel=wechat'), [b.number]);
  t.same(await numbers('?unit=center'), [a.number], 'current unit');
  t.same(await numbers('?unit=urban-management'), [c.number], 'a responsible unit');
  t.same(await numbers('?unit=water'), [a.number], 'the responsible unit, while another unit holds it');
  t.same(await numbers('?requestedFrom=2026-11-21&requestedTo=2026-11-22'), [b.number, c.number].sort(), 'whole days in China time: 23:30 on the 22nd is in');
  t.same(await numbers('?requestedFrom=2026-11-22T23:00:00%2B08:00'), [c.number, d.number].sort());
  t.same(await numbers('?text=施工'), [c.number], 'text in the content');
  t.same(await numbers(`?text=${b.number.slice(-6)}`), [b.number], 'text in the number');
  t.same(await numbers('?text=8881234'), [b.number], 'text in the phone, for whoever may see it');
  t.same(await numbers('?overdue=false'), [a, b, c, d].map((o) => o.number).sort());
  t.same(await numbers('?overdue=true'), []);
  t.same(await numbers('?region=puyang&status=handling&category=consultation&channel=wechat'), [b.number], 'filters combine');
});

t.test('paging and sorting', async (t) => {
  const page = (await get(ctx, '/api/work-orders?sortBy=requestedAt&sortOrder=desc&firstResult=1&maxResults=2')).body;
  t.equal(page.total, 4, 'total counts every match');
  t.same(page.items.map((i: { number: string }) => i.number), [c.number, b.number], 'second and third newest by time of request');
  t.match(page, { firstResult: 1, maxResults: 2 });
  const byNumber = (await get(ctx, '/api/work-orders?sortBy=number')).body.items.map((i: { number: string }) => i.number);
  t.same(byNumber, [...byNumber].sort(), 'sortBy alone is ascending');
});

t.test('bad list queries are 400s naming the parameter', async (t) => {
  for (const [query, parameter] of [
    ['?status=lost', 'status'],
    ['?overdue=yes', 'overdue'],
    ['?maxResults=0', 'maxResults'],
    ['?maxResults=501', 'maxResults'],
    ['?firstResult=-1', 'firstResult'],
    ['?sortBy=phone', 'sortBy'],
    ['?requestedFrom=2026-02-30', 'requestedFrom'],
    ['?requestedFrom=2026-11-23&requestedTo=2026-11-20', 'requestedTo'],
  ] as const) {
    const res = await get(ctx, `/api/work-orders${query}`);
    t.equal(res.status, 400, query);
    t.match(res.body.message, new RegExp(`'${parameter}'`), query);
  }
});

t.test('one order by id or number; unknown is 404', async (t) => {
  const byId = await get(ctx, `/api/work-orders/${a.id}`);
  const byNumber = await get(ctx, `/api/work-orders/${a.number}`);
  t.equal(byId.status, 200);
  t.same(byId.body, byNumber.body);
  t.match(byId.body, { statusCode: 'reviewing', currentUnit: 'center', leadUnit: null, responsibleUnits: ['water'], attachments: [] });
  const steps = byId.body.timeline.map((e: { type: string; what: string; who: string | null; activityId: string | null }) => [e.type, e.activityId, e.who]);
  t.same(steps, [
    ['instance.started', null, 'admin'], // registered by the signed-in user (the harness's admin)
    ['activity.started', 'StartEvent_1', null],
    ['activity.completed', 'StartEvent_1', null],
    ['activity.started', 'Handle', null],
    ['activity.completed', 'Handle', 'tester'],
    ['activity.started', 'Review', null],
  ], 'every step, who, in order (the gateway is routing, not a step)');
  t.match(byId.body.timeline[3], { what: '待办：承办单位办理', details: { candidateGroups: ['water'] } });
  t.match(byId.body.timeline[4], { what: '完成：承办单位办理', details: { variables: ['reply', 'resolved'] } });
  const missing = await get(ctx, '/api/work-orders/puyang-19990101-0001');
  t.equal(missing.status, 404);
  t.match(missing.body, { type: 'NotFoundException', message: /puyang-19990101-0001/ });
});

t.test('claims and assignments appear in the timeline with who did them', async (t) => {
  const [task] = (await ctx.services.database.dataSource.query(`SELECT id FROM task WHERE process_instance_id = $1`, [b.processInstanceId])) as Array<{ id: string }>;
  await ctx.services.tasks.claim(task!.id, 'li.si');
  const timeline = (await get(ctx, `/api/work-orders/${b.id}`)).body.timeline;
  t.match(timeline.at(-1), { type: 'task.claimed', what: '认领：li.si', who: 'li.si', activityId: 'Handle', activityName: '承办单位办理' });
});

t.test('masking through the viewer seam (service)', async (t) => {
  const { workOrders } = ctx.services;
  const seen = async (role: ViewerRole | undefined, id: string) => {
    const viewer: Viewer | undefined = role && { role };
    const o = await workOrders.get(id, viewer);
    return [o.requesterName, o.phone, o.masked];
  };
  t.same(await seen(undefined, a.id), ['张三', '13812345678', false], 'no viewer yet: unmasked');
  t.same(await seen('dispatcher', c.id), ['欧阳娜娜', '13900001111', false]);
  t.same(await seen('observer', a.id), ['张*', '138****5678', true], 'observers never see the person');
  t.same(await seen('observer', b.id), ['张*', '039*-***1234', true]);
  t.same(await seen('handler', a.id), ['张三', '13812345678', false], 'a handling unit contacts the requester …');
  t.same(await seen('handler', c.id), ['欧***', '139****1111', true], '… except a reporter (举报)');

  const list = await workOrders.list(parseListQuery({ text: '1111' }), { role: 'handler' });
  t.same(list.items, [], 'nobody finds an order by a phone they may not see');
  const admin = await workOrders.list(parseListQuery({ text: '1111' }), { role: 'admin' });
  t.same(admin.items.map((o) => o.number), [c.number]);
  const observed = await workOrders.list(parseListQuery({ region: 'puyang' }), { role: 'observer' });
  t.ok(observed.items.every((o) => o.masked && o.phone.includes('*')), 'lists are masked too');
});

t.test('masking through the viewer seam (HTTP)', async (t) => {
  // The plugin as authentication will register it: `viewerOf` turns the request into a viewer.
  const app = Fastify();
  app.decorate('services', ctx.services);
  await app.register(workOrderRoutes, {
    prefix: '/api/work-orders',
    viewerOf: (request) => {
      const role = request.headers['x-test-role'];
      return typeof role === 'string' ? { role: role as ViewerRole, userId: 'u1' } : undefined;
    },
  });
  t.teardown(() => app.close());
  const as = (role: string, url: string) => app.inject({ method: 'GET', url, headers: { 'x-test-role': role } });
  t.match((await as('observer', `/api/work-orders/${a.number}`)).json(), { requesterName: '张*', phone: '138****5678', masked: true });
  t.match((await as('dispatcher', `/api/work-orders/${a.number}`)).json(), { requesterName: '张三', phone: '13812345678', masked: false });
  const listed = (await as('handler', '/api/work-orders?category=report')).json();
  t.match(listed.items, [{ number: c.number, requesterName: '欧***', masked: true }]);
  const created = await app.inject({ method: 'POST', url: '/api/work-orders', headers: { 'x-test-role': 'observer' }, payload: form({ content: '观察员代录' }) });
  t.equal(created.statusCode, 201);
  t.match(created.json(), { masked: true, phone: '138****5678', createdBy: 'u1' }, 'the answer to an intake is masked for the caller too');
});
