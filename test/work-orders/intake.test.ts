import t from 'tap';
import { startTestApp } from '../support/harness.js';
import { activeRegion, complete, diagram, form, get, openTasks, post } from './support.js';

// Intake → instance started with the number as business key → completing tasks moves the
// projection in the same transaction. The test clock starts Monday 2026-11-23 09:00 +08:00.
const ctx = await startTestApp();
t.teardown(() => ctx.close());
const db = ctx.services.database.dataSource;
await activeRegion(ctx, 'puyang', '濮阳县', diagram('fixture', 'order-simple.bpmn'));
await activeRegion(ctx, 'huojia', '获嘉县', diagram('fixture', 'order-simple.bpmn'));
await ctx.services.regions.ensureRegion('empty', '无流程县');

const instanceRow = async (id: string) =>
  ((await db.query(`SELECT business_key, state, revision, tenant_id FROM process_instance WHERE id = $1`, [id])) as Array<Record<string, any>>)[0]!;

t.test('intake registers the form, numbers it, starts the region\'s process with the number as business key', async (t) => {
  const res = await post(ctx, form({
    requesterType: '单位',
    requesterName: '城关镇阳光物业公司',
    unitContact: '李四',
    channel: '12345热线电话',
    category: '投诉',
    urgency: 'general',
    deadline: '2026-11-30T18:00:00+08:00',
    formContact: '王五',
    formContactPhone: '0393-1234567',
    remarks: '来电两次',
    attachments: [
      { storageKey: 'orders/2026/11/photo-1.jpg', name: '现场照片.jpg', size: 204800, contentType: 'image/jpeg' },
      { storageKey: 'orders/2026/11/call.amr', name: '来电录音.amr', size: 51200, contentType: 'audio/amr' },
    ],
  }));
  t.equal(res.statusCode, 201, res.body);
  const order = res.json();
  t.equal(order.number, 'puyang-20261123-0001', 'region + day + sequence');
  t.equal(res.headers.location, `/api/work-orders/${order.id}`);
  t.match(order, {
    region: 'puyang',
    requesterType: '单位',
    requesterTypeCode: 'unit',
    requesterName: '城关镇阳光物业公司',
    unitContact: '李四',
    phone: '13812345678',
    channel: '12345热线电话',
    channelCode: 'hotline',
    category: '投诉',
    categoryCode: 'complaint',
    urgency: '一般',
    urgencyCode: 'general',
    requestedAt: '2026-11-23T08:30:00.000+08:00',
    deadline: '2026-11-30T18:00:00.000+08:00',
    responsibleUnits: ['water'],
    leadUnit: null,
    formContact: '王五',
    remarks: '来电两次',
    masked: false,
  });
  t.same(order.attachments.map((a: any) => [a.name, a.size, a.contentType]), [['现场照片.jpg', 204800, 'image/jpeg'], ['来电录音.amr', 51200, 'audio/amr']]);

  const instance = await instanceRow(order.processInstanceId);
  t.same(instance, { business_key: order.number, state: 'ACTIVE', revision: 1, tenant_id: 'puyang' });
  t.match(order, { status: '办理中', statusCode: 'handling', currentUnit: 'water', dueAt: '2026-11-26T09:00:00.000+08:00', processRevision: 1 }, 'projected from the first wait (Handle, due P3D)');

  const vars = Object.fromEntries(((await db.query(`SELECT name, value FROM variable WHERE process_instance_id = $1`, [order.processInstanceId])) as Array<{ name: string; value: unknown }>).map((r) => [r.name, r.value]));
  t.match(vars, { orderNo: order.number, channel: 'hotline', category: 'complaint', urgency: 'general', unit: 'water' }, 'the process routes on codes');
  t.notOk('phone' in vars || 'requesterName' in vars || 'unitContact' in vars, 'the requester stays on the order, out of /engine-rest variables');
});

