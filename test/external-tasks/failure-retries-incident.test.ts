import t from 'tap';
import { engineError, handlerQueue, newClient, pollOnce, startExternalTaskApp } from './support.js';

const app = await startExternalTaskApp();
t.teardown(() => app.close());
const definitionId = await app.deploy('sms-notify.bpmn');

t.test('failure with retries and retryTimeout, an incident at 0 retries, resolved by setting retries', async (t) => {
  const instanceId = await app.start(definitionId, { priority: 0, contactPhone: '13800000000', orderNo: 'F-1' }, 'F-1');
  const client = newClient(app, { workerId: 'flaky' });
  const q = handlerQueue();
  client.subscribe('sms', q.handler);

  // 1st delivery: the SMS gateway is down, try twice more, in a minute.
  await pollOnce(client);
  let { task, taskService } = await q.next();
  t.equal(task.retries, null, 'no failure reported yet');
  await taskService.handleFailure(task, { errorMessage: '短信网关不可达', errorDetails: 'ECONNREFUSED 10.0.0.5:7890', retries: 2, retryTimeout: 60_000 });
  const [row] = await app.query<{ retries: number; error_message: string; lock_expiration_time: Date }>('SELECT retries, error_message, lock_expiration_time FROM external_task WHERE id = $1', [task.id]);
  t.match(row, { retries: 2, error_message: '短信网关不可达' });
  t.equal(new Date(row!.lock_expiration_time).getTime(), app.clock.now().getTime() + 60_000, 'parked until now + retryTimeout');
  t.equal((await pollOnce(client)).length, 0, 'not fetchable during the retry timeout');

  app.clock.advance(60_000);
  await pollOnce(client);
  ({ task, taskService } = await q.next());
  t.equal(task.retries, 2, 'fetched again after the timeout, with the retries left');
  t.equal(task.errorMessage, '短信网关不可达');
  t.equal(task.errorDetails, 'ECONNREFUSED 10.0.0.5:7890');
  const details = await app.get(`/external-task/${task.id}/errorDetails`);
  t.equal(details.body, 'ECONNREFUSED 10.0.0.5:7890');

  // Last attempt fails too: retries 0 → incident, no longer fetchable.
  await taskService.handleFailure(task, { errorMessage: '短信网关持续不可达', retries: 0, retryTimeout: 0 });
  t.equal((await pollOnce(client)).length, 0, 'no retries left: not fetchable');
  const incidents = await app.get(`/incident?processInstanceId=${instanceId}`);
  t.equal(incidents.status, 200);
  t.equal(incidents.contentType, 'application/json');
  t.match(incidents.body, [{
    incidentType: 'failedExternalTask',
    configuration: task.id,
    activityId: 'SendSms',
    processInstanceId: instanceId,
    processDefinitionId: definitionId,
    incidentMessage: '短信网关持续不可达',
    incidentTimestamp: '2026-11-23T09:01:00.000+0800',
  }]);
  t.same((await app.get('/incident/count?incidentType=failedExternalTask')).body, { count: 1 });
  t.same((await app.get('/external-task/count?noRetriesLeft=true')).body, { count: 1 });
  const history = await app.query<{ event_type: string }>(`SELECT event_type FROM history_event WHERE process_instance_id = $1 AND (event_type LIKE 'incident.%' OR event_type LIKE 'externalTask.%') ORDER BY id`, [instanceId]);
  t.same(history.map((h) => h.event_type), ['externalTask.failed', 'externalTask.failed', 'incident.created']);

  // An operator fixes the gateway and gives the task one more try.
  t.equal((await app.put(`/external-task/${task.id}/retries`, { retries: 1 })).status, 204);
  t.same((await app.get(`/incident?processInstanceId=${instanceId}`)).body, [], 'incident resolved');
  const [incident] = await app.query<{ resolved_at: Date | null }>('SELECT resolved_at FROM incident WHERE configuration = $1', [task.id]);
  t.ok(incident!.resolved_at, 'kept as resolved, with the time');
  await pollOnce(client);
  ({ task, taskService } = await q.next());
  t.equal(task.retries, 1);
  await taskService.complete(task);
  const [instance] = await app.query<{ n: number }>(`SELECT count(*)::int AS n FROM task WHERE process_instance_id = $1 AND task_definition_key = 'Handle'`, [instanceId]);
  t.equal(instance!.n, 1, 'the process went on');
});

