import t from 'tap';
import { startTestApp } from '../support/harness.js';
import { form } from '../work-orders/support.js';
import { call, cast, orderFor, type Headers } from './support.js';

// What each role may do: the matrix of docs/auth.md, checked route by route.
const ctx = await startTestApp();
t.teardown(() => ctx.close());
const who = await cast(ctx);
const admin = { authorization: ctx.admin.bearer };

/** A unit task whose form carries the head's signature, as 获嘉's return and extension forms do. */
const SIGN_XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs_sign" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="sign" name="退件" isExecutable="true" camunda:historyTimeToLive="180">
    <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Apply" />
    <bpmn:userTask id="Apply" name="申请退件" camunda:candidateGroups="\${unit}">
      <bpmn:extensionElements><camunda:formData>
        <camunda:formField id="returnReason" label="退件理由" type="string" />
        <camunda:formField id="unitHeadSignature" label="单位主要领导签批" type="string" />
      </camunda:formData></bpmn:extensionElements>
      <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="F2" sourceRef="Apply" targetRef="End" />
    <bpmn:endEvent id="End"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>`;
const signDeployment = await ctx.services.deployments.deploy({ name: 'sign', source: 'test', tenantId: 'puyang', enableDuplicateFiltering: false, deployChangedOnly: false, resources: [{ name: 'sign.bpmn', content: Buffer.from(SIGN_XML) }] });
const signDefinition = signDeployment.definitions![0]!.id;

async function signTask(): Promise<string> {
  const started = await call(ctx, admin, 'POST', `/engine-rest/process-definition/${signDefinition}/start`, { variables: { unit: { value: 'water', type: 'String' } } });
  const [task] = (await ctx.services.database.dataSource.query(`SELECT id FROM task WHERE process_instance_id = $1`, [started.body.id])) as Array<{ id: string }>;
  return task!.id;
}
const status = async (h: Headers, method: string, url: string, payload?: unknown) => (await call(ctx, h, method, url, payload)).status;

t.test('auditor: reads everything, changes nothing (403 on every write)', async (t) => {
  const h = who.auditor.headers;
  const order = await orderFor(ctx, 'water');
  t.equal(await status(h, 'GET', '/engine-rest/task'), 200);
  t.equal(await status(h, 'POST', '/engine-rest/task/count', {}), 200, 'Camunda POST queries are reads');
  t.equal(await status(h, 'POST', '/engine-rest/history/process-instance', {}), 200);
  t.equal(await status(h, 'GET', `/engine-rest/task/${order.taskId}`), 200);
  t.equal(await status(h, 'GET', `/api/work-orders/${order.id}`), 200);
  t.equal(await status(h, 'GET', '/api/units'), 200);
  const writes: Array<[string, string, unknown?]> = [
    ['POST', `/engine-rest/task/${order.taskId}/claim`, { userId: 'auditor-1' }],
    ['POST', `/engine-rest/task/${order.taskId}/complete`, {}],
    ['POST', '/engine-rest/deployment/create'],
    ['POST', `/engine-rest/process-definition/${signDefinition}/start`, {}],
    ['DELETE', `/engine-rest/process-instance/${order.processInstanceId}`],
    ['POST', '/engine-rest/message', { messageName: 'x' }],
    ['POST', '/engine-rest/external-task/fetchAndLock', { workerId: 'a', maxTasks: 1, topics: [] }],
    ['POST', '/api/work-orders', form()],
    ['POST', '/api/regions/puyang/rollback', {}],
    ['PUT', '/api/calendar/regions/puyang/days/2026-12-01', { kind: 'holiday' }],
    ['POST', '/api/units', { id: 'x', name: 'x' }],
  ];
  for (const [method, url, payload] of writes) {
    const res = await call(ctx, h, method, url, payload);
    t.equal(res.status, 403, `${method} ${url}`);
    t.match(res.body, { type: 'AuthorizationException', message: /auditor-1/ });
  }
  const [task] = (await ctx.services.database.dataSource.query(`SELECT assignee FROM task WHERE id = $1`, [order.taskId])) as Array<{ assignee: string | null }>;
  t.equal(task!.assignee, null, 'nothing changed');
});

t.test('handler: works its unit\'s tasks; no intake, start, deploy or administration', async (t) => {
  const h = who.waterHandler.headers;
  t.equal(await status(h, 'POST', '/api/work-orders', form()), 403);
  t.equal(await status(h, 'POST', `/engine-rest/process-definition/${signDefinition}/start`, {}), 403);
  t.equal(await status(h, 'POST', '/engine-rest/deployment/create'), 403);
  t.equal(await status(h, 'GET', '/api/users'), 403);
  t.equal(await status(h, 'POST', '/api/users', {}), 403);
  t.equal(await status(h, 'POST', '/api/regions/puyang/rollback', {}), 403);
  t.equal(await status(h, 'POST', '/engine-rest/external-task/fetchAndLock', { workerId: 'a', maxTasks: 1, topics: [] }), 403);
  const order = await orderFor(ctx, 'water');
  t.equal(await status(h, 'POST', `/engine-rest/task/${order.taskId}/claim`, { userId: 'water-1' }), 204);
  t.equal(await status(h, 'POST', `/engine-rest/task/${order.taskId}/unclaim`, {}), 204, 'gives its own claim back');
  t.equal(await status(who.waterHead.headers, 'POST', `/engine-rest/task/${order.taskId}/assignee`, { userId: 'water-1' }), 204, 'the head assigns within the unit');
  t.equal(await status(h, 'POST', `/engine-rest/task/${order.taskId}/assignee`, { userId: 'water-head' }), 403, 'a handler does not hand tasks to others');
});

t.test('unit head: only a unit head signs (unitHeadSignature); a handler\'s signed completion is 403', async (t) => {
  const unsigned = await signTask();
  const signed = { variables: { returnReason: { value: '不属本单位职责', type: 'String' }, unitHeadSignature: { value: '王局长', type: 'String' } } };
  const refused = await call(ctx, who.waterHandler.headers, 'POST', `/engine-rest/task/${unsigned}/complete`, signed);
  t.equal(refused.status, 403);
  t.match(refused.body, { type: 'AuthorizationException', message: /unitHeadSignature/ });
  t.equal((await ctx.services.database.dataSource.query(`SELECT 1 FROM task WHERE id = $1`, [unsigned])).length, 1, 'the task is still open');
  t.equal(await status(who.housingHandler.headers, 'POST', `/engine-rest/task/${unsigned}/complete`, signed), 404, "another unit's head-signed completion is 404 first");
  t.equal(await status(who.waterHead.headers, 'POST', `/engine-rest/task/${unsigned}/complete`, signed), 204, 'the head signs');
  const plain = await signTask();
  t.equal(await status(who.waterHandler.headers, 'POST', `/engine-rest/task/${plain}/complete`, { variables: { returnReason: { value: 'x', type: 'String' }, unitHeadSignature: { value: '', type: 'String' } } }), 204, 'without a signature a handler completes');
});

t.test('dispatcher: registers and starts in its region, assigns; no deploy or administration', async (t) => {
  const h = who.dispatcher.headers;
  const res = await call(ctx, h, 'POST', '/api/work-orders', form({ responsibleUnits: ['housing'] }));
  t.equal(res.status, 201);
  t.equal(res.body.createdBy, 'dispatcher-1', 'the order records who registered it');
  t.equal(res.body.phone, '13812345678', 'dispatchers see the requester');
  t.equal(await status(h, 'POST', `/engine-rest/process-definition/${signDefinition}/start`, { variables: { unit: { value: 'water', type: 'String' } } }), 200);
  t.equal(await status(h, 'POST', '/engine-rest/deployment/create'), 403);
  t.equal(await status(h, 'GET', '/api/users'), 403);
  t.equal(await status(h, 'PATCH', '/api/units/water', { name: 'x' }), 403);
  const [task] = (await ctx.services.database.dataSource.query(`SELECT id FROM task WHERE process_instance_id = $1`, [res.body.processInstanceId])) as Array<{ id: string }>;
  t.equal(await status(h, 'POST', `/engine-rest/task/${task!.id}/assignee`, { userId: 'housing-1' }), 204, 'dispatchers assign');
});

t.test('masking follows the role: handlers see the requester except for 举报; auditors and supervisors never', async (t) => {
  const complaint = await orderFor(ctx, 'water', { category: 'complaint', phone: '13812345678', requesterName: '张三' });
  const report = await orderFor(ctx, 'water', { category: 'report', phone: '13900001111', requesterName: '欧阳娜娜' });
  const seen = async (h: Headers, id: string) => {
    const b = (await call(ctx, h, 'GET', `/api/work-orders/${id}`)).body;
    return [b.requesterName, b.phone];
  };
  t.same(await seen(who.waterHandler.headers, complaint.id), ['张三', '13812345678']);
  t.same(await seen(who.waterHandler.headers, report.id), ['欧***', '139****1111']);
  t.same(await seen(who.auditor.headers, complaint.id), ['张*', '138****5678']);
  t.same(await seen(who.supervisor.headers, complaint.id), ['张*', '138****5678']);
  t.same(await seen(who.dispatcher.headers, report.id), ['欧阳娜娜', '13900001111']);
  t.same(await seen(admin, report.id), ['欧阳娜娜', '13900001111']);
});

t.test('worker: external tasks only', async (t) => {
  const h = who.worker.headers;
  t.equal(await status(h, 'POST', '/engine-rest/external-task/fetchAndLock', { workerId: 'w', maxTasks: 1, topics: [{ topicName: 'sms', lockDuration: 1000 }] }), 200);
  t.equal(await status(h, 'GET', '/api/work-orders'), 403);
  t.equal(await status(h, 'POST', `/engine-rest/task/${await signTask()}/claim`, { userId: 'worker-1' }), 403);
});

t.test('administrator: manages users and units; changes are audited with the user', async (t) => {
  const unit = await call(ctx, admin, 'POST', '/api/units', { id: 'township-chengguan', name: '城关镇', kind: 'township', regionId: 'puyang' });
  t.equal(unit.status, 201);
  t.match(unit.body, { id: 'township-chengguan', kind: 'township', regionId: 'puyang' });
  t.equal((await call(ctx, admin, 'POST', '/api/units', { id: 'township-chengguan', name: '重复' })).status, 409);
  t.match((await call(ctx, admin, 'POST', '/api/units', { id: 'bad id', name: 'x' })).body, { type: 'InvalidRequestException', message: /id/ });
  t.match((await call(ctx, admin, 'POST', '/api/units', { id: 'x1', name: 'x', regionId: 'nowhere' })).body, { type: 'InvalidRequestException', message: /regionId/ });
  const created = await call(ctx, admin, 'POST', '/api/users', { username: 'zhou', password: 'zhou-password', unitId: 'township-chengguan', roles: ['handler'] });
  t.equal(created.status, 201);
  t.notOk('passwordHash' in created.body, 'never the hash');
  t.equal((await call(ctx, admin, 'POST', '/api/users', { username: 'ZHOU', password: 'zhou-password', roles: [] })).status, 409, 'usernames are unique ignoring case');
  t.match((await call(ctx, admin, 'POST', '/api/users', { username: 'u2', password: 'long-enough', roles: ['boss'] })).body, { type: 'InvalidRequestException', message: /roles/ });
  t.match((await call(ctx, admin, 'POST', '/api/users', { username: 'u3', password: 'long-enough', roles: [], unitId: 'no-such-unit' })).body, { type: 'InvalidRequestException', message: /unitId/ });
  const changed = await call(ctx, admin, 'PATCH', `/api/users/${created.body.id}`, { roles: ['handler', 'unit-head'], unitId: 'water' });
  t.match(changed.body, { roles: ['handler', 'unit-head'], unitId: 'water' });
  t.equal((await call(ctx, admin, 'PATCH', '/api/users/nope', { roles: [] })).status, 404);
  const list = await call(ctx, admin, 'GET', '/api/users?role=unit-head');
  t.same(list.body.items.map((u: { username: string }) => u.username).sort(), ['water-head', 'zhou']);
  const audit = (await ctx.services.database.dataSource.query(`SELECT username, action, status FROM audit_event WHERE action LIKE '% /api/u%' ORDER BY id`)) as Array<{ username: string; action: string; status: number }>;
  t.ok(audit.some((a) => a.action === 'PATCH /api/users/:id' && a.username === 'admin'), 'the change is in the audit log with the admin');
  const regionSwitch = await call(ctx, admin, 'POST', '/api/regions/puyang/activate', { definitionId: signDefinition, userId: 'spoofed' });
  t.equal(regionSwitch.status, 200);
  t.equal(regionSwitch.body.activatedBy, 'admin', 'the activation audit names the signed-in user, not the body');
});
