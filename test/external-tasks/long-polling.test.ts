import t from 'tap';
import { setTimeout as sleep } from 'node:timers/promises';
import { handlerQueue, newClient, pollOnce, startExternalTaskApp } from './support.js';

// Long polling holds HTTP requests in real time; these tests wait a few hundred ms for answers,
// never for a deadline (leases and retry timeouts run on the test clock elsewhere).
const app = await startExternalTaskApp();
t.teardown(() => app.close());
const definitionId = await app.deploy('sms-notify.bpmn');
const held = () => app.services.externalTasks.heldRequests;

async function until(check: () => boolean, ms = 2_000): Promise<void> {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error('condition not reached');
    await sleep(10);
  }
}

t.test('a held poll of the real client is answered as soon as a task appears', async (t) => {
  const client = newClient(app, { workerId: 'long', asyncResponseTimeout: 20_000 });
  const q = handlerQueue();
  client.subscribe('sms', q.handler);
  const polled = pollOnce(client);
  await until(() => held() === 1);
  const startedAt = performance.now();
  const instanceId = await app.start(definitionId, { priority: 0, contactPhone: '13800000000', orderNo: 'P-1' }, 'P-1');
  const tasks = await polled;
  t.equal(tasks.length, 1);
  t.ok(performance.now() - startedAt < 2_000, 'woken by the commit, not by the 20 s timeout');
  const { task, taskService } = await q.next();
  t.equal(task.processInstanceId, instanceId);
  await taskService.complete(task);
  t.equal(held(), 0);
});

t.test('a held poll answers [] when asyncResponseTimeout elapses', async (t) => {
  const before = performance.now();
  const res = await app.post('/external-task/fetchAndLock', { workerId: 'w', maxTasks: 1, asyncResponseTimeout: 300, topics: [{ topicName: 'nothing-here', lockDuration: 1000 }] });
  t.equal(res.status, 200);
  t.same(res.body, []);
  t.ok(performance.now() - before >= 280, 'held for the timeout');
  t.equal(held(), 0);
});

t.test('unlocking a task wakes a poll held on its topic', async (t) => {
  await app.start(definitionId, { priority: 0, contactPhone: '1', orderNo: 'P-2' }, 'P-2');
  const first = await app.post('/external-task/fetchAndLock', { workerId: 'a', maxTasks: 1, topics: [{ topicName: 'sms', lockDuration: 60_000 }] });
  t.equal(first.body.length, 1);
  const waiting = app.post('/external-task/fetchAndLock', { workerId: 'b', maxTasks: 1, asyncResponseTimeout: 20_000, topics: [{ topicName: 'sms', lockDuration: 60_000 }] });
  await until(() => held() === 1);
  await app.post(`/external-task/${first.body[0].id}/unlock`);
  const second = await waiting;
  t.equal(second.body[0]?.id, first.body[0].id);
  t.equal(second.body[0]?.workerId, 'b');
  await app.post(`/external-task/${first.body[0].id}/complete`, { workerId: 'b' });
});

t.test('a client that hangs up while held gets nothing locked for it', async (t) => {
  const abort = new AbortController();
  const gone = fetch(`${app.baseUrl}/external-task/fetchAndLock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: app.admin.basic },
    body: JSON.stringify({ workerId: 'quitter', maxTasks: 1, asyncResponseTimeout: 20_000, topics: [{ topicName: 'sms', lockDuration: 60_000 }] }),
    signal: abort.signal,
  }).catch((err: Error) => err);
  await until(() => held() === 1);
  abort.abort();
  t.type(await gone, Error);
  await sleep(50);
  await app.start(definitionId, { priority: 0, contactPhone: '1', orderNo: 'P-3' }, 'P-3');
  await until(() => held() === 0);
  const [row] = await app.query<{ worker_id: string | null }>(`SELECT worker_id FROM external_task WHERE business_key = 'P-3'`);
  t.equal(row!.worker_id, null, 'the new task stays free for the next worker');
});

t.test('asyncResponseTimeout above 30 minutes is refused, naming the field', async (t) => {
  const res = await app.post('/external-task/fetchAndLock', { workerId: 'w', maxTasks: 1, asyncResponseTimeout: 1_800_001, topics: [{ topicName: 'sms', lockDuration: 1000 }] });
  t.equal(res.status, 400);
  t.match(res.body, { type: 'InvalidRequestException', message: 'The asynchronous response timeout cannot be set to a value greater than 1800000 milliseconds' });
});

t.test('closing the service answers held polls at once', async (t) => {
  const waiting = app.post('/external-task/fetchAndLock', { workerId: 'w', maxTasks: 1, asyncResponseTimeout: 60_000, topics: [{ topicName: 'never', lockDuration: 1000 }] });
  await until(() => held() === 1);
  const before = performance.now();
  app.services.externalTasks.close();
  t.same((await waiting).body, []);
  t.ok(performance.now() - before < 1_000);
});
