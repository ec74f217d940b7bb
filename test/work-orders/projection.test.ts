import t from 'tap';
import { startTestApp } from '../support/harness.js';
import { activeRegion, complete, diagram, form, get, post } from './support.js';

// Puyang's real scheme (processes/puyang.bpmn) driven through the work-order API: each engine
// step — a user completing a task, the scheduler firing the overdue timer — moves the order's
// status, unit, deadline and ledger facts. Clock: Monday 2026-11-23 09:00 +08:00.
const ctx = await startTestApp();
t.teardown(() => ctx.close());
await activeRegion(ctx, 'puyang', '濮阳县', diagram('scheme', 'puyang.bpmn'), 'puyang.bpmn');

const intake = async (over: Record<string, unknown> = {}) => {
  const res = await post(ctx, form({ responsibleUnits: undefined, ...over }));
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: string; number: string; processInstanceId: string };
};
const order = async (id: string) => (await get(ctx, `/api/work-orders/${id}`)).body;
const dispatch = (instanceId: string, urgency = 'general') =>
  complete(ctx, instanceId, 'Dispatch', { urgency, emergency: false, multiUnit: false, unit: 'water-bureau' });

t.test('dispatch, extension, reply, unsatisfied callback and redo, satisfied close', async (t) => {
  const o = await intake();
  t.match(await order(o.id), { status: '待分办', statusCode: 'dispatching', currentUnit: 'hotline-office', dueAt: null });

  await dispatch(o.processInstanceId);
  t.match(await order(o.id), { status: '办理中', currentUnit: 'water-bureau', dueAt: '2026-11-30T18:00:00.000+08:00', extensionCount: 0 }, '一般: 5 working days');

  await complete(ctx, o.processInstanceId, 'Handle', { outcome: 'extensionRequested', reply: '需协调施工' });
  t.match(await order(o.id), { status: '办理中', currentUnit: 'hotline-office' }, 'the office decides the extension');
  await complete(ctx, o.processInstanceId, 'ApproveExt', { extensionWorkingDays: 2 });
  t.match(await order(o.id), { currentUnit: 'water-bureau', dueAt: '2026-12-02T18:00:00.000+08:00', extensionCount: 1 });

  ctx.clock.set(new Date('2026-11-24T10:00:00+08:00'));
  await complete(ctx, o.processInstanceId, 'Handle', { outcome: 'replied', reply: '已疏通' });
  t.match(await order(o.id), { status: '待回访', statusCode: 'callback', currentUnit: 'hotline-office', completedAt: '2026-11-24T10:00:00.000+08:00', callbackAt: null });

  ctx.clock.set(new Date('2026-11-24T15:00:00+08:00'));
  await complete(ctx, o.processInstanceId, 'Callback', { satisfaction: 'unsatisfied', redo: true });
  let now = await order(o.id);
  t.match(now, {
    status: '办理中',
    currentUnit: 'water-bureau',
    redoCount: 1,
    redoneAt: '2026-11-24T15:00:00.000+08:00',
    completedAt: null,
    callbackAt: '2026-11-24T15:00:00.000+08:00',
    satisfaction: '不满意',
    satisfactionCode: 'unsatisfied',
  }, 'back to the unit: not finished any more');
  t.equal(now.dueAt, '2026-12-01T18:00:00.000+08:00', 'redo: a fresh limit of 5 working days from Tue 24 Nov');

  ctx.clock.set(new Date('2026-11-25T09:30:00+08:00'));
  await complete(ctx, o.processInstanceId, 'Handle', { outcome: 'replied', reply: '已重新疏通' });
  ctx.clock.set(new Date('2026-11-25T11:00:00+08:00'));
  await complete(ctx, o.processInstanceId, 'Callback', { satisfaction: 'satisfied', redo: false });
  now = await order(o.id);
  t.match(now, {
    status: '已办结',
    statusCode: 'closed',
    currentUnit: null,
    completedAt: '2026-11-25T09:30:00.000+08:00',
    callbackAt: '2026-11-25T11:00:00.000+08:00',
    satisfaction: '满意',
    redoCount: 1,
    extensionCount: 1,
    overdue: false,
  });

  const steps = now.timeline.map((e: { type: string; what: string; who: string | null }) => [e.type, e.what, e.who]);
  t.same(steps[0], ['instance.started', '登记受理，启动办理流程', 'admin'], 'the story starts at intake, registered by the signed-in user');
  t.same(steps.at(-1), ['instance.completed', '流程结束', 'tester'], 'ended by the callback tester completed');
  t.ok(
    steps.some((s: unknown[]) => s[0] === 'activity.completed' && s[1] === '完成：热线办：回访评价' && s[2] === 'tester'),
    'who completed the callback',
  );
  const handles = now.timeline.filter((e: { activityId: string; type: string }) => e.activityId === 'Handle' && e.type === 'activity.started');
  t.equal(handles.length, 3, 'every round of handling is a step: first, after the extension, after the redo');
  t.match(handles[0], { what: '待办：承办单位：办理答复', details: { activityType: 'userTask', candidateGroups: ['water-bureau'] } });
  const times = now.timeline.map((e: { at: string }) => Date.parse(e.at));
  t.same(times, [...times].sort((a: number, b: number) => a - b), 'in time order');
});

t.test('overdue: the scheduler fires the deadline, the order is supervised and shows as overdue', async (t) => {
  // The clock stands at Wed 25 Nov 11:00; urgent = 3 working days → Mon 30 Nov 18:00.
  const o = await intake({ content: '路灯不亮' });
  await dispatch(o.processInstanceId, 'urgent');
  t.match(await order(o.id), { dueAt: '2026-11-30T18:00:00.000+08:00', overdue: false, supervisionCount: 0 });

  const moved = await ctx.app.inject({ method: 'POST', url: '/api/clock', payload: { set: '2026-11-30T18:00:00+08:00' } });
  t.equal(moved.statusCode, 200, moved.body);
  let now = await order(o.id);
  t.match(now, { status: '办理中', currentUnit: 'hotline-office', supervisionCount: 1, supervisedAt: '2026-11-30T18:00:00.000+08:00', overdue: false }, 'the supervision order is being issued');

  await ctx.app.inject({ method: 'POST', url: '/api/clock', payload: { set: '2026-11-30T20:00:00+08:00' } });
  await complete(ctx, o.processInstanceId, 'IssueSupervision', { supervisionNote: '限期办结', supervisionDueAt: '2026-12-01T18:00:00+08:00' });
  now = await order(o.id);
  t.match(now, { currentUnit: 'water-bureau', overdue: true, overdueSeconds: 7200, dueAt: '2026-11-30T18:00:00.000+08:00' }, 'the ledger deadline stays the required one');
  const fired = now.timeline.find((e: { type: string }) => e.type === 'timer.fired');
  t.match(fired, { what: '时限到达', activityId: 'Overdue', who: null, at: '2026-11-30T18:00:00.000+08:00' });

  const overdue = (await get(ctx, '/api/work-orders?overdue=true')).body;
  t.same(overdue.items.map((i: { number: string }) => i.number), [o.number]);
});
