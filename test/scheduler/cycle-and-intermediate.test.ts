import t from 'tap';
import { startTestApp, TEST_EPOCH } from '../support/harness.js';
import { deploy, start, moveClock, ended, openTasks, timerRows, instanceState, HOUR } from './support.js';

/*
 * Repeating reminders (timeCycle with an end) on a non-interrupting boundary event, and
 * duration timers on an intermediate catch event and an interrupting boundary event.
 */
const ctx = await startTestApp();
t.teardown(() => ctx.close());
const { app, services } = ctx;
const cycleDefinition = await deploy(services, 'timer-cycle.bpmn');
const waitDefinition = await deploy(services, 'timer-intermediate.bpmn');

const iso = (ms: number) => new Date(ms).toISOString();

t.test('R3/PT1H fires three times, an hour apart, even when the clock jumps over all of them', async (t) => {
  const t0 = services.clock.now().getTime();
  const instanceId = await start(services, cycleDefinition, { cycle: 'R3/PT1H' });
  const [task] = await openTasks(services, instanceId);
  const [first] = await timerRows(services, instanceId);
  t.match(first, { activity_id: 'Ping', repeat: 3 });
  t.equal(first!.due_at.toISOString(), iso(t0 + HOUR));

  const res = await moveClock(app, { advance: 'PT10H' });
  t.equal(res.body.timers.fired, 3, 'three firings on the way');
  t.same((await ended(services, instanceId, 'Pinged')).map((d) => d.toISOString()), [iso(t0 + HOUR), iso(t0 + 2 * HOUR), iso(t0 + 3 * HOUR)], 'each at its own hour');
  t.same(await timerRows(services, instanceId), [], 'the cycle ended after its third repeat');
  t.same(await openTasks(services, instanceId), [task], 'the task stays open through its reminders');
  t.equal((await moveClock(app, { advance: 'P1D' })).body.timers.fired, 0, 'nothing after the end');
});

t.test('a cycle walked in small steps fires the same three times; each repeat is a new timer row', async (t) => {
  const t0 = services.clock.now().getTime();
  const instanceId = await start(services, cycleDefinition, { cycle: 'R3/PT1H' });
  const ids = new Set<string>();
  let fired = 0;
  for (let i = 0; i < 12; i++) {
    for (const r of await timerRows(services, instanceId)) ids.add(r.id);
    fired += (await moveClock(app, { advance: 'PT30M' })).body.timers.fired;
  }
  t.equal(fired, 3);
  t.equal(ids.size, 3, 'a re-armed cycle is a new row (new execution id), not the old one updated');
  t.same((await ended(services, instanceId, 'Pinged')).map((d) => d.toISOString()), [iso(t0 + HOUR), iso(t0 + 2 * HOUR), iso(t0 + 3 * HOUR)]);
});

t.test('completing the task ends a running cycle', async (t) => {
  const instanceId = await start(services, cycleDefinition, { cycle: 'R5/PT2H' });
  await moveClock(app, { advance: 'PT3H' });
  t.equal((await ended(services, instanceId, 'Pinged')).length, 1);
  const [task] = await openTasks(services, instanceId);
  await services.tasks.complete(task!.id);
  t.equal(await instanceState(services, instanceId), 'COMPLETED');
  t.same(await timerRows(services, instanceId), []);
  await moveClock(app, { advance: 'P1D' });
  t.equal((await ended(services, instanceId, 'Pinged')).length, 1, 'no reminder after completion');
});

t.test('an intermediate timer with a duration from a variable, then an interrupting 24h boundary', async (t) => {
  const t0 = services.clock.now().getTime();
  const instanceId = await start(services, waitDefinition, { wait: 'P2D' });
  t.same(await openTasks(services, instanceId), [], 'waiting at the timer');
  t.same((await timerRows(services, instanceId)).map((r) => [r.activity_id, r.due_at.toISOString()]), [['Wait', iso(t0 + 48 * HOUR)]]);
  await moveClock(app, { set: iso(t0 + 48 * HOUR - 1) });
  t.same(await openTasks(services, instanceId), [], 'a millisecond early: still waiting');
  await moveClock(app, { advance: 'PT0.001S' });
  t.same((await openTasks(services, instanceId)).map((x) => x.task_definition_key), ['Callback']);
  t.same((await timerRows(services, instanceId)).map((r) => [r.activity_id, r.due_at.toISOString()]), [['CallbackLate', iso(t0 + 72 * HOUR)]], 'the boundary duration counts from when the task began');
  await moveClock(app, { advance: 'P1D' });
  t.same(await openTasks(services, instanceId), []);
  t.equal(await instanceState(services, instanceId), 'COMPLETED', 'ended through the timeout path');
  t.equal((await ended(services, instanceId, 'End_late')).length, 1);
});

t.test('the test epoch is a Monday morning in Beijing', async (t) => {
  t.equal(TEST_EPOCH.toISOString(), '2026-11-23T01:00:00.000Z');
});
