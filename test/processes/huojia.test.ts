import t from 'tap';
import { startTestApp } from '../support/harness.js';
import { ProcessDriver, clockAvailable, moveClock, CLOCK_TODO, iso, type Instance, FORM_REFUSED } from './support/driver.js';

// 获嘉县12345热线标准化建设实施方案 (获政办〔2023〕19号, seed 002). Clock starts Mon 2026-11-23 09:00 +08:00.
const ctx = await startTestApp();
t.teardown(() => ctx.close());
const huojia = new ProcessDriver(ctx, 'huojia', 'huojia');
await huojia.deploy('huojia.bpmn');
const clockTodo = (await clockAvailable(ctx)) ? false : CLOCK_TODO;

let seq = 0;
async function dispatched(form: Record<string, unknown> = {}): Promise<Instance> {
  const orderNo = `HJ-${++seq}`;
  const order = await huojia.start({ orderNo, cityOrderNo: `XX-${seq}` }, orderNo);
  await order.complete('Dispatch', { unit: 'housing-bureau', urgency: 'general', escalate: false, ...form });
  return order;
}

async function signed(form: Record<string, unknown> = {}): Promise<Instance> {
  const order = await dispatched(form);
  await order.complete('SignOrReturn', { decision: 'sign' });
  return order;
}

const fullReply = {
  outcome: 'reported', contactWithRequester: '已电话联系诉求人', handlingResult: '已维修', followUpMeasures: '一周后回访',
  handlerSignature: '张三', sectionHeadSignature: '李四', unitHeadSignature: '王五', photos: 'att-1,att-2',
};
const extensionRequest = { outcome: 'extensionRequested', extensionReason: '需等待配件', expectedDoneAt: '2026-12-01T18:00:00+08:00', unitHeadSignature: '王五' };

t.test('a general order: dispatch SMS with the deadline, sign, report a day early, pre-review, report to the city, closed', async (t) => {
  const order = await dispatched();
  t.match(await order.smsBy('SmsDispatch'), { properties: { template: 'HJ_DISPATCH' } }, 'SMS to the unit head on dispatch');
  t.same((await order.task('SignOrReturn')).candidateGroups, ['housing-bureau']);
  await order.complete('SignOrReturn', { decision: 'sign' });
  const handle = await order.task('Handle');
  t.equal(handle.due?.toISOString(), iso('2026-11-25T18:00:00+08:00'), 'result due at the county office one day before the 3-day deadline');
  t.equal((await order.timer('Overdue')).dueAt.toISOString(), iso('2026-11-26T18:00:00+08:00'), '一般 3 natural days');
  t.equal((await order.timer('PreOverdue')).dueAt.toISOString(), iso('2026-11-25T18:00:00+08:00'));
  await order.complete('Handle', fullReply);
  t.same(await order.taskKeys(), ['PreReview']);
  await order.complete('PreReview', { reviewOk: true });
  t.match((await order.externalTasks()).find((e) => e.activityId === 'ReportToCity'), { topic: 'city-platform', properties: { action: 'report-result' } });
  await order.completeExternal('ReportToCity');
  t.equal(await order.state(), 'COMPLETED');
});

t.test('time limits: 特急 1 hour, 紧急 24 hours, 一般 3 natural days, 疑难 5 natural days', async (t) => {
  const expected = { extraUrgent: '2026-11-23T10:00:00+08:00', urgent: '2026-11-24T09:00:00+08:00', general: '2026-11-26T18:00:00+08:00', difficult: '2026-11-28T18:00:00+08:00' };
  for (const [urgency, due] of Object.entries(expected)) {
    const order = await signed({ urgency });
    t.equal(iso(String((await order.variables()).dueAt)), iso(due), `${urgency}: dueAt variable`);
    t.equal((await order.timer('Overdue')).dueAt.toISOString(), iso(due), `${urgency}: ${due}`);
  }
});

