import t from 'tap';
import { startTestApp } from '../../support/harness.js';
import { call, deployFixture } from './helpers.js';

/*
 * Message start events through POST /message: Camunda correlates to waiting executions first
 * and only then starts an instance of the latest definition version whose start event takes
 * the message, with the message's business key and variables.
 */
const ctx = await startTestApp();
t.teardown(() => ctx.close());
const q = async (sql: string, params: unknown[] = []) => (await ctx.services.database.dataSource.query(sql, params)) as any[];
const instancesOf = (definitionId: string) => q(`SELECT id, business_key FROM process_instance WHERE definition_id = $1 ORDER BY start_time, business_key, id`, [definitionId]);
const tasksOf = async (id: string) => (await q(`SELECT task_definition_key FROM task WHERE process_instance_id = $1`, [id])).map((r) => r.task_definition_key);

const v1 = await deployFixture(ctx, 'message-start.bpmn');

t.test('a message no execution waits for starts an instance at the message start event', async (t) => {
  const res = await call(ctx, 'POST', '/message', {
    messageName: 'CitizenReport',
    businessKey: 'MS-1',
    processVariables: { caller: { value: '王女士', type: 'String' } },
    resultEnabled: true,
    variablesInResultEnabled: true,
  });
  t.equal(res.status, 200);
  const [instance] = await instancesOf(v1.id);
  t.match(res.body, [
    {
      resultType: 'ProcessDefinition',
      execution: null,
      processInstance: { id: instance.id, definitionId: v1.id, businessKey: 'MS-1', ended: false, suspended: false, tenantId: null },
      variables: { caller: { type: 'String', value: '王女士' } },
    },
  ]);
  t.same(await tasksOf(instance.id), ['Register'], 'the start event took the message; the instance waits at its task');
  t.same(await q(`SELECT activity_id FROM event_subscription WHERE process_instance_id = $1`, [instance.id]), [], 'nothing waits at the start event');
  t.match(await q(`SELECT activity_id, payload FROM history_event WHERE process_instance_id = $1 AND event_type = 'message.correlated'`, [instance.id]), [
    { activity_id: 'StartByReport', payload: { messageName: 'CitizenReport', startEvent: true } },
  ]);
});

t.test('a waiting execution takes the message before any start event', async (t) => {
  const [first] = await instancesOf(v1.id);
  const [task] = await q(`SELECT id FROM task WHERE process_instance_id = $1`, [first.id]);
  await ctx.services.tasks.complete(task.id);
  t.same((await q(`SELECT activity_id FROM event_subscription WHERE process_instance_id = $1`, [first.id])).map((r) => r.activity_id), ['WaitFollowUp']);

  const res = await call(ctx, 'POST', '/message', { messageName: 'CitizenReport', resultEnabled: true });
  t.match(res.body, [{ resultType: 'Execution', execution: { processInstanceId: first.id, ended: true }, processInstance: null }], 'the follow-up went to the waiting instance');
  t.equal((await instancesOf(v1.id)).length, 1, 'no new instance');

  // Named for an instance or carrying correlation keys, a message never starts a new one.
  const named = await call(ctx, 'POST', '/message', { messageName: 'CitizenReport', processInstanceId: first.id });
  t.equal(named.status, 400);
  const keyed = await call(ctx, 'POST', '/message', { messageName: 'CitizenReport', correlationKeys: { caller: { value: '李先生', type: 'String' } } });
  t.equal(keyed.status, 400);
  t.equal((await instancesOf(v1.id)).length, 1);

  const again = await call(ctx, 'POST', '/message', { messageName: 'CitizenReport', businessKey: 'MS-2' });
  t.equal(again.status, 204, 'with nobody waiting, the start event takes it');
  t.same((await instancesOf(v1.id)).map((i) => i.business_key), ['MS-1', 'MS-2']);
});

t.test('only the latest version starts; several definitions need all=true or a tenant', async (t) => {
  const v2 = await deployFixture(ctx, 'message-start.bpmn');
  await call(ctx, 'POST', '/message', { messageName: 'CitizenReport', businessKey: 'MS-3' });
  t.same((await instancesOf(v2.id)).map((i) => i.business_key), ['MS-3'], 'v2 started it');
  t.equal((await instancesOf(v1.id)).filter((i) => i.business_key === 'MS-3').length, 0);

  // Nobody waits at the receive task; another region deploys the key too.
  const hualong = await deployFixture(ctx, 'message-start.bpmn', 'hualong');
  const ambiguous = await call(ctx, 'POST', '/message', { messageName: 'CitizenReport', businessKey: 'MS-4' });
  t.equal(ambiguous.status, 400);
  t.match(ambiguous.body, { type: 'MismatchingMessageCorrelationException', message: /2 process definitions/ });
  const byTenant = await call(ctx, 'POST', '/message', { messageName: 'CitizenReport', businessKey: 'MS-4', tenantId: 'hualong', resultEnabled: true });
  t.match(byTenant.body, [{ resultType: 'ProcessDefinition', processInstance: { definitionId: hualong.id, tenantId: 'hualong', businessKey: 'MS-4' } }]);
  const all = await call(ctx, 'POST', '/message', { messageName: 'CitizenReport', businessKey: 'MS-5', all: true, resultEnabled: true });
  t.same(all.body.map((r: any) => r.processInstance.definitionId).sort(), [v2.id, hualong.id].sort(), 'all: one instance per latest definition');
});
