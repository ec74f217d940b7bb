import t from 'tap';
import { Variables } from 'camunda-external-task-client-js';
import { engineError, handlerQueue, newClient, pollOnce, startExternalTaskApp } from './support.js';

const app = await startExternalTaskApp();
t.teardown(() => app.close());
const definitionId = await app.deploy('sms-notify.bpmn');

async function userTasks(instanceId: string): Promise<string[]> {
  const rows = await app.query<{ task_definition_key: string }>('SELECT task_definition_key FROM task WHERE process_instance_id = $1 ORDER BY task_definition_key', [instanceId]);
  return rows.map((r) => r.task_definition_key);
}

t.test('a BPMN error from the real client is caught by the error boundary event', async (t) => {
  const instanceId = await app.start(definitionId, { priority: 0, contactPhone: '12345', orderNo: 'E-1' }, 'E-1');
  const client = newClient(app, { workerId: 'sms-worker' });
  const q = handlerQueue();
  client.subscribe('sms', q.handler);
  await pollOnce(client);
  const { task, taskService } = await q.next();
  t.equal(task.variables.get('to'), '12345');

  await taskService.handleBpmnError(task, 'SMS_INVALID_RECIPIENT', '号码不是手机号', new Variables().set('badNumber', '12345'));

  t.same(await userTasks(instanceId), ['CallUnit'], 'the boundary path: call the unit instead');
  const vars = await app.query<{ name: string; value: unknown }>('SELECT name, value FROM variable WHERE process_instance_id = $1 ORDER BY name', [instanceId]);
  const byName = Object.fromEntries(vars.map((v) => [v.name, v.value]));
  t.equal(byName.badNumber, '12345', 'variables sent with the error are set first');
  t.equal(byName.smsErrorCode, 'SMS_INVALID_RECIPIENT', 'camunda:errorCodeVariable');
  t.equal(byName.smsErrorMessage, '号码不是手机号', 'camunda:errorMessageVariable');
  t.same(await app.query('SELECT id FROM external_task WHERE id = $1', [task.id]), [], 'the external task is gone');
  const [event] = await app.query<{ payload: Record<string, unknown> }>(`SELECT payload FROM history_event WHERE process_instance_id = $1 AND event_type = 'externalTask.bpmnError'`, [instanceId]);
  t.match(event!.payload, { errorCode: 'SMS_INVALID_RECIPIENT', caughtBy: 'BadPhone', workerId: 'sms-worker' });

  const twice = await engineError(taskService.handleBpmnError(task, 'SMS_INVALID_RECIPIENT'));
  t.equal(twice.httpStatusCode, 404, 'the task is over');
});

t.test('an error code nothing catches ends the execution, as Camunda does by default', async (t) => {
  const instanceId = await app.start(definitionId, { priority: 0, contactPhone: '13800000000', orderNo: 'E-2' }, 'E-2');
  const fetched = await app.post('/external-task/fetchAndLock', { workerId: 'w', maxTasks: 1, topics: [{ topicName: 'sms', lockDuration: 10_000, businessKey: 'E-2' }] });
  const res = await app.post(`/external-task/${fetched.body[0].id}/bpmnError`, { workerId: 'w', errorCode: 'UNMODELLED' });
  t.equal(res.status, 204);
  t.same(await userTasks(instanceId), [], 'no path taken after the task');
  const [instance] = await app.query<{ state: string }>('SELECT state FROM process_instance WHERE id = $1', [instanceId]);
  t.equal(instance!.state, 'COMPLETED', 'its only token ended, so the instance did');
});

t.test('bpmnError checks the worker and the lock like complete does', async (t) => {
  await app.start(definitionId, { priority: 0, contactPhone: '1', orderNo: 'E-3' }, 'E-3');
  const fetched = await app.post('/external-task/fetchAndLock', { workerId: 'owner', maxTasks: 1, topics: [{ topicName: 'sms', lockDuration: 10_000, businessKey: 'E-3' }] });
  const id = fetched.body[0].id;
  const wrong = await app.post(`/external-task/${id}/bpmnError`, { workerId: 'other', errorCode: 'SMS_INVALID_RECIPIENT' });
  t.equal(wrong.status, 400);
  t.match(wrong.body, { type: 'BadUserRequestException', message: `BPMN error of External Task ${id} cannot be reported by worker 'other'. It is locked by worker 'owner'.` });
  const noCode = await app.post(`/external-task/${id}/bpmnError`, { workerId: 'owner' });
  t.equal(noCode.status, 400);
  t.match(noCode.body.message, /errorCode/);
  app.clock.advance(10_000);
  const late = await app.post(`/external-task/${id}/bpmnError`, { workerId: 'owner', errorCode: 'SMS_INVALID_RECIPIENT' });
  t.equal(late.status, 400);
  t.match(late.body.message, /lock expired/);
});
