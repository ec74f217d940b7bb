import t from 'tap';
import { startTestApp } from '../support/harness.js';
import { TestClock } from '../../src/clock/index.js';
import { ProcessDriver, advanceTo, iso, type Instance } from './support/driver.js';

// The example for 濮阳 over the 2026 holidays. chinese-days (2026 schedule): Fri 25 Sep
// – Sun 27 Sep is the Mid-Autumn holiday, Thu 1 Oct – Wed 7 Oct National Day, and Sat 10 Oct a
// make-up working day (调休). A working-day deadline counts from the next working day and ends
// at 18:00 of the last one (docs/calendar.md).
const ctx = await startTestApp({ clock: new TestClock(new Date('2026-09-25T10:00:00+08:00')) });
t.teardown(() => ctx.close());
const puyang = new ProcessDriver(ctx, 'puyang', 'puyang');
await puyang.deploy('puyang.bpmn');

let seq = 0;
async function dispatched(urgency: string): Promise<Instance> {
  const orderNo = `PY-HOLIDAY-${++seq}`;
  const order = await puyang.start({ orderNo, channel: 'hotline', category: 'complaint' }, orderNo);
  await order.complete('Dispatch', { urgency, emergency: false, multiUnit: false, unit: 'water-bureau' });
  return order;
}

t.test('urgent on the Friday before National Day (a Mid-Autumn holiday): 3 working days from Monday 28 Sep', async (t) => {
  const order = await dispatched('urgent');
  t.equal((await order.task('Handle')).due?.toISOString(), iso('2026-09-30T18:00:00+08:00'), 'Mon 28, Tue 29, Wed 30 Sep');
});

t.test('urgent on the last working day before National Day: due at the end of the third working day after it', async (t) => {
  await advanceTo(ctx, '2026-09-30T10:00:00+08:00');
  const order = await dispatched('urgent');
  const due = iso('2026-10-10T18:00:00+08:00');
  t.equal((await order.task('Handle')).due?.toISOString(), due, 'Thu 8, Fri 9 and the make-up Saturday 10 Oct');
  t.equal((await order.timer('Overdue')).dueAt.toISOString(), due, 'the overdue timer is set to the same instant');
});

t.test('over the holiday a general order gets two extensions and the third is refused', async (t) => {
  const order = await dispatched('general');
  t.equal((await order.task('Handle')).due?.toISOString(), iso('2026-10-13T18:00:00+08:00'), '5 working days: 8, 9, 10, 12, 13 Oct');
  for (const [n, due] of [[1, '2026-10-15T18:00:00+08:00'], [2, '2026-10-19T18:00:00+08:00']] as const) {
    await order.complete('Handle', { outcome: 'extensionRequested', reply: `第${n}次延期` });
    await order.complete('ApproveExt', { extensionWorkingDays: 2 });
    t.equal((await order.task('Handle')).due?.toISOString(), iso(due), `extension ${n} accepted: 2 working days more`);
  }
  await order.complete('Handle', { outcome: 'extensionRequested', reply: '第3次延期' });
  t.same(await order.taskKeys(), ['Handle'], 'the third request is refused');
  t.match((await order.variables()).refusal, /“延期最多不得超过两次。”/, 'quoting the rule');
  t.equal((await order.task('Handle')).due?.toISOString(), iso('2026-10-19T18:00:00+08:00'), 'deadline unchanged');
});
