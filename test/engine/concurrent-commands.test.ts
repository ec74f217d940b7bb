import t from 'tap';
import { startTestApp } from '../support/harness.js';
import { fixture } from '../support/modeler.js';

const ctx = await startTestApp();
t.teardown(() => ctx.close());
const { deployments, starter, tasks, database } = ctx.services;
const db = database.dataSource;

const { definitions } = await deployments.deploy({
  name: 'order', source: null, tenantId: null, enableDuplicateFiltering: false, deployChangedOnly: false,
  resources: [{ name: 'order-simple.bpmn', content: Buffer.from(fixture('order-simple.bpmn')) }],
});
const definitionId = definitions![0]!.id;

t.test('two completions of one task race: exactly one wins, the other is told the task is gone', async (t) => {
  const { outcome } = await starter.start({ id: definitionId }, { businessKey: 'race-1', variables: { unit: 'water' } });
  const [task] = (await db.query(`SELECT id FROM task WHERE process_instance_id = $1`, [outcome.instanceId])) as Array<{ id: string }>;
  const results = await Promise.allSettled([
    tasks.complete(task!.id, { variables: { reply: 'a', resolved: true } }),
    tasks.complete(task!.id, { variables: { reply: 'b', resolved: true } }),
  ]);
  const won = results.filter((r) => r.status === 'fulfilled');
  const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  t.equal(won.length, 1);
  t.equal(lost.length, 1);
  t.equal((lost[0]!.reason as Error).name, 'TaskNotFoundError');
  const events = (await db.query(`SELECT count(*)::int AS n FROM history_event WHERE process_instance_id = $1 AND event_type = 'task.completed'`, [outcome.instanceId])) as Array<{ n: number }>;
  t.equal(events[0]!.n, 1, 'history records one completion');
  const [row] = (await db.query(`SELECT state, revision FROM process_instance WHERE id = $1`, [outcome.instanceId])) as Array<{ state: string; revision: number }>;
  t.equal(row!.state, 'COMPLETED');
  t.equal(row!.revision, 2, 'start + one completion');
});

t.test('two handlers claim at once: one gets it, the other a TaskAlreadyClaimedError', async (t) => {
  const { outcome } = await starter.start({ id: definitionId }, { businessKey: 'race-2', variables: { unit: 'water' } });
  const [task] = (await db.query(`SELECT id FROM task WHERE process_instance_id = $1`, [outcome.instanceId])) as Array<{ id: string }>;
  const results = await Promise.allSettled([tasks.claim(task!.id, 'zhang'), tasks.claim(task!.id, 'li')]);
  t.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
  const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  t.equal((lost!.reason as Error).name, 'TaskAlreadyClaimedError');
});

t.test('a command that fails leaves the last committed state', async (t) => {
  const { outcome } = await starter.start({ id: definitionId }, { businessKey: 'rollback', variables: { unit: 'water' } });
  const before = (await db.query(`SELECT engine_state, revision FROM process_instance WHERE id = $1`, [outcome.instanceId])) as Array<{ revision: number }>;
  const [task] = (await db.query(`SELECT id FROM task WHERE process_instance_id = $1`, [outcome.instanceId])) as Array<{ id: string }>;
  // `resolved` is a boolean form field: a string is refused before anything runs.
  await t.rejects(tasks.complete(task!.id, { variables: { reply: 'x', resolved: 'yes' } }), { name: 'FormValidationError' });
  await t.rejects(
    ctx.services.host.execute(outcome.instanceId, null, (c) => {
      c.setVariables({ half: 'written' });
      throw new Error('crash in the middle of a command');
    }),
    /crash in the middle/,
  );
  const after = (await db.query(`SELECT engine_state, revision FROM process_instance WHERE id = $1`, [outcome.instanceId])) as Array<{ revision: number }>;
  t.same(after, before);
  const vars = (await db.query(`SELECT name FROM variable WHERE process_instance_id = $1 ORDER BY name`, [outcome.instanceId])) as Array<{ name: string }>;
  t.same(vars.map((v) => v.name), ['unit']);
  await tasks.complete(task!.id, { variables: { reply: 'ok', resolved: true } });
  const [row] = (await db.query(`SELECT state FROM process_instance WHERE id = $1`, [outcome.instanceId])) as Array<{ state: string }>;
  t.equal(row!.state, 'COMPLETED');
});

t.test('a pool query from inside a transaction is an error, not a silent deadlock', async (t) => {
  await t.rejects(db.transaction(async () => db.query('SELECT 1')), { name: 'QueryOutsideTransactionError' });
  t.same(await db.query('SELECT 1 AS one'), [{ one: 1 }], 'outside a transaction the pool serves');
});
