import t from 'tap';
import { pino } from 'pino';
import { setTimeout as sleep } from 'node:timers/promises';
import { Variables, type Task, type TaskService } from 'camunda-external-task-client-js';
import {
  LogIntegration,
  LogSmsProvider,
  MemorySmsOutbox,
  PgSmsOutbox,
  StaticRecipientDirectory,
  cityPlatformTopic,
  fromPgPool,
  notifyTopic,
  smsTopic,
  transferTopic,
  startWorker,
  type SmsMessage,
  type SmsProvider,
} from '../../src/worker/index.js';
import { startExternalTaskApp } from './support.js';

const app = await startExternalTaskApp();
t.teardown(() => app.close());
const smsDefinition = await app.deploy('sms-notify.bpmn');
const cityDefinition = await app.deploy('external-city-platform.bpmn');
const logger = pino({ level: 'silent' });
// The worker writes its outbox through plain pg, as `npm run worker` does with DATABASE_URL.
const pool = (app.services.database.dataSource.driver as unknown as { master: Parameters<typeof fromPgPool>[0] }).master;
const outbox = new PgSmsOutbox(fromPgPool(pool), app.clock);

/** A gateway that is down for the first `failures` messages. */
class FlakyProvider implements SmsProvider {
  readonly name = 'flaky';
  readonly sent: SmsMessage[] = [];
  constructor(private failures: number) {}
  async send(m: SmsMessage) {
    if (this.failures-- > 0) throw new Error('网关超时');
    this.sent.push(m);
    return { messageId: `gw-${this.sent.length}` };
  }
}

/**
 * Waits for `n` client events (`complete:success`, …). The tests wait on the worker's own events
 * and read the database only while the worker is idle (its poll held, no handler running):
 * embedded PGlite must not see the test's queries and the worker's at the same moment (see
 * docs/external-tasks.md, "Embedded database").
 */
function events(client: import('camunda-external-task-client-js').Client, names: string[], n: number): Promise<string[]> {
  const seen: string[] = [];
  return new Promise((resolve) => {
    for (const name of names) {
      client.on(name, () => {
        seen.push(name);
        if (seen.length === n) resolve(seen);
      });
    }
  });
}

// Workers sign in as a service account with the worker role, over HTTP Basic (BasicAuthInterceptor).
await app.createUser({ username: 'sms-worker', roles: ['worker'], password: 'worker-password' });
const workerDefaults = { logger, asyncResponseTimeout: 20_000, interval: 20, maxParallelExecutions: 1, auth: { username: 'sms-worker', password: 'worker-password' } };

t.test('the worker sends SMS through the provider, records them in the outbox, and handles bad numbers', async (t) => {
  const direct = await app.start(smsDefinition, { priority: 3, contactPhone: '13800000000', orderNo: 'W-1' }, 'W-1');
  const viaUnit = await app.start(smsDefinition, { priority: 2, contactPhone: 'water', orderNo: 'W-2' }, 'W-2');
  const bad = await app.start(smsDefinition, { priority: 1, contactPhone: '12345', orderNo: 'W-3' }, 'W-3');

  const provider = new LogSmsProvider(logger);
  const worker = startWorker({
    ...workerDefaults, baseUrl: app.baseUrl, workerId: 'sms-worker',
    topics: [smsTopic({ provider, outbox, recipients: new StaticRecipientDirectory({ water: '13800000001' }), logger })],
  });
  const outcomes = await events(worker.client, ['complete:success', 'handleBpmnError:success', 'handleFailure:success', 'complete:error'], 3);
  await worker.stop();
  t.same(outcomes.sort(), ['complete:success', 'complete:success', 'handleBpmnError:success']);

  const tasks = await app.query<{ process_instance_id: string; task_definition_key: string }>('SELECT process_instance_id, task_definition_key FROM task');
  const next = Object.fromEntries(tasks.map((r) => [r.process_instance_id, r.task_definition_key]));
  t.same([next[direct], next[viaUnit], next[bad]], ['Handle', 'Handle', 'CallUnit'], 'sent → Handle; unit resolved → Handle; bad number → BPMN error → CallUnit');

  const rows = await app.query<{ business_key: string; recipient: string; body: string; status: string; provider: string; attempts: number }>(
    'SELECT business_key, recipient, body, status, provider, attempts FROM sms_outbox ORDER BY business_key');
  t.match(rows, [
    { business_key: 'W-1', recipient: '13800000000', body: '工单W-1已派至您单位，请及时办理。', status: 'sent', provider: 'log', attempts: 1 },
    { business_key: 'W-2', recipient: '13800000001', status: 'sent', provider: 'log' },
  ]);
  t.equal(rows.length, 2, 'nothing recorded for the bad number');
  t.equal(provider.sent.length, 2);
  const [err] = await app.query<{ value: string }>(`SELECT value FROM variable WHERE process_instance_id = $1 AND name = 'smsErrorMessage'`, [bad]);
  t.match(err!.value, /12345/);
});

