import t from 'tap';
import { startTestApp } from '../support/harness.js';
import type { Services } from '../../src/services.js';
import { InvalidTimerStartError } from '../../src/scheduler/index.js';
import { moveClock, query, HOUR } from './support.js';
import { timerStartXml } from './timer-start-support.js';

/*
 * Timer start events, Camunda's way: deploying the definition creates a timer start job; when
 * due it starts a new instance (no business key) and a cycle schedules its next occurrence.
 * Only the latest version of a key has jobs; deleting a deployment removes its own.
 */
const ctx = await startTestApp();
t.teardown(() => ctx.close());
const { app, services } = ctx;

const iso = (ms: number) => new Date(ms).toISOString();

async function deployXml(key: string, timer: string, type: 'timeDate' | 'timeCycle' | 'timeDuration' = 'timeCycle') {
  const result = await services.deployments.deploy({
    name: key,
    source: 'test',
    tenantId: null,
    enableDuplicateFiltering: false,
    deployChangedOnly: false,
    resources: [{ name: `${key}.bpmn`, content: Buffer.from(timerStartXml(key, type, timer)) }],
  });
  return { deploymentId: result.deployment.id, definitionId: result.definitions![0]!.id };
}

async function startJobs(s: Services, key: string) {
  const rows = await query<{ id: string; process_definition_id: string; activity_id: string; due_at: Date; repeat: number | null }>(
    s,
    `SELECT t.id, t.process_definition_id, t.activity_id, t.due_at, t.repeat FROM timer_job t JOIN process_definition d ON d.id = t.process_definition_id
     WHERE t.process_instance_id IS NULL AND d.key = $1 ORDER BY t.due_at`,
    [key],
  );
  return rows.map((r) => ({ ...r, due_at: new Date(r.due_at) }));
}

async function instancesOf(definitionId: string) {
  return query<{ id: string; business_key: string | null; start_time: Date; start_activity_id: string | null }>(
    services,
    `SELECT id, business_key, start_time, start_activity_id FROM process_instance WHERE definition_id = $1 ORDER BY start_time, id`,
    [definitionId],
  );
}

t.test('a timeDate start event starts one instance at its date, and only once', async (t) => {
  const t0 = services.clock.now().getTime();
  const { definitionId } = await deployXml('patrol-date', iso(t0 + 3 * HOUR), 'timeDate');
  t.same((await startJobs(services, 'patrol-date')).map((j) => [j.activity_id, j.due_at.toISOString(), j.repeat]), [['StartTimer', iso(t0 + 3 * HOUR), null]], 'deploying created the job');
  t.same(await instancesOf(definitionId), [], 'deploying started nothing');

  t.equal((await moveClock(app, { advance: 'PT2H' })).body.timers.fired, 0);
  t.same(await instancesOf(definitionId), [], 'not before its date');
  t.equal((await moveClock(app, { advance: 'PT2H' })).body.timers.fired, 1);
  const [started, ...more] = await instancesOf(definitionId);
  t.same(more, [], 'one instance');
  t.match(started, { business_key: null, start_activity_id: 'StartTimer' }, 'started by the timer start event, no business key');
  t.equal(new Date(started!.start_time).toISOString(), iso(t0 + 3 * HOUR), 'at the due time');
  const tasks = await query(services, `SELECT task_definition_key FROM task WHERE process_instance_id = $1`, [started!.id]);
  t.same(tasks, [{ task_definition_key: 'Inspect' }], 'the start event completed at once; the instance waits at its task');
  t.same(await query(services, `SELECT 1 FROM timer_job WHERE process_instance_id = $1`, [started!.id]), [], 'the instance has no timer of its own');
  const fired = await query(services, `SELECT activity_id, payload FROM history_event WHERE process_instance_id = $1 AND event_type = 'timer.fired'`, [started!.id]);
  t.match(fired, [{ activity_id: 'StartTimer', payload: { timerId: String, dueAt: iso(t0 + 3 * HOUR), startEvent: true } }], 'history records the firing');
  t.same(await startJobs(services, 'patrol-date'), [], 'a date fires once: the job is gone');

  await moveClock(app, { advance: 'P2D' });
  t.equal((await instancesOf(definitionId)).length, 1, 'nothing more');
});

