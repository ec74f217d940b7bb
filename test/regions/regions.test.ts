import t from 'tap';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startTestApp } from '../support/harness.js';
import { fixture } from '../support/modeler.js';
import { deploySchemes } from '../../src/regions/index.js';

const ctx = await startTestApp();
t.teardown(() => ctx.close());
const { deployments, regions, starter, definitions, database } = ctx.services;
const inject = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
  ctx.app.inject({ method, url, ...(payload !== undefined && { payload: payload as object }) });

const v1Xml = fixture('order-simple.bpmn');
const v2Xml = v1Xml.replace('name="承办单位办理"', 'name="承办单位办理（第二版）"');
const deploy = async (xml: string, tenantId: string) =>
  (await deployments.deploy({ name: 'order', source: 'test', tenantId, enableDuplicateFiltering: false, deployChangedOnly: false, resources: [{ name: 'order.bpmn', content: Buffer.from(xml) }] })).definitions![0]!;

await regions.ensureRegion('puyang', '濮阳县');
await regions.ensureRegion('huojia', '获嘉县');
const v1 = await deploy(v1Xml, 'puyang');
const v2 = await deploy(v2Xml, 'puyang');
const other = await deploy(v1Xml, 'huojia');

t.test('a region is switched between versions, audited, and rolled back; running orders stay on theirs', async (t) => {
  let res = await inject('POST', '/api/regions/puyang/activate', { definitionId: v1.id, reason: '首次上线', userId: 'admin' });
  t.equal(res.statusCode, 200);
  t.match(res.json(), { regionId: 'puyang', definitionId: v1.id, definitionVersion: 1, previousDefinitionId: null, kind: 'activate', activatedBy: 'admin', reason: '首次上线' });
  t.equal(await regions.activeDefinitionId('puyang'), v1.id);

  const running = await starter.start({ id: await regions.activeDefinitionId('puyang') }, { businessKey: 'PY-1', variables: { unit: 'water' } });

  res = await inject('POST', '/api/regions/puyang/activate', { key: 'order-simple', version: 2, userId: 'admin', reason: '新版本' });
  t.equal(res.statusCode, 200);
  t.match(res.json(), { definitionId: v2.id, previousDefinitionId: v1.id });
  const [row] = (await database.dataSource.query(`SELECT definition_id, state FROM process_instance WHERE id = $1`, [running.outcome.instanceId])) as Array<{ definition_id: string; state: string }>;
  t.same(row, { definition_id: v1.id, state: 'ACTIVE' }, 'the running order keeps its version');

  res = await inject('POST', '/api/regions/puyang/rollback', { userId: 'admin', reason: '新版本有误' });
  t.equal(res.statusCode, 200);
  t.match(res.json(), { definitionId: v1.id, kind: 'rollback', reason: '新版本有误' });
  t.equal(await regions.activeDefinitionId('puyang'), v1.id);

  res = await inject('POST', '/api/regions/puyang/rollback', {});
  t.equal(res.statusCode, 409, 'nothing before v1');

  res = await inject('GET', '/api/regions/puyang/activations');
  t.same(res.json().map((a: { kind: string; definitionVersion: number }) => [a.kind, a.definitionVersion]), [['rollback', 1], ['activate', 2], ['activate', 1]]);

  const list = (await inject('GET', '/api/regions')).json();
  t.match(list.find((r: { id: string }) => r.id === 'puyang'), { name: '濮阳县', active: { definitionId: v1.id } });
  t.match(list.find((r: { id: string }) => r.id === 'huojia'), { active: null });
});

t.test('bad activations are refused with the reason', async (t) => {
  let res = await inject('POST', '/api/regions/puyang/activate', { definitionId: other.id });
  t.equal(res.statusCode, 400);
  t.match(res.json().message, /deployed for region 'huojia'/);
  res = await inject('POST', '/api/regions/puyang/activate', { definitionId: 'nope:1:x' });
  t.equal(res.statusCode, 400);
  res = await inject('POST', '/api/regions/puyang/activate', { key: 'order-simple', version: 'two' });
  t.equal(res.statusCode, 400);
  res = await inject('POST', '/api/regions/atlantis/activate', { definitionId: v1.id });
  t.equal(res.statusCode, 404);
  t.equal(await regions.activeDefinitionId('puyang'), v1.id, 'nothing changed');
});

t.test('the deployment of a region\'s active definition cannot be deleted', async (t) => {
  const res = await inject('DELETE', `/engine-rest/deployment/${v1.deploymentId}?cascade=true`);
  t.equal(res.statusCode, 409);
  t.match(res.json().message, /active in region 'puyang'/);
  t.ok(await definitions.byId(v1.id));
});

t.test('schemes are deployed per region at start, once, and activated only when the region has none', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'suqiu-processes-'));
  await writeFile(join(dir, 'a.bpmn'), v1Xml);
  const logger = pino({ level: 'silent' });
  const options = { regions: [{ id: 'anyang', name: '安阳县', scheme: 'a.bpmn' }, { id: 'missing', name: '无', scheme: 'nope.bpmn' }], processesDir: dir, deployments, definitions, regionService: regions, logger };
  await deploySchemes(options);
  const first = await regions.get('anyang');
  t.match(first.active, { definitionKey: 'order-simple', definitionVersion: 1, reason: '启动时首次部署（内置方案）' });
  await deploySchemes(options);
  t.equal(await definitions.count({ key: 'order-simple', tenantIdIn: ['anyang'] }), 1, 'a restart adds no version');
  await writeFile(join(dir, 'a.bpmn'), v2Xml);
  await deploySchemes(options);
  t.equal(await definitions.count({ key: 'order-simple', tenantIdIn: ['anyang'] }), 2, 'a changed file is a new version');
  t.equal((await regions.get('anyang')).active!.definitionId, first.active!.definitionId, 'but the region keeps its active one');
  t.equal((await regions.get('missing')).active, null);
});
