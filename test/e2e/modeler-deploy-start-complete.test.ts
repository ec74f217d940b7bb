import t from 'tap';
import { authedFetch, startTestApp } from '../support/harness.js';
import { fixture, modelerDeployForm } from '../support/modeler.js';

const ctx = await startTestApp();
t.teardown(() => ctx.close());
const address = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
const rest = `${address}/engine-rest`;
// The Modeler sends the user and password of its deploy dialog as HTTP Basic.
const fetch = authedFetch(ctx.admin.basic);

async function json(res: Response) {
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
}

t.test('Camunda Modeler deploy → start → claim → complete, over HTTP', async (t) => {
  const probe = await fetch(`${rest}/deployment?maxResults=0`, { headers: { accept: 'application/json' } });
  t.equal(probe.status, 200);
  t.same(await json(probe), []);
  const version = await fetch(`${rest}/version`);
  t.same(await json(version), { version: '7.24.0' });

  const form = modelerDeployForm({ name: 'order-simple', fileName: 'order-simple.bpmn', xml: fixture('order-simple.bpmn'), deployChangedOnly: true, tenantId: 'puyang' });
  const res = await fetch(`${rest}/deployment/create`, { method: 'POST', body: form, headers: { accept: 'application/json' } });
  t.equal(res.status, 200);
  t.equal(res.headers.get('content-type'), 'application/json');
  const deployment = await json(res);
  t.equal(deployment.name, 'order-simple');
  t.equal(deployment.source, 'Camunda Modeler');
  t.equal(deployment.tenantId, 'puyang');
  t.match(deployment.deploymentTime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d{4}$/);
  const defs = Object.values(deployment.deployedProcessDefinitions) as Array<Record<string, unknown>>;
  t.equal(defs.length, 1);
  const def = defs[0]!;
  t.match(def, { key: 'order-simple', version: 1, name: '工单办理（简）', tenantId: 'puyang', historyTimeToLive: 180, resource: 'order-simple.bpmn', category: 'http://bpmn.io/schema/bpmn' });

  // Same XML again: nothing new, Camunda answers the existing deployment with null definitions.
  const again = await json(await fetch(`${rest}/deployment/create`, { method: 'POST', body: modelerDeployForm({ name: 'order-simple', fileName: 'order-simple.bpmn', xml: fixture('order-simple.bpmn'), deployChangedOnly: true, tenantId: 'puyang' }) }));
  t.equal(again.id, deployment.id);
  t.equal(again.deployedProcessDefinitions, null);

  const startRes = await fetch(`${rest}/process-definition/${encodeURIComponent(def.id as string)}/start`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ businessKey: 'PY-2026-0001', variables: { unit: { value: 'water', type: 'String' } } }),
  });
  t.equal(startRes.status, 200);
  const instance = await json(startRes);
  t.match(instance, { definitionId: def.id, definitionKey: 'order-simple', businessKey: 'PY-2026-0001', ended: false, tenantId: 'puyang' });

  const [task] = (await ctx.services.database.dataSource.query(`SELECT id, candidate_groups, due FROM task WHERE process_instance_id = $1`, [instance.id])) as Array<{ id: string; candidate_groups: string[]; due: Date }>;
  t.ok(task);
  t.same(task!.candidate_groups, ['water']);
  t.equal(new Date(task!.due).toISOString(), new Date(ctx.clock.now().getTime() + 3 * 86_400_000).toISOString());

  const post = (path: string, body: unknown) =>
    fetch(`${rest}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  t.equal((await post(`/task/${task!.id}/claim`, { userId: 'zhang' })).status, 204);
  const conflict = await post(`/task/${task!.id}/claim`, { userId: 'li' });
  t.equal(conflict.status, 409);
  t.match(await json(conflict), { type: 'TaskAlreadyClaimedException' });

  const missing = await post(`/task/${task!.id}/complete`, { variables: { resolved: { value: true, type: 'Boolean' } } });
  t.equal(missing.status, 400, 'a required form field is missing');
  t.match((await json(missing)).message, /reply/);

  const done = await post(`/task/${task!.id}/complete`, { variables: { reply: { value: '已修复', type: 'String' }, resolved: { value: true, type: 'Boolean' } } });
  t.equal(done.status, 204);
  const [row] = (await ctx.services.database.dataSource.query(`SELECT state FROM process_instance WHERE id = $1`, [instance.id])) as Array<{ state: string }>;
  t.equal(row!.state, 'COMPLETED');
  t.equal((await post(`/task/${task!.id}/complete`, {})).status, 404);
});

t.test('a bad diagram is refused with the line, and nothing is stored', async (t) => {
  const before = await json(await fetch(`${rest}/deployment/count`));
  const broken = fixture('order-simple.bpmn').replace('<bpmn:exclusiveGateway id="Gateway_1"', '<bpmn:unknownThing id="X"/><bpmn:exclusiveGateway id="Gateway_1"');
  const res = await fetch(`${rest}/deployment/create`, { method: 'POST', body: modelerDeployForm({ name: 'broken', fileName: 'broken.bpmn', xml: broken }) });
  t.equal(res.status, 400);
  const body = await json(res);
  t.equal(body.type, 'ParseException');
  t.match(body.message, /^ENGINE-09005 Could not parse BPMN process\./);
  t.match(body.message, /line \d+/);
  t.same(await json(await fetch(`${rest}/deployment/count`)), before);
});
