import t from 'tap';
import { startTestApp, TEST_EPOCH } from '../support/harness.js';
import { CalendarService, InMemoryCalendarOverrides, formatWithOffset } from '../../src/calendar/index.js';
import { TestClock } from '../../src/clock/index.js';
import { deploy, start, moveClock, ended, openTasks, timerRows, revision, instanceState, query } from './support.js';

/*
 * 限时办结: a handling task with an interrupting deadline timer 5 working days out, computed
 * by the business calendar, and a non-interrupting 催办 reminder one working day earlier,
 * both passed to the diagram as ISO dates. Time moves only through POST /api/clock.
 */
const ctx = await startTestApp();
t.teardown(() => ctx.close());
const { app, services } = ctx;
const calendar = await new CalendarService({ overrides: new InMemoryCalendarOverrides(), clock: new TestClock(TEST_EPOCH) }).forRegion('x');
const definitionId = await deploy(services, 'timer-deadline-reminder.bpmn');

/** A fresh work order dispatched now, due in 5 working days, reminded one working day before. */
async function dispatch(businessKey: string) {
  const now = services.clock.now();
  const deadline = calendar.addDuration(now, 5, 'workingDays');
  const remindAt = calendar.addDuration(now, 4, 'workingDays');
  const instanceId = await start(services, definitionId, { deadline: formatWithOffset(deadline, 'Asia/Shanghai'), remindAt: formatWithOffset(remindAt, 'Asia/Shanghai') }, businessKey);
  return { instanceId, deadline, remindAt };
}

t.test('the scheduler delivers with BullMQ when Redis is configured, in process otherwise', async (t) => {
  t.equal(services.scheduler.kind, process.env.REDIS_URL ? 'bullmq' : 'in-process');
});

t.test('the deadline fires when the clock passes it and not a second before; the reminder once, before it', async (t) => {
  const { instanceId, deadline, remindAt } = await dispatch('PY-0001');
  // Monday 09:00 + 5 working days = the end of the following Monday's working day.
  t.equal(deadline.toISOString(), '2026-11-30T10:00:00.000Z', 'deadline: Mon 30 Nov 18:00 +08:00');
  t.equal(remindAt.toISOString(), '2026-11-27T10:00:00.000Z', 'reminder: Fri 27 Nov 18:00 +08:00');
  const rows = await timerRows(services, instanceId);
  t.same(rows.map((r) => [r.activity_id, r.due_at.toISOString()]), [['Remind', remindAt.toISOString()], ['Overdue', deadline.toISOString()]], 'both due times are rows in PostgreSQL');
  const [task] = await openTasks(services, instanceId);

  let res = await moveClock(app, { set: new Date(remindAt.getTime() - 1000).toISOString() });
  t.equal(res.status, 200);
  t.equal(res.body.timers.fired, 0, 'nothing is due a second before the reminder');
  t.same(await ended(services, instanceId, 'Reminded'), []);

  res = await moveClock(app, { advance: 'PT1S' });
  t.equal(res.body.timers.fired, 1, 'the reminder fires at its instant');
  t.same((await ended(services, instanceId, 'Reminded')).map((d) => d.toISOString()), [remindAt.toISOString()], 'reminded once, at the reminder time');
  t.same(await openTasks(services, instanceId), [task], 'the non-interrupting reminder leaves the same task open');
  t.same((await timerRows(services, instanceId)).map((r) => r.activity_id), ['Overdue'], 'only the deadline is left');

  res = await moveClock(app, { set: new Date(deadline.getTime() - 1000).toISOString() });
  t.equal(res.body.timers.fired, 0, 'a second before the deadline nothing fires');
  t.same(await ended(services, instanceId, 'Overdue'), []);
  t.same(await openTasks(services, instanceId), [task], 'still with the handling unit');
  t.equal((await ended(services, instanceId, 'Reminded')).length, 1, 'the reminder did not fire again');

  res = await moveClock(app, { advance: 'PT1S' });
  t.equal(res.body.timers.fired, 1);
  t.same((await ended(services, instanceId, 'Overdue')).map((d) => d.toISOString()), [deadline.toISOString()], 'overdue exactly at the deadline');
  const tasks = await openTasks(services, instanceId);
  t.same(tasks.map((x) => x.task_definition_key), ['Supervise'], 'the handling task was interrupted; 督办 is open');
  const [handle] = await query(services, `SELECT end_time FROM activity_instance WHERE process_instance_id = $1 AND activity_id = 'Handle'`, [instanceId]);
  t.equal(handle!.end_time && new Date(handle!.end_time).toISOString(), deadline.toISOString(), 'the handling task was left at the deadline');
  t.same(await timerRows(services, instanceId), [], 'no timer left');
  const events = await query(services, `SELECT activity_id, time FROM history_event WHERE process_instance_id = $1 AND event_type = 'timer.fired' ORDER BY id`, [instanceId]);
  t.same(events.map((e) => e.activity_id), ['Remind', 'Overdue'], 'each firing is in the history once');

  const before = await revision(services, instanceId);
  res = await moveClock(app, { advance: 'P3D' });
  t.equal(res.body.timers.fired, 0, 'days later nothing fires again');
  t.equal((await ended(services, instanceId, 'Reminded')).length, 1);
  t.equal((await ended(services, instanceId, 'Overdue')).length, 1);
  t.equal(await revision(services, instanceId), before, 'the instance was not touched');
});