t.test('completing tasks moves status, unit and deadline in the command\'s own transaction', async (t) => {
  const order = (await post(ctx, form())).json();
  t.equal(order.statusCode, 'handling');

  await complete(ctx, order.processInstanceId, 'Handle', { reply: '已派人疏通', resolved: false });
  let now = (await get(ctx, `/api/work-orders/${order.id}`)).body;
  t.match(now, { status: '待审核', statusCode: 'reviewing', currentUnit: 'center', completedAt: '2026-11-23T09:00:00.000+08:00' });
  t.equal(now.processRevision, (await instanceRow(order.processInstanceId)).revision, 'projected at the revision the command wrote');

  ctx.clock.advance(3_600_000);
  await complete(ctx, order.processInstanceId, 'Review');
  now = (await get(ctx, `/api/work-orders/${order.number}`)).body;
  t.match(now, { statusCode: 'closed', status: '已办结', currentUnit: null, completedAt: '2026-11-23T09:00:00.000+08:00', overdue: false });
  t.equal(now.dueAt, '2026-11-26T09:00:00.000+08:00', 'the deadline stays on the closed order (ledger: 要求办理期限)');
  t.equal(now.processRevision, (await instanceRow(order.processInstanceId)).revision);
});

t.test('a projection that fails rolls the engine step back with it', async (t) => {
  const order = (await post(ctx, form())).json();
  const projector = (ctx.services.workOrders.intake as any).o.projector;
  const original = projector.afterCommand;
  projector.afterCommand = async () => {
    throw new Error('projection failed');
  };
  try {
    await t.rejects(complete(ctx, order.processInstanceId, 'Handle', { reply: '已处理', resolved: true }), /projection failed/);
  } finally {
    projector.afterCommand = original;
  }
  t.same(await openTasks(ctx, order.processInstanceId), ['Handle'], 'the task is still open');
  const instance = await instanceRow(order.processInstanceId);
  t.equal(instance.revision, 1, 'the instance did not move');
  t.match((await get(ctx, `/api/work-orders/${order.id}`)).body, { statusCode: 'handling', processRevision: 1 });

  await complete(ctx, order.processInstanceId, 'Handle', { reply: '已处理', resolved: true });
  t.match((await get(ctx, `/api/work-orders/${order.id}`)).body, { statusCode: 'closed', processRevision: 2 });
});

