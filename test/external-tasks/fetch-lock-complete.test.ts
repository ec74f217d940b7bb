import t from 'tap';
import { Variables } from 'camunda-external-task-client-js';
import { engineError, handlerQueue, newClient, pollOnce, startExternalTaskApp } from './support.js';

const app = await startExternalTaskApp();
t.teardown(() => app.close());
const definitionId = await app.deploy('sms-notify.bpmn');

t.test('the real client fetches, locks and completes; the process moves on with the variables', async (t) => {
  const instanceId = await app.start(
    definitionId,
    { priority: 7, contactPhone: '13800000000', orderNo: 'PY-2026-0001', order: { no: 'PY-2026-0001', items: [1, 2] }, receivedAt: new Date('2026-11-23T01:00:00Z') },
    'PY-2026-0001',
  );
  const client = newClient(app, { workerId: 'sms-worker-1', lockDuration: 20_000 });
  const q = handlerQueue();
  client.subscribe('sms', { includeExtensionProperties: true }, q.handler);

  const polled = (await pollOnce(client)) as Array<Record<string, unknown>>;
  t.equal(polled.length, 1, 'one task handed out');
  const { task, taskService } = await q.next();
  t.match(task, {
    topicName: 'sms',
    workerId: 'sms-worker-1',
    activityId: 'SendSms',
    processInstanceId: instanceId,
    processDefinitionId: definitionId,
    processDefinitionKey: 'sms-notify',
    businessKey: 'PY-2026-0001',
    priority: 7,
    retries: null,
    extensionProperties: { template: 'DISPATCH_NOTICE' },
  });
  t.equal(task.lockExpirationTime, '2026-11-23T09:00:20.000+0800', 'lease = service clock + lockDuration, Camunda date format');
  // Input mappings arrive as the task's local variables, next to the process variables.
  t.equal(task.variables.get('to'), '13800000000');
  t.equal(task.variables.get('text'), '工单PY-2026-0001已派至您单位，请及时办理。');
  t.same(task.variables.get('order'), { no: 'PY-2026-0001', items: [1, 2] }, 'Json goes out as text and the client parses it');
  t.equal(task.variables.getTyped('order')?.type, 'json');
  t.same(task.variables.get('receivedAt'), new Date('2026-11-23T01:00:00Z'), 'Date in Camunda format becomes a Date');

  const [row] = await app.query<{ worker_id: string; lock_expiration_time: Date }>('SELECT worker_id, lock_expiration_time FROM external_task WHERE id = $1', [task.id]);
  t.equal(row!.worker_id, 'sms-worker-1');

  const again = await app.post('/external-task/fetchAndLock', { workerId: 'other', maxTasks: 5, topics: [{ topicName: 'sms', lockDuration: 1000 }] });
  t.same(again.body, [], 'a locked task is not handed out twice');

  const vars = new Variables().set('smsSent', true).set('providerId', 'log-1').set('receipt', { code: 0 });
  const local = new Variables().set('scratch', 'only for output mappings');
  await taskService.complete(task, vars, local);

  const tasks = await app.query<{ task_definition_key: string }>('SELECT task_definition_key FROM task WHERE process_instance_id = $1', [instanceId]);
  t.same(tasks.map((r) => r.task_definition_key), ['Handle'], 'the process went on to the user task');
  const stored = await app.query<{ name: string; type: string; value: unknown }>('SELECT name, type, value FROM variable WHERE process_instance_id = $1 ORDER BY name', [instanceId]);
  const byName = Object.fromEntries(stored.map((v) => [v.name, v]));
  t.match(byName.smsSent, { type: 'Boolean', value: true });
  t.match(byName.receipt, { type: 'Json', value: { code: 0 } });
  t.notOk(byName.scratch, 'local variables do not reach the process scope (as in Camunda)');
  t.same(await app.query('SELECT id FROM external_task WHERE id = $1', [task.id]), [], 'the external task row is gone');
  const history = await app.query<{ event_type: string; payload: Record<string, unknown> }>(`SELECT event_type, payload FROM history_event WHERE process_instance_id = $1 AND event_type LIKE 'externalTask.%'`, [instanceId]);
  t.match(history, [{ event_type: 'externalTask.completed', payload: { workerId: 'sms-worker-1', topic: 'sms' } }]);

  const gone = await engineError(taskService.complete(task));
  t.equal(gone.httpStatusCode, 404);
  t.equal(gone.type, 'NotFoundException');
  t.equal(gone.engineMsg, `External task with id ${task.id} does not exist`);
});

