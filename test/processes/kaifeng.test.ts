import t from 'tap';
import { startTestApp } from '../support/harness.js';
import { ProcessDriver, clockAvailable, moveClock, CLOCK_TODO, iso, type Instance, FORM_REFUSED } from './support/driver.js';

// 开封市“有诉即办”五办模式 (seed 004). Clock starts Mon 2026-11-23 09:00 +08:00.
const ctx = await startTestApp();
t.teardown(() => ctx.close());
const kaifeng = new ProcessDriver(ctx, 'kaifeng', 'kaifeng');
await kaifeng.deploy('kaifeng.bpmn');
const clockTodo = (await clockAvailable(ctx)) ? false : CLOCK_TODO;

let seq = 0;
async function taken(mode: string): Promise<Instance> {
  const orderNo = `KF-${++seq}`;
  const order = await kaifeng.start({ orderNo, channel: 'window' }, orderNo);
  await order.complete('Intake', { content: '诉求', mode });
  return order;
}

async function routed(matterType: string): Promise<Instance> {
  const order = await taken('forward');
  await order.complete('Classify', { matterType });
  return order;
}

t.test('the window picks one of five modes; nothing else is accepted', async (t) => {
  const order = await kaifeng.start({ orderNo: 'KF-0' }, 'KF-0');
  await t.rejects(order.complete('Intake', { content: '诉求', mode: 'ignore' }), FORM_REFUSED);
  const field = (await order.task('Intake')).formFields.find((f) => f.id === 'mode');
  t.same(field?.values.map((v) => v.id), ['consult', 'assist', 'oneToOne', 'discipline', 'forward']);
});

t.test('咨询导办: first-time applicants are guided at the window', async (t) => {
  const order = await taken('consult');
  t.same((await order.task('Guide')).candidateGroups, ['window']);
  await order.complete('Guide', { guidance: '到3号窗口办理', oneThingPackage: '开办企业一件事' });
  t.equal(await order.state(), 'COMPLETED');
});

t.test('帮办代办: an assistant fills in forms or runs the errand', async (t) => {
  const order = await taken('assist');
  t.same((await order.task('Assist')).candidateGroups, ['assistant']);
  await order.complete('Assist', { assistKind: 'errand', assistResult: 'completed' });
  t.equal(await order.state(), 'COMPLETED');
});

t.test('一对一办: complex project matters go to the 万人助万企 window', async (t) => {
  const order = await taken('oneToOne');
  t.same((await order.task('OneToOne')).candidateGroups, ['wrzwq-window']);
  await order.complete('OneToOne', { projectMatter: 'power', serviceResult: '已接电' });
  t.equal(await order.state(), 'COMPLETED');
});

t.test('纪委督办: red/yellow flag, the discipline commission supervises until it is solved', async (t) => {
  const order = await taken('discipline');
  await order.complete('Flag', { light: 'red', blockedReason: '部门推诿', unit: 'social-security' });
  t.same((await order.task('DisciplineAnalyse')).candidateGroups, ['discipline-commission']);
  await order.complete('DisciplineAnalyse', { responsiblePerson: '孙八', supervisionPlan: '三日内办结' });
  await order.complete('DeptRedYellow', { reply: '已受理' });
  await order.complete('DisciplineCheck', { solved: false });
  t.same((await order.task('DeptRedYellow')).candidateGroups, ['social-security'], 'not solved: back to the department');
  await order.complete('DeptRedYellow', { reply: '已办结' });
  await order.complete('DisciplineCheck', { solved: true });
  t.equal(await order.state(), 'COMPLETED');
});

t.test('分办转办 by the routing list: investment → 万人助万企 window, conduct → discipline window, general → department', async (t) => {
  t.same(await (await routed('investment')).taskKeys(), ['OneToOne']);
  const conduct = await routed('conduct');
  t.same((await conduct.task('DisciplineWindow')).candidateGroups, ['discipline-window']);
  const general = await routed('general');
  t.same(await general.taskKeys(), ['ForwardDispatch']);
  await t.rejects(general.complete('ForwardDispatch', { unit: 'education-bureau', limitWorkingDays: 30 }), FORM_REFUSED);
  await general.complete('ForwardDispatch', { unit: 'education-bureau', limitWorkingDays: 3 });
  const dept = await general.task('DeptTimed');
  t.same(dept.candidateGroups, ['education-bureau']);
  t.equal(dept.due?.toISOString(), iso('2026-11-26T18:00:00+08:00'));
});

t.test('general matters: overdue → the task force checks progress; callback; unsatisfied → redo', async (t) => {
  const order = await routed('general');
  await order.complete('ForwardDispatch', { unit: 'education-bureau', limitWorkingDays: 3 });
  await order.fireTimer('Overdue');
  t.same(await order.taskKeys(), ['DeptTimed', 'Supervise'], 'the department keeps its task');
  await order.complete('DeptTimed', { reply: '已处理' });
  await order.complete('Callback', { satisfied: false });
  t.same(await order.taskKeys(), ['DeptTimed', 'Supervise']);
  t.equal((await order.variables()).redoCount, 1);
  await order.complete('DeptTimed', { reply: '已重新处理' });
  await order.complete('Callback', { satisfied: true });
  t.equal(await order.state(), 'COMPLETED');
});

t.test('clock: the task force is asked to check at the department’s deadline', { todo: clockTodo }, async (t) => {
  const order = await routed('general');
  await order.complete('ForwardDispatch', { unit: 'education-bureau', limitWorkingDays: 1 });
  await moveClock(ctx, { set: '2026-11-24T18:00:00+08:00' });
  t.same(await order.taskKeys(), ['DeptTimed', 'Supervise']);
});
