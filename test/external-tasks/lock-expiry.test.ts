import t from 'tap';
import { engineError, handlerQueue, newClient, pollOnce, startExternalTaskApp } from './support.js';

const app = await startExternalTaskApp();
t.teardown(() => app.close());
const definitionId = await app.deploy('sms-notify.bpmn');

t.test('a worker whose lock ran out on the clock cannot complete; another worker can take the task', async (t) => {
  const instanceId = await app.start(definitionId, { priority: 0, contactPhone: '13800000000', orderNo: 'L-1' }, 'L-1');
  const slow = newClient(app, { workerId: 'slow', lockDuration: 5_000 });
  const slowQ = handlerQueue();
  slow.subscribe('sms', slowQ.handler);
  await pollOnce(slow);
  const { task, taskService } = await slowQ.next();

  app.clock.advance(3_000);
  await taskService.extendLock(task, 5_000);
  app.clock.advance(3_000);
  t.equal((await pollOnce(newClientFor('early'))).length, 0, 'extended to now + 5 s: still held after the first 5 s');

  app.clock.advance(3_000);
  const extendLate = await engineError(taskService.extendLock(task, 5_000));
  t.equal(extendLate.httpStatusCode, 400);
  t.match(extendLate.engineMsg, /^Cannot extend a lock that expired/);

  const expired = await engineError(taskService.complete(task));
  t.equal(expired.httpStatusCode, 400, 'complete after expiry: 400');
  t.equal(expired.type, 'BadUserRequestException');
  t.match(expired.engineMsg, /cannot be completed by worker 'slow': its lock expired at/);
  t.equal((await app.query('SELECT 1 FROM task WHERE process_instance_id = $1', [instanceId])).length, 0, 'the process did not move');

  const fast = newClient(app, { workerId: 'fast' });
  const fastQ = handlerQueue();
  fast.subscribe('sms', fastQ.handler);
  await pollOnce(fast);
  const taken = await fastQ.next();
  t.equal(taken.task.id, task.id, 'the expired task went to the next worker');

  const stolen = await engineError(taskService.complete(task));
  t.equal(stolen.httpStatusCode, 400);
  t.equal(stolen.engineMsg, `External Task ${task.id} cannot be completed by worker 'slow'. It is locked by worker 'fast'.`);

  await taken.taskService.complete(taken.task);
  t.equal((await app.query('SELECT 1 FROM task WHERE process_instance_id = $1', [instanceId])).length, 1, 'the live lock completes');
});

t.test('lock, unlock and the worker check of lock', async (t) => {
  await app.start(definitionId, { priority: 0, contactPhone: '1', orderNo: 'L-2' }, 'L-2');
  const [row] = await app.query<{ id: string }>(`SELECT id FROM external_task WHERE business_key = 'L-2'`);
  const id = row!.id;
  t.equal((await app.post(`/external-task/${id}/lock`, { workerId: 'a', lockDuration: 1_000 })).status, 204);
  const taken = await app.post(`/external-task/${id}/lock`, { workerId: 'b', lockDuration: 1_000 });
  t.equal(taken.status, 400, 'someone else holds a live lock');
  const notMine = await app.post(`/external-task/${id}/complete`, { workerId: 'b' });
  t.equal(notMine.status, 400);
  t.equal((await app.post(`/external-task/${id}/unlock`)).status, 204, 'unlock needs no worker and no body');
  const notLocked = await app.post(`/external-task/${id}/complete`, { workerId: 'a' });
  t.equal(notLocked.status, 400);
  t.match(notLocked.body.message, /It is not locked/);
  t.equal((await app.post(`/external-task/${id}/lock`, { workerId: 'b', lockDuration: 1_000 })).status, 204);
  t.equal((await app.post(`/external-task/${id}/complete`, { workerId: 'b' })).status, 204);
  t.equal((await app.post(`/external-task/${id}/unlock`)).status, 404, 'gone after completion');
});

function newClientFor(workerId: string) {
  const c = newClient(app, { workerId });
  c.subscribe('sms', () => {
    throw new Error('nothing should be handed out');
  });
  return c;
}