t.test('a gateway outage is retried with backoff on the service clock', async (t) => {
  const instanceId = await app.start(smsDefinition, { priority: 0, contactPhone: '13900000000', orderNo: 'W-4' }, 'W-4');
  const provider = new FlakyProvider(1);
  const worker = startWorker({
    ...workerDefaults, baseUrl: app.baseUrl, workerId: 'sms-worker-2',
    topics: [smsTopic({ provider, outbox, recipients: new StaticRecipientDirectory({}), logger, retry: { retries: 3, firstTimeoutMs: 60_000 } })],
  });
  t.teardown(() => worker.stop());
  await events(worker.client, ['handleFailure:success'], 1);
  await until(() => app.services.externalTasks.heldRequests === 1);
  const [failed] = await app.query<{ retries: number; error_message: string; lock_expiration_time: Date }>(`SELECT retries, error_message, lock_expiration_time FROM external_task WHERE business_key = 'W-4'`);
  t.match(failed, { retries: 3, error_message: '网关超时' });
  t.equal(new Date(failed!.lock_expiration_time).getTime(), app.clock.now().getTime() + 60_000, 'first retry in 60 s');
  t.match((await app.query(`SELECT status, attempts FROM sms_outbox WHERE business_key = 'W-4'`))[0], { status: 'failed', attempts: 1 });

  const completed = events(worker.client, ['complete:success'], 1);
  app.clock.advance(60_000);
  app.services.externalTasks.wake(); // held polls re-check now instead of at the next sweep
  await completed;
  await worker.stop();
  const [next] = await app.query<{ task_definition_key: string }>('SELECT task_definition_key FROM task WHERE process_instance_id = $1', [instanceId]);
  t.equal(next!.task_definition_key, 'Handle');
  t.match((await app.query(`SELECT status, attempts, provider_message_id FROM sms_outbox WHERE business_key = 'W-4'`))[0], { status: 'sent', attempts: 2, provider_message_id: 'gw-1' });
});

async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error('condition not reached');
    await sleep(10);
  }
}

t.test('a task delivered again after its SMS went out is completed without sending twice', async (t) => {
  const provider = new LogSmsProvider(logger);
  const memory = new MemorySmsOutbox();
  const handler = smsTopic({ provider, outbox: memory, recipients: new StaticRecipientDirectory({}), logger });
  const completed: string[] = [];
  const taskService = { complete: async (task: Task) => void completed.push(task.id) } as unknown as TaskService;
  const task = {
    id: 'et-1', topicName: 'sms', businessKey: 'W-5', processInstanceId: 'pi', activityId: 'SendSms', retries: null,
    extensionProperties: { template: 'DUE_REMINDER' },
    variables: new Variables().setAll({ to: '13800000000', dueAt: '11月26日18时' }),
  } as unknown as Task;
  await handler.handle({ task, taskService });
  await handler.handle({ task, taskService });
  t.equal(provider.sent.length, 1, 'sent once');
  t.equal(provider.sent[0]!.text, '【12345】工单W-5将于11月26日18时到期，请抓紧办理。', 'template filled, orderNo from the business key');
  t.same(completed, ['et-1', 'et-1'], 'completed both times');
  t.equal(memory.entries.get('et-1')!.attempts, 2);
});

t.test('city-platform reports the result; a redo demanded by the city routes the order back', async (t) => {
  const closed = await app.start(cityDefinition, { unit: 'power', reply: '已修复路灯', cityOrderNo: 'XX-CITY-87' }, 'HJ-1');
  const platform = new LogIntegration(logger);
  let worker = startWorker({ ...workerDefaults, baseUrl: app.baseUrl, workerId: 'city-worker', topics: [cityPlatformTopic({ platform })] });
  await events(worker.client, ['complete:success'], 1);
  await worker.stop();
  t.match(platform.sent, [{ topic: 'city-platform', action: 'report-result', orderNo: 'HJ-1', payload: { cityOrderNo: 'XX-CITY-87', unit: 'power', reply: '已修复路灯' } }]);
  const [instance] = await app.query<{ state: string }>('SELECT state FROM process_instance WHERE id = $1', [closed]);
  t.equal(instance!.state, 'COMPLETED', 'no redo: closed');

  const redo = await app.start(cityDefinition, { unit: 'power', reply: '已答复', cityOrderNo: 'XX-CITY-88' }, 'HJ-2');
  const demanding = new LogIntegration(logger, { redo: true });
  worker = startWorker({ ...workerDefaults, baseUrl: app.baseUrl, workerId: 'city-worker', topics: [cityPlatformTopic({ platform: demanding })] });
  await events(worker.client, ['complete:success'], 1);
  await worker.stop();
  const [next] = await app.query<{ task_definition_key: string }>('SELECT task_definition_key FROM task WHERE process_instance_id = $1', [redo]);
  t.equal(next!.task_definition_key, 'Redo', 'cityRedo = true took the redo path');
});