t.test('return within the hour with reasons, basis and the head’s signature; rejected → no second return', async (t) => {
  const order = await dispatched();
  await order.complete('SignOrReturn', { decision: 'return', returnReason: '不属于本单位职责' });
  t.same(await order.taskKeys(), ['SignOrReturn'], 'incomplete return sent back');
  t.match((await order.variables()).refusal, /注明回退理由和依据，经单位主要负责人签字/);
  t.equal((await order.timer('ReturnWindowClosed')).dueAt.toISOString(), iso('2026-11-23T10:00:00+08:00'), 'the window is not extended');

  await order.complete('SignOrReturn', { decision: 'return', returnReason: '不属于本单位职责', returnLegalBasis: '权责清单第12项', returnSignedBy: '王五' });
  t.same(await order.taskKeys(), ['ReviewReturn']);
  await order.complete('ReviewReturn', { verdict: 'rejected', reviewNote: '属于本单位职责' });
  t.same(await order.taskKeys(), ['Handle'], 'sent back to the first receiver');
  t.match((await order.variables()).refusal, /不得再次退回/);
  const refused = await order.complete('Handle', { outcome: 'return' }).catch((e: unknown) => e);
  t.match(refused, FORM_REFUSED, 'a second return is refused at completion');
  const field = (await order.task('Handle')).formFields.find((f) => f.id === 'outcome');
  t.same(field?.values.map((v) => v.id), ['reported', 'extensionRequested'], 'the unit form offers no return');
});

t.test('an accepted return is re-dispatched to another unit, which gets its own hour', async (t) => {
  const order = await dispatched();
  await order.complete('SignOrReturn', { decision: 'return', returnReason: '职责不符', returnLegalBasis: '三定方案', returnSignedBy: '王五' });
  await order.complete('ReviewReturn', { verdict: 'accepted' });
  t.same(await order.taskKeys(), ['Dispatch']);
  await order.complete('Dispatch', { unit: 'water-company', urgency: 'general', escalate: false });
  t.same((await order.task('SignOrReturn')).candidateGroups, ['water-company']);
  t.equal((await order.variables()).returnReason, '', 'the previous unit’s return does not carry over');
});

t.test('an unjustified return: the unit carries on and the office issues a county-wide criticism', async (t) => {
  const order = await dispatched();
  await order.complete('SignOrReturn', { decision: 'return', returnReason: '太忙', returnLegalBasis: '无', returnSignedBy: '王五' });
  await order.complete('ReviewReturn', { verdict: 'unjustified' });
  t.same(await order.taskKeys(), ['Criticism', 'Handle']);
  t.same((await order.task('Criticism')).candidateGroups, ['hotline-office']);
});