t.test('R3/PT1H starts exactly three instances, an hour apart, over five hours', async (t) => {
  const t0 = services.clock.now().getTime();
  const { definitionId } = await deployXml('patrol-cycle', 'R3/PT1H');
  t.same((await startJobs(services, 'patrol-cycle')).map((j) => [j.due_at.toISOString(), j.repeat]), [[iso(t0 + HOUR), 3]]);
  const res = await moveClock(app, { advance: 'PT5H' });
  t.equal(res.body.timers.fired, 3, 'three firings');
  t.same((await instancesOf(definitionId)).map((i) => new Date(i.start_time).toISOString()), [iso(t0 + HOUR), iso(t0 + 2 * HOUR), iso(t0 + 3 * HOUR)], 'one instance per occurrence, each at its hour');
  t.same(await startJobs(services, 'patrol-cycle'), [], 'the cycle is done');
  const twice = await query(services, `SELECT payload->>'dueAt' AS due, count(*)::int AS n FROM history_event WHERE event_type = 'timer.fired' AND activity_id = 'StartTimer' GROUP BY 1 HAVING count(*) > 1`);
  t.same(twice, [], 'no occurrence fired twice');
});

t.test('walking an unbounded cycle in small steps keeps one job row, moved on at each firing', async (t) => {
  const t0 = services.clock.now().getTime();
  const { definitionId } = await deployXml('patrol-walk', 'R/PT2H');
  const ids = new Set<string>();
  for (let i = 0; i < 10; i++) {
    for (const j of await startJobs(services, 'patrol-walk')) ids.add(j.id);
    await moveClock(app, { advance: 'PT30M' });
  }
  t.equal(ids.size, 1, 'the same job, advanced');
  t.same((await instancesOf(definitionId)).map((i) => new Date(i.start_time).toISOString()), [iso(t0 + 2 * HOUR), iso(t0 + 4 * HOUR)]);
  t.same((await startJobs(services, 'patrol-walk')).map((j) => [j.due_at.toISOString(), j.repeat]), [[iso(t0 + 6 * HOUR), -1]]);
});

t.test('a new version replaces the old version\'s job; deleting it gives the job back', async (t) => {
  const t0 = services.clock.now().getTime();
  const v1 = await deployXml('patrol-versions', 'R/PT1H');
  await moveClock(app, { advance: 'PT1H' });
  t.equal((await instancesOf(v1.definitionId)).length, 1, 'v1 started one');

  const v2 = await deployXml('patrol-versions', 'R/PT2H');
  const jobs = await startJobs(services, 'patrol-versions');
  t.same(jobs.map((j) => [j.process_definition_id, j.due_at.toISOString()]), [[v2.definitionId, iso(t0 + 3 * HOUR)]], 'only v2 has a job, due from its deployment');
  await moveClock(app, { advance: 'PT4H' });
  t.equal((await instancesOf(v1.definitionId)).length, 1, 'v1 started no more instances');
  t.equal((await instancesOf(v2.definitionId)).length, 2, 'v2 started two');

  // Camunda restores the previous version's timer start jobs when the latest is deleted.
  await services.deployments.delete(v2.deploymentId, { cascade: true });
  const restored = await startJobs(services, 'patrol-versions');
  t.same(restored.map((j) => [j.process_definition_id, j.due_at.toISOString()]), [[v1.definitionId, iso(t0 + 6 * HOUR)]], 'v1 is latest again, scheduled from now');
});