/** A TaskService stand-in for handler-level checks: records how each task ended. */
function recordingTaskService() {
  const ended: Array<{ how: string; id: string; args: unknown[] }> = [];
  const taskService = {
    complete: async (task: Task, ...args: unknown[]) => void ended.push({ how: 'complete', id: task.id, args }),
    handleBpmnError: async (task: Task, ...args: unknown[]) => void ended.push({ how: 'bpmnError', id: task.id, args }),
    handleFailure: async (task: Task, ...args: unknown[]) => void ended.push({ how: 'failure', id: task.id, args }),
  } as unknown as TaskService;
  return { taskService, ended };
}

function fakeTask(id: string, topicName: string, variables: Record<string, unknown>, extensionProperties: Record<string, string> = {}): Task {
  return { id, topicName, businessKey: 'BK-1', processInstanceId: 'pi', activityId: 'Act', retries: null, extensionProperties, variables: new Variables().setAll(variables) } as unknown as Task;
}

t.test('sms as the schemes model it: recipientUnit + recipientRole through the contact directory', async (t) => {
  const provider = new LogSmsProvider(logger);
  const handler = smsTopic({
    provider, outbox: new MemorySmsOutbox(), logger,
    recipients: new StaticRecipientDirectory({ water: { 'unit-head': '13900000009', default: '13800000008' }, power: '0393-1234567' }),
  });
  const { taskService, ended } = recordingTaskService();
  const text = '【濮阳县12345】工单PY-1已转办贵单位，请于11月30日前办结。';
  await handler.handle({ task: fakeTask('a', 'sms', { recipientUnit: 'water', recipientRole: 'unit-head', text }, { template: 'PY_DISPATCH' }), taskService });
  await handler.handle({ task: fakeTask('b', 'sms', { recipientUnit: 'water', recipientRole: 'emergency-contact', text }), taskService });
  await handler.handle({ task: fakeTask('c', 'sms', { recipientUnit: 'power', recipientRole: 'unit-contact', text }), taskService });
  await handler.handle({ task: fakeTask('d', 'sms', { recipientUnit: 'roads', recipientRole: 'unit-head', text }), taskService });
  await handler.handle({ task: fakeTask('e', 'sms', { to: '13800000000' }, { template: 'NO_SUCH_TEMPLATE' }), taskService });
  t.same(provider.sent.map((m) => m.to), ['13900000009', '13800000008', '0393-1234567'], 'role-specific, default, one number for all roles');
  t.equal(provider.sent[0]!.text, text, 'the text input wins over the template');
  t.same(ended.map((e) => `${e.id}:${e.how}`), ['a:complete', 'b:complete', 'c:complete', 'd:bpmnError', 'e:failure']);
  t.equal(ended[3]!.args[0], 'SMS_INVALID_RECIPIENT', 'unknown unit → BPMN error');
  t.match(ended[4]!.args[0], { retries: 0, errorMessage: "unknown SMS template 'NO_SUCH_TEMPLATE'" }, 'no text, unknown template → incident');
});

t.test('notify and transfer hand the order to outside systems', async (t) => {
  const delivery = new LogIntegration(logger);
  const channel = new LogIntegration(logger);
  const { taskService, ended } = recordingTaskService();
  await notifyTopic({ delivery }).handle({ task: fakeTask('n', 'notify', { leadUnit: 'water', coUnits: ['power'], dueAt: '2026-11-30', secret: 'x' }, { template: 'PDS_WORK_ORDER' }), taskService });
  await transferTopic({ channel }).handle({ task: fakeTask('x', 'transfer', { target: '县信访局' }, { template: 'XT_TRANSFER' }), taskService });
  t.match(delivery.sent, [{ topic: 'notify', action: 'PDS_WORK_ORDER', reference: 'n', payload: { leadUnit: 'water', coUnits: ['power'], dueAt: '2026-11-30' } }]);
  t.notOk('secret' in delivery.sent[0]!.payload, 'only the listed fields leave');
  t.match(channel.sent, [{ topic: 'transfer', action: 'XT_TRANSFER', payload: { target: '县信访局' } }]);
  t.same(ended.map((e) => `${e.id}:${e.how}`), ['n:complete', 'x:complete']);
  t.same((ended[1]!.args[0] as Variables).getAll(), { transferReceipt: 'log-x' });
});
