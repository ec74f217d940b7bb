import t from 'tap';
import { startTestApp } from '../support/harness.js';
import { deploy, start, moveClock, openTasks, timerRows, revision, query, HOUR } from './support.js';

/*
 * A timer whose transition fails in the engine (here: the next timer's date is not a date)
 * must not loop: each attempt is counted on the row with its error, the failed transaction
 * leaves the instance as it was, and the last attempt opens a `failedJob` incident.
 */
const ctx = await startTestApp();
t.teardown(() => ctx.close());
const { app, services } = ctx;
const definitionId = await deploy(services, 'timer-failing.bpmn');

/** The retry back-off is a real-time lease; the test ends it instead of waiting it out. */
async function endBackOff(instanceId: string) {
  await query(services, `UPDATE timer_job SET locked_until = now() - interval '1 second' WHERE process_instance_id = $1`, [instanceId]);
}

t.test('an engine error while firing counts attempts, then opens one incident, and never loops', async (t) => {
  const deadline = new Date(services.clock.now().getTime() + 2 * HOUR);
  const instanceId = await start(services, definitionId, { deadline: deadline.toISOString(), escalateAt: 'next Tuesday' }, 'HJ-0009');
  const [task] = await openTasks(services, instanceId);
  const [timer] = await timerRows(services, instanceId);
  const rev = await revision(services, instanceId);

  let res = await moveClock(app, { set: deadline.toISOString() });
  t.equal(res.status, 200, 'the clock moves even though a timer failed');
  t.match(res.body.timers, { fired: 0, failed: 1 });
  let [row] = await timerRows(services, instanceId);
  t.match(row, { id: timer!.id, attempts: 1 });
  t.match(row!.error_message, /Escalate|ISO|date/i, 'the error is kept on the timer');
  t.same(await openTasks(services, instanceId), [task], 'the failed firing rolled back: the task is still open');
  t.equal(await revision(services, instanceId), rev);

  res = await moveClock(app, { advance: 'PT1M' });
  t.match(res.body.timers, { fired: 0, failed: 0 }, 'in back-off: not retried at once');
  t.equal((await timerRows(services, instanceId))[0]!.attempts, 1);

  await endBackOff(instanceId);
  res = await moveClock(app, { advance: 'PT1M' });
  t.match(res.body.timers, { failed: 1 });
  await endBackOff(instanceId);
  res = await moveClock(app, { advance: 'PT1M' });
  t.match(res.body.timers, { incident: 1 }, 'the third failure opens the incident');
  [row] = await timerRows(services, instanceId);
  t.equal(row!.attempts, 3);
  const incidents = await query(services, `SELECT incident_type, activity_id, configuration, message, resolved_at FROM incident WHERE process_instance_id = $1`, [instanceId]);
  t.equal(incidents.length, 1);
  t.match(incidents[0], { incident_type: 'failedJob', activity_id: 'Overdue', configuration: timer!.id, resolved_at: null });

  await endBackOff(instanceId);
  res = await moveClock(app, { advance: 'P1D' });
  t.match(res.body.timers, { fired: 0, failed: 0, incident: 0 }, 'after the last attempt nobody retries');
  t.equal((await timerRows(services, instanceId))[0]!.attempts, 3);
  t.equal((await query(services, `SELECT 1 FROM incident WHERE process_instance_id = $1`, [instanceId])).length, 1, 'still one incident');
  t.equal(await revision(services, instanceId), rev, 'the instance never moved');

  // The handling unit finishes after all: the timer goes with the task, and so does its incident.
  await services.tasks.complete(task!.id);
  t.same(await timerRows(services, instanceId), []);
  await services.scheduler.reconcile();
  const [resolved] = await query(services, `SELECT resolved_at FROM incident WHERE process_instance_id = $1`, [instanceId]);
  t.ok(resolved!.resolved_at, 'the reconciler closed the incident of the vanished timer');
});