t.test('deleting the deployment removes its timer start job', async (t) => {
  const { deploymentId, definitionId } = await deployXml('patrol-deleted', 'R/PT1H');
  const jobIds = (await startJobs(services, 'patrol-deleted')).map((j) => j.id);
  t.equal(jobIds.length, 1);
  await services.deployments.delete(deploymentId, { cascade: false });
  t.same(await startJobs(services, 'patrol-deleted'), []);
  await moveClock(app, { advance: 'PT3H' });
  t.same(await query(services, `SELECT 1 FROM history_event WHERE event_type = 'timer.fired' AND payload->>'timerId' = ANY($1)`, [jobIds]), [], 'its job never fires');
  t.same(await query(services, `SELECT 1 FROM process_instance WHERE definition_id = $1`, [definitionId]), [], 'no instance');
});

t.test('a deploy-time expression may call calendar functions (the tenant is the region); no variables', async (t) => {
  const t0 = services.clock.now().getTime();
  // One working day after now, by the default region's calendar: more than a night, less than three days.
  await deployXml('patrol-deadline', "${deadline('1wd')}", 'timeDate');
  const [job] = await startJobs(services, 'patrol-deadline');
  t.ok(job && job.due_at.getTime() > t0 + 20 * HOUR && job.due_at.getTime() < t0 + 3 * 24 * HOUR, `due a working day later (${job?.due_at.toISOString()})`);

  await t.rejects(deployXml('patrol-bad', '${everyHour}'), InvalidTimerStartError, 'a variable does not exist yet: the deployment is refused');
  t.same(await query(services, `SELECT 1 FROM process_definition WHERE key = 'patrol-bad'`), [], 'and nothing was stored');
  const res = await app.inject({
    method: 'POST',
    url: '/engine-rest/deployment/create',
    payload: multipart('patrol-bad.bpmn', timerStartXml('patrol-bad', 'timeCycle', '${everyHour}')),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  });
  t.equal(res.statusCode, 400, 'over REST: 400');
  t.match(JSON.parse(res.body), { type: 'InvalidRequestException', message: /StartTimer.*patrol-bad|patrol-bad.*StartTimer/ });
});

t.test('a start job that keeps failing opens an incident GET /incident lists, with no instance', async (t) => {
  const t0 = services.clock.now().getTime();
  // The task's group comes from a variable a timer-started instance cannot have: every start fails.
  const xml = timerStartXml('patrol-broken', 'timeDate', iso(t0 + HOUR)).replace('camunda:candidateGroups="unit"', 'camunda:candidateGroups="${unit}"');
  const deployed = await services.deployments.deploy({ name: 'patrol-broken', source: 'test', tenantId: null, enableDuplicateFiltering: false, deployChangedOnly: false, resources: [{ name: 'patrol-broken.bpmn', content: Buffer.from(xml) }] });
  const definitionId = deployed.definitions![0]!.id;
  const endBackOff = () => query(services, `UPDATE timer_job SET locked_until = now() - interval '1 second' WHERE process_definition_id = $1`, [definitionId]);
  t.match((await moveClock(app, { advance: 'PT1H' })).body.timers, { failed: 1 });
  for (const expected of [{ failed: 1 }, { incident: 1 }]) {
    await endBackOff();
    t.match((await moveClock(app, { advance: 'PT1M' })).body.timers, expected);
  }
  t.same(await instancesOf(definitionId), [], 'every failed start rolled back');
  const listed = (await app.inject({ method: 'GET', url: `/engine-rest/incident?processDefinitionId=${encodeURIComponent(definitionId)}` })).json() as unknown[];
  t.match(listed, [{ incidentType: 'failedJob', processDefinitionId: definitionId, processInstanceId: null, activityId: 'StartTimer', incidentMessage: /unit/ }]);
  t.same((await app.inject({ method: 'GET', url: '/engine-rest/incident/count?incidentType=failedJob' })).json(), { count: 1 });
});

const BOUNDARY = '----suqiu-timer-start';
function multipart(name: string, xml: string): string {
  return [`--${BOUNDARY}`, `Content-Disposition: form-data; name="data"; filename="${name}"`, 'Content-Type: application/octet-stream', '', xml, `--${BOUNDARY}--`, ''].join('\r\n');
}