t.test('the same Idempotency-Key registers one order; a different form under it is refused', async (t) => {
  const body = form({ content: '路灯不亮' });
  const first = await post(ctx, body, 'key-1');
  t.equal(first.statusCode, 201);
  const again = await post(ctx, body, 'key-1');
  t.equal(again.statusCode, 200, 'a replay answers 200 …');
  t.equal(again.headers['idempotent-replayed'], 'true');
  t.equal(again.json().id, first.json().id, '… with the first order');

  const racing = await Promise.all(Array.from({ length: 5 }, () => post(ctx, form({ content: '井盖缺失' }), 'key-2')));
  const ids = new Set(racing.map((r) => r.json().id));
  t.equal(ids.size, 1, 'five racing submissions, one order');
  t.same(racing.map((r) => r.statusCode).sort(), [200, 200, 200, 200, 201]);
  const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM process_instance WHERE business_key = $1`, [racing[0]!.json().number])) as [{ n: number }];
  t.equal(n, 1, 'and one process instance');

  const other = await post(ctx, form({ content: '另一件事' }), 'key-1');
  t.equal(other.statusCode, 422);
  t.match(other.json(), { type: 'IdempotencyKeyReusedException', message: new RegExp(first.json().number) });

  const elsewhere = await post(ctx, form({ region: 'huojia', content: '路灯不亮' }), 'key-1');
  t.equal(elsewhere.statusCode, 201, 'keys are per region');
  t.match(elsewhere.json().number, /^huojia-20261123-/);
});

t.test('bad input is a 400 that names the field', async (t) => {
  const cases: Array<[string, Record<string, unknown>, RegExp]> = [
    ['missing name', form({ requesterName: undefined }), /'requesterName': is required/],
    ['unknown channel', form({ channel: 'fax' }), /'channel': must be one of "hotline".*"12345热线电话"/],
    ['unknown category', form({ category: 'praise' }), /'category'/],
    ['unknown urgency', form({ urgency: 'whenever' }), /'urgency'/],
    ['blank content', form({ content: '   ' }), /'content': is blank/],
    ['bad phone', form({ phone: 'call me' }), /'phone'/],
    ['zoneless time', form({ requestedAt: '2026-11-23 08:30' }), /'requestedAt'/],
    ['impossible date', form({ requestedAt: '2026-02-30T08:30:00+08:00' }), /'requestedAt': '2026-02-30/],
    ['future request', form({ requestedAt: '2026-11-24T09:00:00+08:00' }), /'requestedAt': lies in the future/],
    ['deadline before request', form({ deadline: '2026-11-22T09:00:00+08:00' }), /'deadline'/],
    ['unit contact of a person', form({ unitContact: '李四' }), /'unitContact'/],
    ['several units, no lead', form({ responsibleUnits: ['water', 'roads'] }), /'leadUnit': several responsible units/],
    ['lead not responsible', form({ responsibleUnits: ['water', 'roads'], leadUnit: 'police' }), /'leadUnit'/],
    ['unknown region', form({ region: 'atlantis' }), /'region': no region 'atlantis'/],
    ['attachment too big', form({ attachments: [{ storageKey: 'a/b.mp4', name: 'v.mp4', size: 60 * 1024 * 1024, contentType: 'video/mp4' }] }), /'attachments\[0\]\.size'/],
    ['attachment type', form({ attachments: [{ storageKey: 'a/b.exe', name: 'b.exe', size: 10, contentType: 'application/x-msdownload' }] }), /'attachments\[0\]\.contentType': must be one of/],
    ['attachment key climbs out', form({ attachments: [{ storageKey: 'a/../../etc/passwd', name: 'p', size: 10, contentType: 'text/plain' }] }), /'attachments\[0\]\.storageKey'/],
    ['attachments together too big', form({ attachments: Array.from({ length: 5 }, (_, i) => ({ storageKey: `v/${i}.mp4`, name: `${i}.mp4`, size: 45 * 1024 * 1024, contentType: 'video/mp4' })) }), /'attachments': together/],
  ];
  for (const [name, body, message] of cases) {
    const res = await post(ctx, body);
    t.equal(res.statusCode, 400, name);
    t.match(res.json(), { type: 'InvalidRequestException', message }, name);
  }
  const badKey = await post(ctx, form(), 'has space');
  t.equal(badKey.statusCode, 400);
  t.match(badKey.json().message, /header 'idempotency-key'/);
  const noProcess = await post(ctx, form({ region: 'empty' }));
  t.equal(noProcess.statusCode, 409, 'a region without an active process cannot take orders');
  t.match(noProcess.json().message, /no active process definition/);
});

t.test('a start that fails leaves no order and gives its number back', async (t) => {
  const before = (await post(ctx, form({ region: 'huojia' }))).json().number as string;
  const seq = Number(before.slice(-4));
  // order-simple's handling task goes to `${unit}`: without a responsible unit the start fails.
  // (The engine answers that with a 500 today: see the report on ExpressionEvaluationError.)
  const failed = await post(ctx, form({ region: 'huojia', responsibleUnits: undefined }));
  t.ok(failed.statusCode >= 400, 'refused');
  const after = (await post(ctx, form({ region: 'huojia' }))).json().number as string;
  t.equal(Number(after.slice(-4)), seq + 1, 'no gap in the numbers');
  const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM work_order WHERE region = 'huojia'`)) as [{ n: number }];
  t.equal(n, seq + 1, 'no order for the failed start');
});