t.test('after one hour the order counts as signed and can no longer be returned', async (t) => {
  const order = await dispatched();
  await order.fireTimer('ReturnWindowClosed');
  t.same(await order.taskKeys(), ['Handle']);
  await t.rejects(order.complete('Handle', { outcome: 'return', returnReason: '晚了' }), FORM_REFUSED);
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/engine-rest/task/${(await order.task('Handle')).id}/complete`,
    payload: { variables: { outcome: { value: 'return', type: 'String' } } },
  });
  t.equal(res.statusCode, 400, 'over the REST API the completion is refused with 400');
  t.match(res.json(), { type: 'InvalidRequestException', message: /outcome/ });
  t.same(await order.taskKeys(), ['Handle'], 'and the task stays open');
});

t.test('no extension for 特急 and 紧急 orders', async (t) => {
  for (const urgency of ['extraUrgent', 'urgent']) {
    const order = await signed({ urgency });
    await order.complete('Handle', extensionRequest);
    t.same(await order.taskKeys(), ['Handle'], `${urgency}: not sent to the city platform`);
    t.match((await order.variables()).refusal, /“特急、紧急事项原则上不允许延期申请”/);
  }
});

t.test('extension: reason, expected date and head signature; the city grants at most 3 working days; the requester is told that day', async (t) => {
  const order = await signed();
  await order.complete('Handle', { outcome: 'extensionRequested', extensionReason: '需等待配件' });
  t.match((await order.variables()).refusal, /经单位主要领导签字后上报市平台审批延期/, 'incomplete request refused');
  await order.complete('Handle', extensionRequest);
  t.same((await order.task('CityApproval')).candidateGroups, ['city-platform']);
  await t.rejects(order.complete('CityApproval', { extensionWorkingDays: 4 }), FORM_REFUSED, 'more than 3 working days is refused');
  await order.complete('CityApproval', { extensionWorkingDays: 3 });
  t.same(await order.taskKeys(), ['InformRequester'], 'on approval the unit first tells the requester');
  await order.complete('InformRequester', { requesterInformed: true });
  t.equal((await order.timer('Overdue')).dueAt.toISOString(), iso('2026-12-01T18:00:00+08:00'), 'Thu 26 Nov + 3 working days');
  t.equal((await order.task('Handle')).due?.toISOString(), iso('2026-11-30T18:00:00+08:00'), 'pre-review one working day before the new deadline');
  await order.complete('Handle', extensionRequest);
  t.same(await order.taskKeys(), ['Handle'], 'one extension per order');
  t.match((await order.variables()).refusal, /已延期一次/);
});

t.test('a refused extension keeps the original deadline', async (t) => {
  const order = await signed({ urgency: 'difficult' });
  await order.complete('Handle', extensionRequest);
  await order.complete('CityApproval', { extensionWorkingDays: 0, approvalComment: '理由不充分' });
  t.same(await order.taskKeys(), ['Handle']);
  t.match((await order.variables()).refusal, /承办单位要按照原定期限完成工单办理/);
  t.equal((await order.timer('Overdue')).dueAt.toISOString(), iso('2026-11-28T18:00:00+08:00'));
});

t.test('one day before the deadline: pre-overdue SMS, and from then on no extension request', async (t) => {
  const order = await signed();
  await order.fireTimer('PreOverdue');
  t.match(await order.smsBy('SmsPreOverdue'), { properties: { template: 'HJ_PRE_OVERDUE' } });
  await order.complete('Handle', extensionRequest);
  t.match((await order.variables()).refusal, /在工单办理期限前一日/);
  await order.fireTimer('PreOverdue');
  t.equal((await order.sms()).length, 2, 'no second pre-overdue SMS for the same deadline');
});

t.test('pre-review: an incomplete reply goes back within the deadline, with a supervision SMS', async (t) => {
  const order = await signed();
  await order.complete('Handle', { ...fullReply, followUpMeasures: '' });
  await order.complete('PreReview', { reviewOk: false, reviewNote: '缺后续处置措施' });
  t.match(await order.smsBy('SmsReviewFailed'), { properties: { template: 'HJ_SUPERVISION' } });
  await order.completeExternal('SmsReviewFailed');
  const handle = await order.task('Handle');
  t.equal(handle.due?.toISOString(), iso('2026-11-25T18:00:00+08:00'), 'same deadline');
  t.match((await order.variables()).refusal, /不规范、不具体、不完整.*缺后续处置措施/);
});

t.test('city-ordered redo: supervision SMS and a fresh time limit', async (t) => {
  const order = await signed({ urgency: 'urgent' });
  await order.complete('Handle', fullReply);
  await order.complete('PreReview', { reviewOk: true });
  await order.completeExternal('ReportToCity', { cityRedo: true });
  t.match(await order.smsBy('SmsCityRedo'), { properties: { template: 'HJ_SUPERVISION' } });
  await order.completeExternal('SmsCityRedo');
  t.same(await order.taskKeys(), ['Handle']);
  t.match((await order.variables()).refusal, /市级平台要求重办/);
});

t.test('overdue: supervision SMS, accountability of the handler copied to the data bureau, the unit still reports', async (t) => {
  const order = await signed({ urgency: 'urgent' });
  await order.fireTimer('Overdue');
  t.same(await order.taskKeys(), ['OverdueHandle']);
  await order.completeExternal('SmsSupervise');
  t.same(await order.taskKeys(), ['Accountability', 'OverdueHandle']);
  await t.rejects(order.complete('OverdueHandle', extensionRequest), FORM_REFUSED, 'no extension once overdue');
  await order.complete('OverdueHandle', fullReply);
  await order.complete('Accountability', { accountabilityResult: '通报批评承办人', copiedToDataBureau: true });
  t.same(await order.taskKeys(), ['PreReview']);
});

t.test('complex or widely reported orders: escalation SMS and a report to the county leader in charge', async (t) => {
  const order = await dispatched({ escalate: true });
  t.match(await order.smsBy('SmsEscalate'), { properties: { template: 'HJ_ESCALATION' } });
  await order.completeExternal('SmsEscalate');
  t.same(await order.taskKeys(), ['ReportLeader', 'SignOrReturn']);
});

t.test('clock: the return window closes after one hour, the reminder and overdue fire on time', { todo: clockTodo }, async (t) => {
  const order = await dispatched();
  await moveClock(ctx, { set: '2026-11-23T09:59:00+08:00' });
  t.same(await order.taskKeys(), ['SignOrReturn']);
  await moveClock(ctx, { set: '2026-11-23T10:00:00+08:00' });
  t.same(await order.taskKeys(), ['Handle'], 'deemed signed');
  await moveClock(ctx, { set: '2026-11-25T18:00:00+08:00' });
  t.ok(await order.smsBy('SmsPreOverdue'), 'pre-overdue SMS');
  await moveClock(ctx, { set: '2026-11-26T18:00:00+08:00' });
  t.same(await order.taskKeys(), ['OverdueHandle']);
});
