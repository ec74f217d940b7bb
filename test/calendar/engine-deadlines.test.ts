import t from 'tap';
import { TestClock } from '../../src/clock/index.js';
import { authedFetch, startTestApp } from '../support/harness.js';

/*
 * Diagrams reach the business calendar through expressions, with the calendar of the
 * instance's region (= the definition's tenant id). National Day 2026: Wednesday 30 Sep is a
 * working day, 1–7 Oct are off, Saturday 10 Oct is a make-up working day.
 */

const clock = new TestClock(new Date('2026-09-30T10:00:00+08:00'));
const ctx = await startTestApp({ clock });
t.teardown(() => ctx.close());
const base = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
const fetch = authedFetch(ctx.admin.bearer);
const db = ctx.services.database.dataSource;

const header = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Defs" targetNamespace="http://bpmn.io/schema/bpmn">`;

/** A unit handles the order by 3 working days; a non-interrupting timer fires at deadline(urgency). */
const handleDiagram = `${header}
  <bpmn:process id="calendar-deadline" isExecutable="true" camunda:historyTimeToLive="180">
    <bpmn:startEvent id="Start">
      <bpmn:extensionElements><camunda:inputOutput><camunda:outputParameter name="answerBy">\${deadline('24h')}</camunda:outputParameter></camunda:inputOutput></bpmn:extensionElements>
      <bpmn:outgoing>F1</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Handle" />
    <bpmn:userTask id="Handle" name="承办单位办理" camunda:dueDate="\${deadline('3wd')}" camunda:followUpDate="\${addNaturalDays(3)}">
      <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:boundaryEvent id="Remind" cancelActivity="false" attachedToRef="Handle">
      <bpmn:outgoing>F3</bpmn:outgoing>
      <bpmn:timerEventDefinition id="T1"><bpmn:timeDate xsi:type="bpmn:tFormalExpression">\${deadline(urgency)}</bpmn:timeDate></bpmn:timerEventDefinition>
    </bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="F3" sourceRef="Remind" targetRef="Reminded" />
    <bpmn:endEvent id="Reminded"><bpmn:incoming>F3</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F2" sourceRef="Handle" targetRef="Done" />
    <bpmn:endEvent id="Done"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>`;

/** Register, then handle within 10 working days: the deadline is computed when the second task is created. */
const twoStepDiagram = `${header}
  <bpmn:process id="calendar-two-steps" isExecutable="true" camunda:historyTimeToLive="180">
    <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Register" />
    <bpmn:userTask id="Register" name="登记"><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:userTask>
    <bpmn:sequenceFlow id="F2" sourceRef="Register" targetRef="Handle" />
    <bpmn:userTask id="Handle" name="办理" camunda:dueDate="\${addWorkingDays(10)}"><bpmn:incoming>F2</bpmn:incoming><bpmn:outgoing>F3</bpmn:outgoing></bpmn:userTask>
    <bpmn:sequenceFlow id="F3" sourceRef="Handle" targetRef="Done" />
    <bpmn:endEvent id="Done"><bpmn:incoming>F3</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>`;

async function deploy(xml: string, tenantId: string | null) {
  const result = await ctx.services.deployments.deploy({
    name: 'calendar', source: 'test', tenantId, enableDuplicateFiltering: false, deployChangedOnly: false,
    resources: [{ name: 'calendar.bpmn', content: Buffer.from(xml) }],
  });
  return result.definitions![0]!;
}

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    ...(body !== undefined && { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const startPath = (key: string, tenant: string | null) =>
  tenant ? `/engine-rest/process-definition/key/${key}/tenant-id/${tenant}/start` : `/engine-rest/process-definition/key/${key}/start`;

async function start(key: string, tenant: string | null, variables: Record<string, unknown> = {}) {
  const typed = Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, { value: v, type: 'String' }]));
  return call('POST', startPath(key, tenant), { variables: typed });
}

/** Shanghai wall time of a timestamptz read back from the database. */
const shanghai = (value: Date | string) =>
  new Date(new Date(value).getTime() + 8 * 3_600_000).toISOString().replace('Z', '+08:00');

async function taskOf(instanceId: string) {
  const rows = (await db.query(`SELECT id, task_definition_key, due, follow_up FROM task WHERE process_instance_id = $1 ORDER BY created`, [instanceId])) as Array<{ id: string; task_definition_key: string; due: Date | null; follow_up: Date | null }>;
  return rows;
}

async function counts() {
  const [row] = (await db.query(`SELECT
    (SELECT count(*) FROM process_instance)::int AS instances, (SELECT count(*) FROM task)::int AS tasks,
    (SELECT count(*) FROM timer_job)::int AS timers, (SELECT count(*) FROM history_event)::int AS history`)) as Array<Record<string, number>>;
  return row;
}

await deploy(handleDiagram, 'puyang');
await deploy(handleDiagram, null);
await deploy(twoStepDiagram, 'xiangtan');

