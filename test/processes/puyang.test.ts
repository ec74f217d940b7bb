import t from 'tap';
import { startTestApp } from '../support/harness.js';
import { ProcessDriver, advanceTo, clockAvailable, moveClock, CLOCK_TODO, iso, type Instance, FORM_REFUSED } from './support/driver.js';

// 濮阳县“有诉即办”工作实施方案 (seed 000). The test clock starts on Monday 2026-11-23 09:00 +08:00.
const ctx = await startTestApp();
t.teardown(() => ctx.close());
const puyang = new ProcessDriver(ctx, 'puyang', 'puyang');
await puyang.deploy('puyang.bpmn');
const clockTodo = (await clockAvailable(ctx)) ? false : CLOCK_TODO;

let seq = 0;
async function dispatched(form: Record<string, unknown> = {}): Promise<Instance> {
  const orderNo = `PY-2026-${String(++seq).padStart(4, '0')}`;
  const order = await puyang.start({ orderNo, channel: 'hotline', category: 'complaint' }, orderNo);
  await order.complete('Dispatch', { urgency: 'general', emergency: false, multiUnit: false, unit: 'water-bureau', ...form });
  return order;
}

t.test('a general order: dual-mode dispatch (online order + SMS), 5 working days, reply, callback, closed', async (t) => {
  const order = await dispatched();
  const handle = await order.task('Handle');
  t.same(handle.candidateGroups, ['water-bureau'], 'the unit picked at dispatch gets the order');
  t.equal(handle.due?.toISOString(), iso('2026-11-30T18:00:00+08:00'), '一般事项 5 个工作日: Mon 23 Nov → Mon 30 Nov, end of day');
  const [sms] = await order.externalTasks();
  t.match(sms, { activityId: 'SmsDispatch', topic: 'sms', properties: { template: 'PY_DISPATCH' } }, 'SMS to the emergency contact, same moment');
  t.match(await order.timer('Overdue'), { dueAt: new Date('2026-11-30T18:00:00+08:00') });

  await order.complete('Handle', { outcome: 'replied', reply: '已疏通管道' });
  t.same(await order.taskKeys(), ['Callback'], 'every order gets a callback (有件必回访)');
  await order.complete('Callback', { satisfaction: 'satisfied', redo: false });
  t.equal(await order.state(), 'COMPLETED');
  t.same(await order.externalTasks(), [], 'closing ends what was still pending (the SMS branch)');
});

t.test('very urgent orders are due in 24 hours, urgent ones in 3 working days', async (t) => {
  const veryUrgent = await dispatched({ urgency: 'veryUrgent' });
  t.equal((await veryUrgent.task('Handle')).due?.toISOString(), iso('2026-11-24T09:00:00+08:00'));
  const urgent = await dispatched({ urgency: 'urgent' });
  t.equal((await urgent.task('Handle')).due?.toISOString(), iso('2026-11-26T18:00:00+08:00'));
  t.equal((await urgent.variables()).dueAt, '2026-11-26T18:00:00.000+08:00');
});

t.test('at most two extensions: the third request is refused, quoting the rule, and the deadline stays', async (t) => {
  const order = await dispatched();
  for (const [n, due] of [[1, '2026-12-02T18:00:00+08:00'], [2, '2026-12-04T18:00:00+08:00']] as const) {
    await order.complete('Handle', { outcome: 'extensionRequested', reply: `第${n}次延期：需协调施工` });
    t.same(await order.taskKeys(), ['ApproveExt'], `extension ${n} goes to the hotline office`);
    await order.complete('ApproveExt', { extensionWorkingDays: 2 });
    const handle = await order.task('Handle');
    t.equal(handle.due?.toISOString(), iso(due), `extension ${n}: 2 working days added to the deadline`);
    t.equal((await order.timer('Overdue')).dueAt.toISOString(), iso(due), 'the overdue timer follows the new deadline');
  }
  await order.complete('Handle', { outcome: 'extensionRequested', reply: '第3次延期' });
  t.same(await order.taskKeys(), ['Handle'], 'the third request never reaches the office');
  const vars = await order.variables();
  t.match(vars.refusal, /“延期最多不得超过两次。”/);
  t.match(vars.refusal, /濮阳县“有诉即办”工作实施方案/);
  t.equal(vars.extensionCount, 2);
  t.equal((await order.task('Handle')).due?.toISOString(), iso('2026-12-04T18:00:00+08:00'), 'deadline unchanged');
  t.match((await order.task('Handle')).formFields.find((f) => f.id === 'refusal'), { id: 'refusal' }, 'the refusal is shown on the unit form');
});

t.test('urgent and very urgent orders get no extension', async (t) => {
  for (const urgency of ['urgent', 'veryUrgent']) {
    const order = await dispatched({ urgency });
    const due = (await order.task('Handle')).due;
    await order.complete('Handle', { outcome: 'extensionRequested', reply: '需要更多时间' });
    t.same(await order.taskKeys(), ['Handle'], `${urgency}: back to the unit, not to the office`);
    t.match((await order.variables()).refusal, /“非常紧急、紧急事项原则上不予延期。”/);
    t.same((await order.task('Handle')).due, due);
  }
});