t.test('failure without retries raises the incident at once (Camunda: omitted retries mean 0)', async (t) => {
  const instanceId = await app.start(definitionId, { priority: 0, contactPhone: '1', orderNo: 'F-2' }, 'F-2');
  const fetched = await app.post('/external-task/fetchAndLock', { workerId: 'w', maxTasks: 1, topics: [{ topicName: 'sms', lockDuration: 10_000, businessKey: 'F-2' }] });
  const id = fetched.body[0].id;
  t.equal((await app.post(`/external-task/${id}/failure`, { workerId: 'w', errorMessage: 'boom' })).status, 204);
  t.same((await app.get(`/incident/count?processInstanceId=${instanceId}`)).body, { count: 1 });

  // A failure with variables writes them to the process.
  await app.put(`/external-task/${id}/retries`, { retries: 3 });
  const again = await app.post('/external-task/fetchAndLock', { workerId: 'w', maxTasks: 1, topics: [{ topicName: 'sms', lockDuration: 10_000, businessKey: 'F-2' }] });
  t.equal(again.body[0].id, id);
  const withVars = await app.post(`/external-task/${id}/failure`, { workerId: 'w', retries: 2, retryTimeout: 0, errorMessage: 'again', variables: { smsAttempts: { value: 2, type: 'Integer' } } });
  t.equal(withVars.status, 204);
  const [v] = await app.query<{ value: number }>(`SELECT value FROM variable WHERE process_instance_id = $1 AND name = 'smsAttempts'`, [instanceId]);
  t.equal(v!.value, 2);

  // Ending the instance (deleted by an operator) ends its incident too.
  const third = await app.post('/external-task/fetchAndLock', { workerId: 'w', maxTasks: 1, topics: [{ topicName: 'sms', lockDuration: 10_000, businessKey: 'F-2' }] });
  await app.post(`/external-task/${third.body[0].id}/failure`, { workerId: 'w', retries: 0, errorMessage: 'give up' });
  t.same((await app.get(`/incident/count?processInstanceId=${instanceId}`)).body, { count: 1 });
  const deleted = await fetch(`${app.baseUrl}/process-instance/${instanceId}`, { method: 'DELETE', headers: { authorization: app.admin.basic } });
  t.equal(deleted.status, 204);
  t.same((await app.get(`/incident/count?processInstanceId=${instanceId}`)).body, { count: 0 }, 'an incident of a task that is gone is not open');
  const [incident] = await app.query<{ resolved_at: Date | null }>('SELECT resolved_at FROM incident WHERE process_instance_id = $1 AND resolved_at IS NOT NULL ORDER BY created_at DESC LIMIT 1', [instanceId]);
  t.ok(incident, 'it was resolved when the instance ended');
});

t.test('failure by another worker, or for an unknown task, is refused', async (t) => {
  await app.start(definitionId, { priority: 0, contactPhone: '1', orderNo: 'F-3' }, 'F-3');
  const fetched = await app.post('/external-task/fetchAndLock', { workerId: 'owner', maxTasks: 1, topics: [{ topicName: 'sms', lockDuration: 10_000, businessKey: 'F-3' }] });
  const id = fetched.body[0].id;
  const other = newClient(app, { workerId: 'intruder' });
  const refused = await engineError(other.taskService.handleFailure(id, { errorMessage: 'x', retries: 1, retryTimeout: 0 }));
  t.equal(refused.httpStatusCode, 400);
  t.equal(refused.type, 'BadUserRequestException');
  t.equal(refused.engineMsg, `Failure of External Task ${id} cannot be reported by worker 'intruder'. It is locked by worker 'owner'.`);
  const unknown = await app.post('/external-task/nope/failure', { workerId: 'owner', retries: 1 });
  t.equal(unknown.status, 404);
  t.match(unknown.body, { type: 'NotFoundException', message: 'External task with id nope does not exist' });
  t.equal((await app.put('/external-task/nope/retries', { retries: 1 })).status, 404);
});
