import t from 'tap';
import { startTestApp } from '../../support/harness.js';
import { call, deployFixture } from './helpers.js';

const ctx = await startTestApp();
t.teardown(() => ctx.close());

const def = await deployFixture(ctx, 'message-wait.bpmn');
const tenantDef = await deployFixture(ctx, 'message-wait.bpmn', 'hualong');
const start = async (definitionId: string, businessKey: string, variables: Record<string, unknown> = {}) =>
  (await ctx.services.starter.start({ id: definitionId }, { businessKey, variables })).outcome.instanceId;
const waitingIn = async (id: string) =>
  ((await ctx.services.database.dataSource.query(`SELECT activity_id FROM event_subscription WHERE process_instance_id = $1`, [id])) as Array<{ activity_id: string }>).map((r) => r.activity_id);

t.test('correlates by business key to a receive task, sets variables, answers 204', async (t) => {
  const id = await start(def.id, 'PY-201', { orderNo: 'PY-201' });
  t.same(await waitingIn(id), ['WaitReply']);
  const res = await call(ctx, 'POST', '/message', {
    messageName: 'UnitReply',
    businessKey: 'PY-201',
    processVariables: { reply: { value: '已处理', type: 'String' }, satisfied: { value: true, type: 'Boolean' } },
  });
  t.equal(res.status, 204);
  t.equal(res.body, undefined);
  t.same(await waitingIn(id), ['WaitCallback'], 'moved on to the message catch event');
  const vars = (await call(ctx, 'GET', `/process-instance/${id}/variables`)).body;
  t.same(vars.reply, { type: 'String', value: '已处理', valueInfo: {} });
  t.same(vars.satisfied, { type: 'Boolean', value: true, valueInfo: {} });

  // The same message again finds nobody waiting for it.
  const again = await call(ctx, 'POST', '/message', { messageName: 'UnitReply', businessKey: 'PY-201' });
  t.equal(again.status, 400);
  t.same(again.body, {
    type: 'MismatchingMessageCorrelationException',
    message: "Cannot correlate message 'UnitReply': No process definition or execution matches the parameters",
    code: 0,
  });
});

t.test('correlation keys, processInstanceId and resultEnabled', async (t) => {
  const x = await start(def.id, 'PY-202', { orderNo: 'PY-202', seq: 5 });
  const y = await start(def.id, 'PY-203', { orderNo: 'PY-203', seq: 6 });
  const byKey = await call(ctx, 'POST', '/message', {
    messageName: 'UnitReply',
    correlationKeys: { orderNo: { value: 'PY-203', type: 'String' }, seq: { value: 6, type: 'Integer' } },
    resultEnabled: true,
    variablesInResultEnabled: true,
  });
  t.equal(byKey.status, 200);
  t.equal(byKey.headers['content-type'], 'application/json');
  t.equal(byKey.body.length, 1);
  t.match(byKey.body[0], { resultType: 'Execution', execution: { processInstanceId: y, ended: false, tenantId: null }, processInstance: null });
  t.match(byKey.body[0].execution.id, /^WaitReply_/);
  t.same(byKey.body[0].variables.seq, { type: 'Integer', value: 6, valueInfo: {} });
  t.same(await waitingIn(y), ['WaitCallback']);
  t.same(await waitingIn(x), ['WaitReply']);

  // Typed: the String "5" is not the Integer 5.
  const typed = await call(ctx, 'POST', '/message', { messageName: 'UnitReply', correlationKeys: { seq: { value: '5', type: 'String' } } });
  t.equal(typed.status, 400);
  const byId = await call(ctx, 'POST', '/message', { messageName: 'UnitReply', processInstanceId: x, resultEnabled: true });
  t.equal(byId.status, 200);
  t.equal(byId.body[0].execution.processInstanceId, x);
  t.notOk('variables' in byId.body[0]);
});

t.test('several matches need all=true; all correlates every one; tenants', async (t) => {
  const ids = [await start(def.id, 'PY-210'), await start(def.id, 'PY-211'), await start(tenantDef.id, 'HL-212')];
  for (const id of ids) await call(ctx, 'POST', '/message', { messageName: 'UnitReply', processInstanceId: id });
  const many = await call(ctx, 'POST', '/message', { messageName: 'CitizenCallback' });
  t.equal(many.status, 400);
  t.equal(many.body.type, 'MismatchingMessageCorrelationException');
  t.match(many.body.message, /executions match/);

  const tenant = await call(ctx, 'POST', '/message', { messageName: 'CitizenCallback', tenantId: 'hualong', resultEnabled: true });
  t.equal(tenant.status, 200);
  t.same(tenant.body.map((r: { execution: { processInstanceId: string } }) => r.execution.processInstanceId), [ids[2]]);
  t.equal(tenant.body[0].execution.tenantId, 'hualong');

  const all = await call(ctx, 'POST', '/message', { messageName: 'CitizenCallback', withoutTenantId: true, all: true, resultEnabled: true });
  t.equal(all.status, 200);
  const correlated = all.body.map((r: { execution: { processInstanceId: string } }) => r.execution.processInstanceId);
  t.ok(correlated.includes(ids[0]) && correlated.includes(ids[1]));
  for (const id of ids) t.same(await waitingIn(id), ['WaitReassign'], 'now waits for the signal');
});

t.test('bad requests', async (t) => {
  const cases: Array<[unknown, RegExp]> = [
    [{}, /No message name supplied/],
    [{ messageName: '' }, /No message name supplied/],
    [{ messageName: 'UnitReply', tenantId: 't', withoutTenantId: true }, /withoutTenantId/],
    [{ messageName: 'UnitReply', variablesInResultEnabled: true }, /variablesInResultEnabled/],
    [{ messageName: 'UnitReply', localCorrelationKeys: { a: { value: 1 } } }, /localCorrelationKeys/],
    [{ messageName: 'UnitReply', processVariables: { a: { value: 'x', type: 'Integer' } } }, /processVariables\.a/],
    [{ messageName: 'UnitReply', correlationKeys: { a: { value: 1, type: 'Nope' } } }, /correlationKeys\.a/],
    [{ messageName: 42 }, /messageName/],
    [{ messageName: 'UnitReply', all: 'yes' }, /all/],
  ];
  for (const [body, message] of cases) {
    const res = await call(ctx, 'POST', '/message', body);
    t.equal(res.status, 400, JSON.stringify(body));
    t.match(res.body.message, message, JSON.stringify(body));
  }
  const nobody = await call(ctx, 'POST', '/message', { messageName: 'NoSuchMessage' });
  t.equal(nobody.status, 400);
  t.equal(nobody.body.type, 'MismatchingMessageCorrelationException');
});

t.test('a message to an instance deleted meanwhile is no match', async (t) => {
  const id = await start(def.id, 'PY-220');
  t.equal((await call(ctx, 'DELETE', `/process-instance/${id}`)).status, 204);
  const res = await call(ctx, 'POST', '/message', { messageName: 'UnitReply', businessKey: 'PY-220' });
  t.equal(res.status, 400);
});
