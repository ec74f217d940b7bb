import t from 'tap';
import { startTestApp, type TestApp } from '../../support/harness.js';
import { LEDGER_COLUMNS } from '../../../src/ledger/index.js';

/**
 * One work order of a region's real scheme, driven to close through the public APIs only:
 * intake (POST /api/work-orders), tasks (/engine-rest/task), workers (/engine-rest/external-task),
 * time (/api/clock). Then its timeline, its ledger row and the statistics it counts in.
 */
export interface Step {
  /** Service clock before the step (China time). */
  at: string;
  /** A user task to complete with these variables … */
  task?: string;
  variables?: Record<string, string | number | boolean>;
  /** … or an external task (worker) to complete. */
  external?: string;
}

export interface Scenario {
  region: string;
  form: Record<string, unknown>;
  steps: Step[];
  /** The ledger row, every column in annex order (序号 as text). */
  ledger: string[];
  /** The figures of the region (groupBy none), as `t.match` patterns. */
  figures: Record<string, unknown>;
}

export async function startSchemesApp(): Promise<TestApp> {
  // deploySchemes (DEPLOY_SCHEMES): every built-in region with its scheme active, as in production.
  return startTestApp({ config: { deploySchemes: true } });
}

async function call(ctx: TestApp, method: 'GET' | 'POST', url: string, payload?: object): Promise<any> {
  const res = await ctx.app.inject({ method, url, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.body ? res.json() : undefined;
}

function typed(variables: Record<string, string | number | boolean>) {
  return Object.fromEntries(
    Object.entries(variables).map(([k, v]) => [k, { value: v, type: typeof v === 'boolean' ? 'Boolean' : typeof v === 'number' ? 'Long' : 'String' }]),
  );
}

export async function runScenario(s: Scenario): Promise<void> {
  const ctx = await startSchemesApp();
  t.teardown(() => ctx.close());
  const order = await call(ctx, 'POST', '/api/work-orders', { region: s.region, ...s.form });
  const instance = order.processInstanceId as string;
  const done: string[] = [];

  for (const step of s.steps) {
    await call(ctx, 'POST', '/api/clock', { set: step.at });
    if (step.task) {
      const tasks = await call(ctx, 'GET', `/engine-rest/task?processInstanceId=${instance}&taskDefinitionKey=${step.task}`);
      if (tasks.length !== 1) throw new Error(`expected one open task '${step.task}', found ${tasks.length}`);
      await call(ctx, 'POST', `/engine-rest/task/${tasks[0].id}/complete`, { variables: typed(step.variables ?? {}) });
      done.push(step.task);
    } else if (step.external) {
      const [topic] = await call(ctx, 'GET', `/engine-rest/external-task?processInstanceId=${instance}&activityId=${step.external}`);
      const locked = await call(ctx, 'POST', '/engine-rest/external-task/fetchAndLock', { workerId: 'e2e', maxTasks: 10, topics: [{ topicName: topic.topicName, lockDuration: 60000, businessKey: order.number }] });
      const mine = locked.find((e: { activityId: string }) => e.activityId === step.external);
      await call(ctx, 'POST', `/engine-rest/external-task/${mine.id}/complete`, { workerId: 'e2e' });
      done.push(step.external);
    }
  }

  t.test('the order is closed and its timeline tells every step', async (t) => {
    const detail = await call(ctx, 'GET', `/api/work-orders/${order.id}`);
    t.match(detail, { status: '已办结', statusCode: 'closed', currentUnit: null });
    const timeline = detail.timeline as Array<{ type: string; activityId: string | null; at: string }>;
    t.equal(timeline[0]!.type, 'instance.started', 'starts at intake');
    t.equal(timeline.at(-1)!.type, 'instance.completed', 'ends with the process');
    const completed = timeline.filter((e) => e.type === 'activity.completed').map((e) => e.activityId);
    let i = 0;
    for (const key of done) i = completed.indexOf(key, i) + 1 || Infinity;
    t.ok(i !== Infinity, `every completed step in order: ${done.join(' → ')}`);
    const times = timeline.map((e) => Date.parse(e.at));
    t.same(times, [...times].sort((a, b) => a - b), 'in time order');
  });

  t.test('its ledger row, every column', async (t) => {
    const ledger = await call(ctx, 'GET', `/api/ledger?region=${s.region}`);
    t.equal(ledger.total, 1);
    const expected = Object.fromEntries(LEDGER_COLUMNS.map((c, i) => [c, i === 0 ? Number(s.ledger[0]) : s.ledger[i]!.replace('{number}', order.number)]));
    t.same(ledger.items[0].row, expected);
  });

  t.test('the statistics it counts in', async (t) => {
    const { groups } = await call(ctx, 'GET', `/api/stats/figures?region=${s.region}`);
    t.match(groups, [s.figures]);
    const { units } = await call(ctx, 'GET', `/api/stats/ranking?month=2026-11&region=${s.region}`);
    t.equal(units.length, 1, 'ranked with its unit');
    const week = await call(ctx, 'GET', `/api/stats/weekly-report?week=2026-11-23&region=${s.region}`);
    t.match(week, { intake: { received: 1 }, handling: { completed: 1 } });
  });
}

/** What a closed order on time with one unit counts as. */
export const onTimeClosed = { received: 1, cancelled: 0, dispatched: 1, dispatchedOnTime: 1, completed: 1, completedOnTime: 1, closed: 1, overdue: 0, completionRate: 1, onTimeRate: 1 };
