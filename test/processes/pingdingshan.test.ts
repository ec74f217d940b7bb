import t from 'tap';
import { startTestApp } from '../support/harness.js';
import { ProcessDriver, advanceTo, clockAvailable, moveClock, CLOCK_TODO, iso, type Instance } from './support/driver.js';

// 平顶山“有诉即办”诉求响应工作机制（试行）(seed 001, annex 1). Clock starts Mon 2026-11-23 09:00 +08:00.
const ctx = await startTestApp();
t.teardown(() => ctx.close());
const pds = new ProcessDriver(ctx, 'pingdingshan', 'pingdingshan');
await pds.deploy('pingdingshan.bpmn');
const clockTodo = (await clockAvailable(ctx)) ? false : CLOCK_TODO;

const workOrderForm = {
  requesterName: '王某', phone: '13800000000', requestedAt: '2026-11-23T09:00:00+08:00',
  category: 'complaint', content: '营业执照变更窗口不给办理',
};
let seq = 0;

async function triaged(triage: string): Promise<Instance> {
  const orderNo = `PDS-${++seq}`;
  const order = await pds.start({ orderNo, channel: 'window' }, orderNo);
  await order.complete('Register', workOrderForm);
  await order.complete('Triage', { triage });
  return order;
}

async function dispatched(triage: string, form: Record<string, unknown> = {}): Promise<Instance> {
  const order = await triaged(triage);
  await order.complete('Dispatch', { unit: 'market-bureau', crossLevel: false, ...form });
  return order;
}

t.test('一窗受理: the work-order form (annex 2) must be filled in full', async (t) => {
  const order = await pds.start({ orderNo: 'PDS-form' }, 'PDS-form');
  await t.rejects(order.complete('Register', { ...workOrderForm, phone: '' }), { status: 400, message: /^variables\.phone: / });
  await t.rejects(order.complete('Register', { ...workOrderForm, category: 'gossip' }), { status: 400, message: /^variables\.category: / });
  await order.complete('Register', workOrderForm);
  t.same(await order.taskKeys(), ['Triage']);
});

t.test('a general problem is solved on the spot at the window, then called back and struck off', async (t) => {
  const order = await triaged('general');
  t.same((await order.task('OnSpot')).candidateGroups, ['window']);
  await order.complete('OnSpot', { solvedOnSpot: true, reply: '已当场办理' });
  t.same(await order.taskKeys(), ['Callback'], 'the closed loop still calls back');
  await order.complete('Callback', { satisfied: true, representative: false });
  t.equal(await order.state(), 'COMPLETED');
});

t.test('a general problem not solved on the spot goes to management as 很难办 (5 working days)', async (t) => {
  const order = await triaged('general');
  await order.complete('OnSpot', { solvedOnSpot: false, reply: '需相关部门共同研究' });
  t.same(await order.taskKeys(), ['Dispatch']);
  await order.complete('Dispatch', { unit: 'market-bureau', crossLevel: false });
  t.equal((await order.task('UnitHandle')).due?.toISOString(), iso('2026-11-30T18:00:00+08:00'));
});

t.test('outside government services: forwarded to the competent unit, requester informed', async (t) => {
  const order = await triaged('outOfScope');
  await t.rejects(order.complete('Forward', { forwardedTo: '供电公司' }), { status: 400, message: /^variables\.requesterInformed: / });
  await order.complete('Forward', { forwardedTo: '供电公司', requesterInformed: true });
  t.equal(await order.state(), 'COMPLETED');
});

t.test('another level: forwarded to that level’s centre', async (t) => {
  const order = await dispatched('hardToDo', { crossLevel: true, crossLevelCentre: '平顶山市政务服务中心' });
  t.same(await order.taskKeys(), ['ForwardLevel']);
  await order.complete('ForwardLevel', { crossLevelCentre: '平顶山市政务服务中心' });
  t.equal(await order.state(), 'COMPLETED');
});

t.test('办不了: reply with reasons and legal basis within 3 working days; a reply without the basis is sent back', async (t) => {
  const order = await dispatched('cannotDo');
  const task = await order.task('UnitHandle');
  t.equal(task.due?.toISOString(), iso('2026-11-26T18:00:00+08:00'), '3 working days');
  t.same(task.candidateGroups, ['market-bureau']);
  t.equal((await order.timer('Remind')).dueAt.toISOString(), iso('2026-11-25T18:00:00+08:00'), 'reminder one working day before');
  t.equal((await order.timer('Overdue')).dueAt.toISOString(), iso('2026-11-26T18:00:00+08:00'));

  await order.complete('UnitHandle', { outcome: 'cannotDo', reply: '不能办理' });
  t.same(await order.taskKeys(), ['UnitHandle'], 'sent back to the department');
  t.match((await order.variables()).refusal, /告知‘办不了’的具体理由和依据/, 'the refusal quotes article 8');
  t.equal((await order.task('UnitHandle')).due?.toISOString(), iso('2026-11-26T18:00:00+08:00'), 'deadline unchanged');

  await order.complete('UnitHandle', { outcome: 'cannotDo', reply: '超出本级职权', legalBasis: '《市场主体登记管理条例》第二十四条' });
  t.same(await order.taskKeys(), ['QualityCheck']);
  await order.complete('QualityCheck', { qualityOk: true });
  await order.complete('Callback', { satisfied: true, representative: true });
  t.same(await order.taskKeys(), ['GuidingCase'], 'representative cases become guiding cases');
  await order.complete('GuidingCase', { caseTitle: '变更登记', caseSummary: '问题详情、处理方法、步骤和结论' });
  t.same((await order.task('PublishCase')).candidateGroups, ['data-bureau'], 'reviewed and published by the data bureau');
  await order.complete('PublishCase', { published: true });
  t.equal(await order.state(), 'COMPLETED');
});

