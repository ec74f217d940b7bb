import t from 'tap';
import { startTestApp } from '../../support/harness.js';
import { call, deployFixture } from './helpers.js';

const ctx = await startTestApp();
t.teardown(() => ctx.close());

const def = await deployFixture(ctx, 'message-wait.bpmn');
const tenantDef = await deployFixture(ctx, 'message-wait.bpmn', 'hualong');
const waitingIn = async (id: string) =>
  ((await ctx.services.database.dataSource.query(`SELECT activity_id, execution_id FROM event_subscription WHERE process_instance_id = $1`, [id])) as Array<{ activity_id: string; execution_id: string }>);

/** An instance waiting at the signal catch event (after both messages). */
async function atSignal(definitionId: string, businessKey: string) {
  const id = (await ctx.services.starter.start({ id: definitionId }, { businessKey })).outcome.instanceId;
  for (const messageName of ['UnitReply', 'CitizenCallback']) {
    const res = await call(ctx, 'POST', '/message', { messageName, processInstanceId: id });
    if (res.status !== 204) throw new Error(`set-up failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return id;
}

t.test('a signal nobody waits for is fine', async (t) => {
  const res = await call(ctx, 'POST', '/signal', { name: 'ReassignAll' });
  t.equal(res.status, 204);
});

t.test('broadcast reaches every waiting instance, with variables; tenant and execution filters', async (t) => {
  const a = await atSignal(def.id, 'PY-301');
  const b = await atSignal(def.id, 'PY-302');
  const c = await atSignal(tenantDef.id, 'HL-303');
  const notYet = (await ctx.services.starter.start({ id: def.id }, { businessKey: 'PY-304' })).outcome.instanceId;

  t.equal((await call(ctx, 'POST', '/signal', { name: 'ReassignAll', tenantId: 'hualong' })).status, 204);
  t.same(await waitingIn(c), [], 'the tenant instance moved on to its user task');
  t.same((await call(ctx, 'GET', `/task?processInstanceId=${c}`)).body.map((x: { taskDefinitionKey: string }) => x.taskDefinitionKey), ['Review']);
  t.equal((await waitingIn(a)).length, 1);

  const [sub] = await waitingIn(a);
  const wrongExecution = await call(ctx, 'POST', '/signal', { name: 'ReassignAll', executionId: 'Nope_123' });
  t.equal(wrongExecution.status, 400);
  t.equal(wrongExecution.body.type, 'BadUserRequestException');
  t.equal((await call(ctx, 'POST', '/signal', { name: 'ReassignAll', executionId: sub!.execution_id })).status, 204);
  t.same(await waitingIn(a), []);
  t.equal((await waitingIn(b)).length, 1);

  const res = await call(ctx, 'POST', '/signal', { name: 'ReassignAll', variables: { reassignedBy: { value: '中心', type: 'String' } } });
  t.equal(res.status, 204);
  t.same(await waitingIn(b), []);
  t.same((await call(ctx, 'GET', `/process-instance/${b}/variables/reassignedBy`)).body, { type: 'String', value: '中心', valueInfo: {} });
  t.same((await waitingIn(notYet)).map((s) => s.activity_id), ['WaitReply'], 'an instance not yet at the signal is untouched');
  t.equal((await call(ctx, 'GET', `/process-instance/${notYet}/variables/reassignedBy`)).status, 404);
});

t.test('bad requests', async (t) => {
  for (const [body, message] of [
    [{}, /No signal name given/],
    [{ name: null }, /No signal name given/],
    [{ name: 'x', tenantId: 't', withoutTenantId: true }, /withoutTenantId/],
    [{ name: 'x', variables: { a: { value: 'x', type: 'Integer' } } }, /variables\.a/],
    [{ name: 7 }, /name/],
  ] as const) {
    const res = await call(ctx, 'POST', '/signal', body);
    t.equal(res.status, 400, JSON.stringify(body));
    t.match(res.body.message, message);
  }
});