t.test('a user task due in 3 working days from the eve of National Day, and a timer at deadline(urgency)', async (t) => {
  const started = await start('calendar-deadline', 'puyang', { urgency: '5wd' });
  t.equal(started.status, 200, JSON.stringify(started.body));
  const [task] = await taskOf(started.body.id);
  // 1–7 Oct off; 8 Oct, 9 Oct, Saturday 10 Oct (make-up day) → the end of day of 10 Oct.
  t.equal(shanghai(task!.due!), '2026-10-10T18:00:00.000+08:00');
  t.equal(shanghai(task!.follow_up!), '2026-10-03T18:00:00.000+08:00', 'natural days run through the holiday');
  const [timer] = (await db.query(`SELECT due_at, timer_value FROM timer_job WHERE process_instance_id = $1`, [started.body.id])) as Array<{ due_at: Date; timer_value: string }>;
  t.equal(timer!.timer_value, '2026-10-13T18:00:00.000+08:00', "5wd: 8, 9, 10, 12, 13 Oct, written with the region's offset");
  t.equal(shanghai(timer!.due_at), '2026-10-13T18:00:00.000+08:00');
  const [variable] = (await db.query(`SELECT value FROM variable WHERE process_instance_id = $1 AND name = 'answerBy'`, [started.body.id])) as Array<{ value: unknown }>;
  t.equal(variable?.value, '2026-10-01T10:00:00.000+08:00', 'a variable set on start: 24 clock hours, holiday or not');
});

t.test("a region holiday added through the API moves that region's next deadline, and only that", async (t) => {
  const before = await start('calendar-deadline', 'puyang', { urgency: '1wd' });
  const put = await call('PUT', '/api/calendar/regions/puyang/days/2026-10-09', { kind: 'holiday', note: '县庆' });
  t.equal(put.status, 200);

  const after = await start('calendar-deadline', 'puyang', { urgency: '1wd' });
  t.equal(shanghai((await taskOf(after.body.id))[0]!.due!), '2026-10-12T18:00:00.000+08:00', '8, (9 off in 濮阳), 10, 12 Oct');
  t.equal(shanghai((await taskOf(before.body.id))[0]!.due!), '2026-10-10T18:00:00.000+08:00', 'an existing task keeps its due date');
  const other = await start('calendar-deadline', null, { urgency: '1wd' });
  t.equal(shanghai((await taskOf(other.body.id))[0]!.due!), '2026-10-10T18:00:00.000+08:00', 'a definition without tenant uses region default');

  t.equal((await call('PATCH', '/api/calendar/regions/puyang/settings', { endOfDay: '17:30' })).status, 200);
  const closingEarlier = await start('calendar-deadline', 'puyang', { urgency: '1wd' });
  t.equal(shanghai((await taskOf(closingEarlier.body.id))[0]!.due!), '2026-10-12T17:30:00.000+08:00', "the region's end of day");

  t.equal((await call('DELETE', '/api/calendar/regions/puyang/days/2026-10-09')).status, 204);
  t.equal((await call('PUT', '/api/calendar/regions/puyang/settings', { timeZone: 'Asia/Shanghai', endOfDay: '18:00' })).status, 200);
  const restored = await start('calendar-deadline', 'puyang', { urgency: '1wd' });
  t.equal(shanghai((await taskOf(restored.body.id))[0]!.due!), '2026-10-10T18:00:00.000+08:00');
});

t.test('a deadline in a year without a schedule: 422 naming the year and region, and nothing is stored', async (t) => {
  clock.set(new Date('2026-12-29T10:00:00+08:00'));
  const before = await counts();
  // The boundary timer's deadline(urgency) fails inside the engine run.
  const res = await start('calendar-deadline', 'puyang', { urgency: '5wd' });
  t.equal(res.status, 422);
  t.equal(res.body.type, 'CalendarYearNotCoveredException');
  t.match(res.body.message, /no holiday schedule for 2027 in region puyang/);
  t.match(res.body.message, /POST \/api\/calendar\/regions\/puyang\/years/);
  t.same(await counts(), before, 'no instance, task, timer or history row');

  const preview = await call('GET', '/api/calendar/regions/puyang/deadline?amount=3&unit=workingDays');
  t.equal(preview.status, 422, 'the preview says the same');
  t.match(preview.body.message, /2027/);
});

t.test('a failing deadline while completing a task leaves the instance at its last commit', async (t) => {
  const started = await start('calendar-two-steps', 'xiangtan');
  t.equal(started.status, 200);
  const [register] = await taskOf(started.body.id);
  const [committed] = (await db.query(`SELECT revision FROM process_instance WHERE id = $1`, [started.body.id])) as Array<{ revision: number }>;
  const revision = committed!.revision;
  const before = await counts();

  // The second task's dueDate is resolved while the command persists, outside the engine run.
  const failed = await call('POST', `/engine-rest/task/${register!.id}/complete`, {});
  t.equal(failed.status, 422);
  t.match(failed.body.message, /no holiday schedule for 2027 in region xiangtan/);
  t.same(await counts(), before);
  t.same((await taskOf(started.body.id)).map((r) => r.task_definition_key), ['Register'], 'the first task is still open');
  const [after] = (await db.query(`SELECT revision, state FROM process_instance WHERE id = $1`, [started.body.id])) as Array<{ revision: number; state: string }>;
  t.same(after, { revision, state: 'ACTIVE' });

  // An administrator loads 2027 (here a one-holiday schedule) and the same command goes through.
  const loaded = await call('POST', '/api/calendar/regions/xiangtan/years', { year: 2027, holidays: ['2027-01-01'], workdays: [] });
  t.equal(loaded.status, 201);
  t.equal((await call('POST', `/engine-rest/task/${register!.id}/complete`, {})).status, 204);
  const [handle] = await taskOf(started.body.id);
  t.equal(handle!.task_definition_key, 'Handle');
  // 30, 31 Dec, (1 Jan off), 4–8, 11, 12, 13 Jan.
  t.equal(shanghai(handle!.due!), '2027-01-13T18:00:00.000+08:00');

  const stillMissing = await start('calendar-deadline', 'puyang', { urgency: '5wd' });
  t.equal(stillMissing.status, 422, "xiangtan's 2027 does not cover puyang");
});
