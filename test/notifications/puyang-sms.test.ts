import t from 'tap';
import { pino } from 'pino';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from 'camunda-external-task-client-js';
import { PgRequesterDirectory, PgSmsOutbox, StaticRecipientDirectory, fromPgPool, smsTopic, startWorker, type SmsMessage, type SmsProvider } from '../../src/worker/index.js';
import { startExternalTaskApp } from '../external-tasks/support.js';
import { activeRegion, complete, diagram, form, post } from '../work-orders/support.js';

// 濮阳 (processes/puyang.bpmn) through the work-order API up to its SMS steps — the dispatch
// notice to the unit's emergency contact and the extension decision to the requester — then the
// real worker (camunda-external-task-client-js against the listening service) sends them through
// a gateway that fails once. Clock: Monday 2026-11-23 09:00 +08:00, moved, never waited for.
const app = await startExternalTaskApp();
t.teardown(() => app.close());
await activeRegion(app, 'puyang', '濮阳县', diagram('scheme', 'puyang.bpmn'), 'puyang.bpmn');
const logger = pino({ level: 'silent' });
// The worker reaches the database through plain pg, as `npm run worker` does with DATABASE_URL.
const pool = (app.services.database.dataSource.driver as unknown as { master: Parameters<typeof fromPgPool>[0] }).master;
const REQUESTER_PHONE = '138 1234 5678';
const CONTACT = '13900000001';

/** A gateway that is down for the first message to each number in `failOnce`, or for every message. */
class FlakyGateway implements SmsProvider {
  readonly name = 'flaky';
  readonly sent: SmsMessage[] = [];
  readonly tried: string[] = [];
  constructor(private readonly failOnce: Set<string> | 'always') {}
  async send(m: SmsMessage) {
    this.tried.push(m.to);
    if (this.failOnce === 'always' || this.failOnce.delete(m.to)) throw new Error('网关超时');
    this.sent.push(m);
    return { messageId: `gw-${this.sent.length}` };
  }
}

/**
 * The real worker, serving only `orderNo`'s tasks: a stopped client's long poll stays held by the
 * service until it times out and would otherwise take the next test's tasks.
 */
function worker(orderNo: string, gateway: SmsProvider, retries: number, requesters = true) {
  const sms = smsTopic({
    provider: gateway,
    outbox: new PgSmsOutbox(fromPgPool(pool), app.clock),
    recipients: new StaticRecipientDirectory({ 'water-bureau': { 'emergency-contact': CONTACT, 'unit-head': '13900000002' } }),
    requesters: requesters ? new PgRequesterDirectory(fromPgPool(pool)) : undefined,
    logger,
    retry: { retries, firstTimeoutMs: 60_000 },
  });
  return startWorker({
    logger, baseUrl: app.baseUrl, workerId: `sms-${orderNo}`, asyncResponseTimeout: 20_000, interval: 20, maxParallelExecutions: 1,
    auth: { username: app.admin.username, password: app.admin.password },
    topics: [{ ...sms, options: { ...sms.options, businessKey: orderNo } }],
  });
}

/** Resolves after `n` of the client's task events (complete:success, handleFailure:success, …). */
function events(client: Client, names: string[], n: number): Promise<string[]> {
  const seen: string[] = [];
  return new Promise((resolve) => {
    for (const name of names) client.on(name, () => seen.push(name) === n && resolve(seen));
  });
}

/** The worker is idle (its long poll held by the service): safe to read embedded PGlite now. */
async function idle(): Promise<void> {
  for (let i = 0; app.services.externalTasks.heldRequests < 1; i++) {
    if (i > 500) throw new Error('the worker never went back to polling');
    await sleep(10);
  }
}

async function dispatchedOrder(): Promise<{ id: string; number: string; processInstanceId: string }> {
  const res = await post(app, form({ region: 'puyang', phone: REQUESTER_PHONE, responsibleUnits: undefined }));
  if (res.statusCode !== 201) throw new Error(res.body);
  const o = res.json() as { id: string; number: string; processInstanceId: string };
  await complete(app, o.processInstanceId, 'Dispatch', { urgency: 'general', emergency: false, multiUnit: false, unit: 'water-bureau' });
  return o;
}

/** The view's items by their step (messages recorded in the same instant come in the worker's order). */
function byStep(items: Array<{ activityId: string }>): Record<string, unknown> {
  return Object.fromEntries(items.map((n) => [n.activityId, n]));
}

async function notifications(ref: string): Promise<{ status: number; body: any }> {
  const res = await app.app.inject({ method: 'GET', url: `/api/work-orders/${ref}/notifications` });
  return { status: res.statusCode, body: res.json() };
}