t.test('the office may refuse an extension: the original deadline stands', async (t) => {
  const order = await dispatched();
  await order.complete('Handle', { outcome: 'extensionRequested', reply: '理由' });
  await t.rejects(order.complete('ApproveExt', { extensionWorkingDays: 6 }), FORM_REFUSED, 'the office grants at most 5 working days (choice, README)');
  await order.complete('ApproveExt', { extensionWorkingDays: 0, approvalComment: '理由不充分' });
  t.equal((await order.task('Handle')).due?.toISOString(), iso('2026-11-30T18:00:00+08:00'));
  const vars = await order.variables();
  t.equal(vars.extensionCount, 0, 'a refused request does not count');
  t.match(vars.refusal, /未获批准/);
});

t.test('sudden emergencies: priority handling, forced very urgent, emergency link-up task for the office', async (t) => {
  const order = await dispatched({ urgency: 'general', emergency: true });
  t.same(await order.taskKeys(), ['Emergency', 'Handle']);
  const handle = await order.task('Handle');
  t.equal(handle.due?.toISOString(), iso('2026-11-24T09:00:00+08:00'), 'handled as very urgent: 24 hours');
  const [row] = (await ctx.services.database.dataSource.query(`SELECT priority FROM task WHERE id = $1`, [handle.id])) as Array<{ priority: number }>;
  t.equal(row!.priority, 90);
  await order.complete('Emergency', { linkedAgencies: '120', contactReached: true, emergencyNote: '已联系' });
  t.same(await order.taskKeys(), ['Handle']);
});

t.test('several units: a coordination meeting names the lead unit, which gets the order', async (t) => {
  const order = await dispatched({ multiUnit: true, unit: 'housing-bureau' });
  t.same(await order.taskKeys(), ['Coordinate']);
  await t.rejects(order.complete('Coordinate', { unit: 'urban-management' }), FORM_REFUSED, 'the meeting minutes are required');
  await order.complete('Coordinate', { unit: 'urban-management', coUnits: 'housing-bureau', meetingNote: '城管局牵头' });
  t.same((await order.task('Handle')).candidateGroups, ['urban-management']);
});

t.test('overdue: a supervision order, and no extension once the deadline has passed', async (t) => {
  const order = await dispatched({ urgency: 'urgent' });
  await order.fireTimer('Overdue');
  t.same(await order.taskKeys(), ['IssueSupervision'], 'the unit task is taken over by the supervision order');
  await order.complete('IssueSupervision', { supervisionNote: '限期办结', supervisionDueAt: '2026-11-27T18:00:00+08:00' });
  const supervised = await order.task('SupervisedHandle');
  t.equal(supervised.due?.toISOString(), iso('2026-11-27T18:00:00+08:00'));
  const refused = await order.complete('SupervisedHandle', { outcome: 'extensionRequested', reply: '再给几天' }).catch((e: unknown) => e);
  t.match(refused, { ...FORM_REFUSED, message: /^variables\.outcome: / }, 'an extension after the deadline is refused at completion');
  await order.complete('SupervisedHandle', { outcome: 'replied', reply: '已办结' });
  t.same(await order.taskKeys(), ['Callback']);
});

t.test('unsatisfied callback: follow-up supervision sends it back with a fresh time limit', async (t) => {
  const order = await dispatched({ urgency: 'urgent' });
  await order.complete('Handle', { outcome: 'replied', reply: '已处理' });
  await advanceTo(ctx, '2026-11-25T10:00:00+08:00');
  await order.complete('Callback', { satisfaction: 'unsatisfied', redo: true });
  const handle = await order.task('Handle');
  t.equal(handle.due?.toISOString(), iso('2026-11-30T18:00:00+08:00'), 'urgent: 3 working days from the redo (Wed 25 Nov)');
  t.equal((await order.variables()).redoCount, 1);
  await order.complete('Handle', { outcome: 'replied', reply: '已重新处理' });
  await order.complete('Callback', { satisfaction: 'unsatisfied', redo: false, callbackNote: '诉求超出政策' });
  t.equal(await order.state(), 'COMPLETED', 'unsatisfied but nothing to redo: closed, the rating stays');
});

t.test('clock: the overdue timer fires at the deadline and issues a supervision order', { todo: clockTodo }, async (t) => {
  // Now Wed 25 Nov 10:00 (the redo test moved the clock): urgent → Mon 30 Nov 18:00.
  const order = await dispatched({ urgency: 'urgent' });
  await moveClock(ctx, { set: '2026-11-30T17:59:00+08:00' });
  t.same(await order.taskKeys(), ['Handle'], 'one minute before the deadline nothing happened');
  await moveClock(ctx, { set: '2026-11-30T18:00:00+08:00' });
  t.same(await order.taskKeys(), ['IssueSupervision']);
});