t.test('completing the task first cancels both timers; their late deliveries are no-ops', async (t) => {
  const { instanceId, deadline } = await dispatch('PY-0002');
  const jobs = (await timerRows(services, instanceId)).map((r) => ({ id: r.id, dueAt: r.due_at }));
  t.equal(jobs.length, 2);
  const [task] = await openTasks(services, instanceId);
  await moveClock(app, { advance: 'P1D' });
  await services.tasks.complete(task!.id, { userId: 'zhang' });
  t.equal(await instanceState(services, instanceId), 'COMPLETED');
  t.same(await timerRows(services, instanceId), [], 'the task completion deleted both timer rows in its transaction');

  // The deliveries that were already on their way (a BullMQ job, a poll that read the rows).
  for (const job of jobs) t.equal(await services.scheduler.firing.fire({ ...job, dueAt: new Date(Math.min(job.dueAt.getTime(), services.clock.now().getTime())) }), 'stale');
  const res = await moveClock(app, { set: new Date(deadline.getTime() + 3_600_000).toISOString() });
  t.equal(res.body.timers.fired, 0);
  t.same(await ended(services, instanceId, 'Reminded'), [], 'no reminder');
  t.same(await ended(services, instanceId, 'Overdue'), [], 'not overdue');
  t.equal((await ended(services, instanceId, 'End_done')).length, 1, 'ended on the normal path');
});

t.test('a completion that beats the scheduler to a due deadline wins; the firing is then a no-op', async (t) => {
  const { instanceId, deadline } = await dispatch('PY-0004');
  const [overdue] = (await timerRows(services, instanceId)).filter((r) => r.activity_id === 'Overdue');
  await moveClock(app, { set: new Date(deadline.getTime() - 1000).toISOString() });
  // Two seconds pass; the unit completes one second after the deadline, before any scheduler pass.
  ctx.clock.advance(2000);
  const [task] = await openTasks(services, instanceId);
  await services.tasks.complete(task!.id, { userId: 'li' });
  t.equal(await instanceState(services, instanceId), 'COMPLETED', 'completing did not fire the due timer on the way');
  t.equal(await services.scheduler.firing.fire({ id: overdue!.id, dueAt: overdue!.due_at }), 'stale', 'the late firing is a no-op');
  t.equal((await moveClock(app, { advance: 'PT0S' })).body.timers.fired, 0);
  t.same(await ended(services, instanceId, 'Overdue'), []);
  t.equal((await ended(services, instanceId, 'End_done')).length, 1);
});

t.test('a delivery that arrives after its timer fired, or for a moved due time, is a no-op', async (t) => {
  const { instanceId, remindAt } = await dispatch('PY-0003');
  const [remind] = (await timerRows(services, instanceId)).filter((r) => r.activity_id === 'Remind');
  await moveClock(app, { set: remindAt.toISOString() });
  t.equal((await ended(services, instanceId, 'Reminded')).length, 1);
  const rev = await revision(services, instanceId);
  t.equal(await services.scheduler.firing.fire({ id: remind!.id, dueAt: remind!.due_at }), 'stale', 'duplicate delivery');
  const [overdue] = await timerRows(services, instanceId);
  t.equal(await services.scheduler.firing.fire({ id: overdue!.id, dueAt: services.clock.now() }), 'stale', 'a job for another due time than the row has (the deadline moved)');
  t.equal(await services.scheduler.firing.fire({ id: overdue!.id, dueAt: overdue!.due_at }), 'early', 'a delivery ahead of the clock waits');
  t.equal(await revision(services, instanceId), rev, 'none of them touched the instance');
  t.equal((await ended(services, instanceId, 'Reminded')).length, 1);
});