t.test('dispatch notice and extension decision: outbox rows, a failed send retried with backoff, the per-order view', async (t) => {
  const o = await dispatchedOrder();
  app.clock.advance(3_600_000);
  await complete(app, o.processInstanceId, 'Handle', { outcome: 'extensionRequested', reply: '需协调施工单位' });
  await complete(app, o.processInstanceId, 'ApproveExt', { extensionWorkingDays: 2 });

  const before = await notifications(o.number);
  t.equal(before.status, 200);
  t.match(before.body, {
    workOrder: o.number,
    items: [
      { state: 'queued', activityId: 'SmsDispatch', activityName: '短信提醒承办单位应急联络人', template: 'PY_DISPATCH', recipient: null, attempts: 0 },
      { state: 'queued', activityId: 'SmsExtensionOutcome', template: null, createdAt: '2026-11-23T10:00:00.000+08:00' },
    ],
  }, 'both SMS steps are visible before any worker ran');

  const gateway = new FlakyGateway(new Set(['13812345678']));
  const w = worker(o.number, gateway, 3);
  t.teardown(() => w.stop());
  const firstRound = events(w.client, ['complete:success', 'handleFailure:success', 'handleBpmnError:success'], 2);
  t.same((await firstRound).sort(), ['complete:success', 'handleFailure:success']);
  await idle();

  const retrying = byStep((await notifications(o.id)).body.items);
  t.match(retrying, {
    SmsDispatch: { state: 'sent', activityId: 'SmsDispatch', recipient: CONTACT, recipientUnit: 'water-bureau', recipientRole: 'emergency-contact', template: 'PY_DISPATCH',
      text: `【濮阳县12345】工单${o.number}已转办贵单位，请于2026-11-30T18:00:00.000+08:00前办结。`, provider: 'flaky', attempts: 1, sentAt: '2026-11-23T10:00:00.000+08:00' },
    SmsExtensionOutcome: { state: 'retrying', activityId: 'SmsExtensionOutcome', recipient: '13812345678', recipientUnit: null, recipientRole: 'requester', template: 'EXTENSION_APPROVED',
      text: `【12345】您反映的诉求（工单${o.number}）办理时间较长，已批准延期，将于12月2日18:00前办结答复。`,
      attempts: 1, retriesLeft: 3, lastError: '网关超时', nextAttemptAt: '2026-11-23T10:01:00.000+08:00', sentAt: null, incidentAt: null },
  }, 'the requester number comes from the order (separators dropped); the failure waits 60 s on the service clock');

  const secondRound = events(w.client, ['complete:success', 'handleFailure:success'], 1);
  app.clock.advance(60_000);
  app.services.externalTasks.wake(); // held polls re-check now instead of at the next sweep
  t.same(await secondRound, ['complete:success']);
  await w.stop();

  const done = byStep((await notifications(o.number)).body.items);
  t.match(done, { SmsDispatch: { state: 'sent', attempts: 1 }, SmsExtensionOutcome: { state: 'sent', attempts: 2, retriesLeft: null, sentAt: '2026-11-23T10:01:00.000+08:00' } });
  t.same([...gateway.tried].sort(), ['13812345678', '13812345678', CONTACT], 'one message each, the failed one sent again once');
  const rows = await app.query<Record<string, unknown>>(`SELECT business_key, template, recipient_role, status FROM sms_outbox WHERE process_instance_id = $1 ORDER BY activity_id`, [o.processInstanceId]);
  t.same(rows, [
    { business_key: o.number, template: 'PY_DISPATCH', recipient_role: 'emergency-contact', status: 'sent' },
    { business_key: o.number, template: 'EXTENSION_APPROVED', recipient_role: 'requester', status: 'sent' },
  ], 'each outbox row carries the order number and the template');
  const vars = await app.query<{ name: string }>(`SELECT name FROM variable WHERE process_instance_id = $1`, [o.processInstanceId]);
  t.notOk(vars.some((v) => /phone/i.test(v.name)), 'the requester phone never became a process variable');
});

t.test('a gateway that stays down: retries run out, an incident is raised and shown on the order', async (t) => {
  const o = await dispatchedOrder();
  const gateway = new FlakyGateway('always');
  const w = worker(o.number, gateway, 1);
  t.teardown(() => w.stop());
  await events(w.client, ['handleFailure:success'], 1);
  await idle();
  t.match((await notifications(o.number)).body.items, [{ state: 'retrying', retriesLeft: 1, nextAttemptAt: '2026-11-23T10:02:00.000+08:00' }]);

  const last = events(w.client, ['handleFailure:success'], 1);
  app.clock.advance(60_000);
  app.services.externalTasks.wake();
  await last;
  await idle();
  await w.stop();
  const [sms] = (await notifications(o.number)).body.items;
  t.match(sms, { state: 'incident', activityId: 'SmsDispatch', attempts: 2, retriesLeft: 0, lastError: '网关超时', incidentAt: '2026-11-23T10:02:00.000+08:00', nextAttemptAt: null });
  const incidents = await app.get(`/incident?processInstanceId=${o.processInstanceId}`);
  t.match(incidents.body, [{ incidentType: 'failedExternalTask', configuration: sms.externalTaskId, incidentMessage: '网关超时' }]);
});

t.test('unknown order → 404; a requester step without the work-order database → incident, not a guess', async (t) => {
  t.equal((await notifications('puyang-20991231-0001')).status, 404);
  const o = await dispatchedOrder();
  await complete(app, o.processInstanceId, 'Handle', { outcome: 'extensionRequested', reply: '理由' });
  await complete(app, o.processInstanceId, 'ApproveExt', { extensionWorkingDays: 0 });
  const w = worker(o.number, new FlakyGateway(new Set()), 3, false);
  t.teardown(() => w.stop());
  await events(w.client, ['complete:success', 'handleFailure:success'], 2);
  await idle();
  await w.stop();
  const items = (await notifications(o.number)).body.items;
  t.match(byStep(items), {
    SmsDispatch: { state: 'sent' },
    SmsExtensionOutcome: { state: 'incident', id: null, recipient: null, template: null, lastError: /DATABASE_URL/ },
  });
});