t.test('answers carry exactly application/json and the Camunda DTO fields', async (t) => {
  await app.start(definitionId, { priority: 1, contactPhone: '13900000000', orderNo: 'X' });
  const res = await app.post('/external-task/fetchAndLock', { workerId: 'w', maxTasks: 1, usePriority: true, topics: [{ topicName: 'sms', lockDuration: 1000, variables: ['to'] }] });
  t.equal(res.status, 200);
  t.equal(res.contentType, 'application/json');
  const [task] = res.body;
  t.same(Object.keys(task.variables), ['to'], 'variables cut to the names asked for');
  t.same(task.variables.to, { type: 'String', value: '13900000000', valueInfo: {} });
  t.same(task.extensionProperties, {}, 'extension properties only when asked for');
  t.match(task, { suspended: false, errorMessage: null, errorDetails: null, tenantId: null, processDefinitionVersionTag: null, activityInstanceId: String });

  const none = await app.post('/external-task/fetchAndLock', { workerId: 'w', maxTasks: 1, topics: [{ topicName: 'sms', lockDuration: 1000 }] });
  t.same(none.body, [], 'nothing left: answered at once without asyncResponseTimeout');
  const list = await app.get(`/external-task?topicName=sms&locked=true`);
  t.equal(list.status, 200);
  t.match(list.body, [{ id: task.id, workerId: 'w', topicName: 'sms' }]);
  t.same((await app.get('/external-task/count?workerId=w')).body, { count: 1 });
  t.match((await app.get(`/external-task/${task.id}`)).body, { id: task.id, priority: 1 });
  t.equal((await app.get('/external-task/nope')).status, 404);
});

t.test('filters: businessKey, processVariables (any one matches), priority order', async (t) => {
  const low = await app.start(definitionId, { priority: 1, contactPhone: '1', orderNo: 'a', region: 'puyang' }, 'BK-low');
  const high = await app.start(definitionId, { priority: 9, contactPhone: '2', orderNo: 'b', region: 'huojia' }, 'BK-high');
  const byKey = await app.post('/external-task/fetchAndLock', { workerId: 'f', maxTasks: 5, topics: [{ topicName: 'sms', lockDuration: 1000, businessKey: 'BK-low' }] });
  t.same(byKey.body.map((x: { processInstanceId: string }) => x.processInstanceId), [low]);
  await app.post(`/external-task/${byKey.body[0].id}/unlock`);

  const byVar = await app.post('/external-task/fetchAndLock', { workerId: 'f', maxTasks: 5, topics: [{ topicName: 'sms', lockDuration: 1000, processVariables: { region: 'huojia', nothing: 'x' } }] });
  t.same(byVar.body.map((x: { processInstanceId: string }) => x.processInstanceId), [high]);
  await app.post(`/external-task/${byVar.body[0].id}/unlock`);

  const ordered = await app.post('/external-task/fetchAndLock', { workerId: 'f', maxTasks: 5, usePriority: true, topics: [{ topicName: 'sms', lockDuration: 1000, processDefinitionKey: 'sms-notify' }] });
  t.same(ordered.body.map((x: { priority: number }) => x.priority), [9, 1], 'usePriority: highest first');
  for (const x of ordered.body) t.equal((await app.post(`/external-task/${x.id}/unlock`)).status, 204, 'unlock without a body');
});

t.test('two concurrent fetches never receive the same task', async (t) => {
  for (let i = 0; i < 6; i++) await app.start(definitionId, { priority: 0, contactPhone: `13${i}`, orderNo: `c${i}` }, `BK-c${i}`);
  const [fetchable] = await app.query<{ n: number }>(`SELECT count(*)::int AS n FROM external_task WHERE topic_name = 'sms' AND (lock_expiration_time IS NULL OR lock_expiration_time <= $1)`, [app.clock.now()]);
  const fetchOne = (workerId: string) =>
    app.post('/external-task/fetchAndLock', { workerId, maxTasks: 4, topics: [{ topicName: 'sms', lockDuration: 60_000, variables: [] }] });
  const answers = await Promise.all([fetchOne('a'), fetchOne('b'), fetchOne('c')]);
  const ids = answers.flatMap((a) => a.body.map((x: { id: string }) => x.id));
  t.equal(new Set(ids).size, ids.length, 'no task twice');
  t.equal(ids.length, fetchable!.n, 'and every fetchable task was handed to someone');
  for (const a of answers) for (const x of a.body) t.same(x.variables, {}, 'variables: [] returns none');
});