t.test('很难办 / several departments: work order sent to all, solution in 5 working days, then result by the promised time', async (t) => {
  const order = await dispatched('hardToDo', { coUnits: 'tax-bureau,housing-bureau' });
  t.match(await order.externalTasks(), [{ activityId: 'NotifyUnits', topic: 'notify', properties: { template: 'PDS_WORK_ORDER' } }]);
  t.equal((await order.task('UnitHandle')).due?.toISOString(), iso('2026-11-30T18:00:00+08:00'));

  await order.complete('UnitHandle', { outcome: 'promised', reply: '解决方案：补正材料后办理' });
  t.match((await order.variables()).refusal, /应明确承诺时限/, 'a solution needs the promised time');
  await order.complete('UnitHandle', { outcome: 'promised', reply: '解决方案：补正材料后办理', promisedAt: '2026-12-10T18:00:00+08:00' });
  const promised = await order.task('UnitHandle');
  t.equal(promised.due?.toISOString(), iso('2026-12-10T18:00:00+08:00'), 'the promised time is now the deadline');
  t.equal((await order.timer('Overdue')).dueAt.toISOString(), iso('2026-12-10T18:00:00+08:00'));
  await order.complete('UnitHandle', { outcome: 'promised', reply: '再承诺', promisedAt: '2026-12-20T18:00:00+08:00' });
  t.match((await order.variables()).refusal, /不得再次承诺/);
  t.equal((await order.task('UnitHandle')).due?.toISOString(), iso('2026-12-10T18:00:00+08:00'));

  await order.complete('UnitHandle', { outcome: 'done', reply: '已办结' });
  await order.complete('QualityCheck', { qualityOk: false, qcNote: '未附办理结果' });
  t.same(await order.taskKeys(), ['UnitHandle'], 'failed quality check: back for redo');
  const vars = await order.variables();
  t.equal(vars.redoCount, 1);
  t.equal(vars.stage, 'first', 'redo starts a fresh time limit');
  t.match(vars.refusal, /质检未通过.*未附办理结果/);
});

t.test('不给办: done on the spot or promised within 1 working day; no separate reminder', async (t) => {
  const order = await dispatched('refusedToDo');
  t.equal((await order.task('UnitHandle')).due?.toISOString(), iso('2026-11-24T18:00:00+08:00'));
  await order.fireTimer('Remind');
  t.same(await order.sms(), [], 'reminder time = deadline: no reminder SMS');
});

t.test('reminder before the deadline: one SMS, not repeated when the task comes back', async (t) => {
  const order = await dispatched('cannotDo');
  await order.fireTimer('Remind');
  t.match(await order.sms(), [{ activityId: 'SmsRemind', topic: 'sms', properties: { template: 'PDS_REMIND' } }]);
  t.same(await order.taskKeys(), ['UnitHandle'], 'a reminder does not interrupt the department');
  await order.complete('UnitHandle', { outcome: 'cannotDo', reply: '缺依据' });
  await order.fireTimer('Remind');
  t.equal((await order.sms()).length, 1, 'same deadline, no second reminder');
});

t.test('overdue: supervision; still not done: bulletin, report to the government, copy to the discipline commission', async (t) => {
  const order = await dispatched('cannotDo');
  await order.fireTimer('Overdue');
  t.same(await order.taskKeys(), ['Supervise']);
  await order.complete('Supervise', { supervisionNote: '请于两日内办结', supervisionDueAt: '2026-11-28T18:00:00+08:00' });
  t.equal((await order.task('SupervisedHandle')).due?.toISOString(), iso('2026-11-28T18:00:00+08:00'));
  await order.fireTimer('StillOverdue');
  t.same(await order.taskKeys(), ['Bulletin']);
  await order.complete('Bulletin', { bulletinNote: '全区通报，报告区政府，抄送区纪委监委', supervisionDueAt: '2026-12-01T18:00:00+08:00' });
  t.equal((await order.task('SupervisedHandle')).due?.toISOString(), iso('2026-12-01T18:00:00+08:00'));
  await order.complete('SupervisedHandle', { outcome: 'done', reply: '已办结' });
  t.same(await order.taskKeys(), ['QualityCheck']);
});

t.test('unsatisfied requester: redo with a fresh time limit from the day of the callback', async (t) => {
  const order = await dispatched('cannotDo');
  await order.complete('UnitHandle', { outcome: 'cannotDo', reply: '不能办', legalBasis: '依据' });
  await order.complete('QualityCheck', { qualityOk: true });
  await advanceTo(ctx, '2026-11-25T10:00:00+08:00');
  await order.complete('Callback', { satisfied: false, representative: false });
  t.equal((await order.task('UnitHandle')).due?.toISOString(), iso('2026-11-30T18:00:00+08:00'), '3 working days from Wed 25 Nov');
  t.match((await order.variables()).refusal, /不满意/);
});

t.test('clock: the reminder goes out one working day before, supervision at the deadline', { todo: clockTodo }, async (t) => {
  // Now Wed 25 Nov 10:00: 办不了 → due Mon 30 Nov 18:00, reminder Fri 27 Nov 18:00.
  const order = await dispatched('cannotDo');
  await moveClock(ctx, { set: '2026-11-27T18:00:00+08:00' });
  t.match(await order.sms(), [{ activityId: 'SmsRemind' }]);
  t.same(await order.taskKeys(), ['UnitHandle']);
  await moveClock(ctx, { set: '2026-11-30T18:00:00+08:00' });
  t.same(await order.taskKeys(), ['Supervise']);
});
