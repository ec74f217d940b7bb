import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../support/harness.js';
import { activeRegion, diagram, form } from '../work-orders/support.js';

export type Headers = { authorization: string };

/** Answer of an inject as `{status, body}` (JSON when it parses). */
export function answer(res: LightMyRequestResponse): { status: number; body: any } {
  let body: unknown = res.body;
  try {
    body = res.body ? JSON.parse(res.body) : undefined;
  } catch {
    // not JSON
  }
  return { status: res.statusCode, body };
}

export async function call(ctx: TestApp, headers: Headers, method: string, url: string, payload?: unknown) {
  return answer(await ctx.rawInject({ method: method as 'GET', url, headers, ...(payload !== undefined && { payload: payload as object }) }));
}

/**
 * Region `puyang` runs order-simple (Handle for `${unit}`, then Review for `center`); units
 * `water` and `housing` of puyang; one user per role.
 */
export async function cast(ctx: TestApp) {
  await activeRegion(ctx, 'puyang', '濮阳县', diagram('fixture', 'order-simple.bpmn'));
  await activeRegion(ctx, 'huojia', '获嘉县', diagram('fixture', 'order-simple.bpmn'));
  await ctx.createUnit({ id: 'water', name: '县水利局', regionId: 'puyang' });
  await ctx.createUnit({ id: 'housing', name: '县住建局', regionId: 'puyang' });
  await ctx.createUnit({ id: 'center', name: '县12345中心', kind: 'office', regionId: 'puyang' });
  await ctx.createUnit({ id: 'hj-office', name: '获嘉12345', kind: 'office', regionId: 'huojia' });
  const [waterHandler, housingHandler, waterHead, dispatcher, huojiaDispatcher, supervisor, auditor, worker] = await Promise.all([
    ctx.createUser({ username: 'water-1', unitId: 'water', roles: ['handler'] }),
    ctx.createUser({ username: 'housing-1', unitId: 'housing', roles: ['handler'] }),
    ctx.createUser({ username: 'water-head', unitId: 'water', roles: ['unit-head'] }),
    ctx.createUser({ username: 'dispatcher-1', unitId: 'center', roles: ['dispatcher'] }),
    ctx.createUser({ username: 'hj-dispatcher', unitId: 'hj-office', roles: ['dispatcher'] }),
    ctx.createUser({ username: 'supervisor-1', unitId: 'supervision-office', roles: ['supervisor'] }),
    ctx.createUser({ username: 'auditor-1', unitId: null, roles: ['auditor'] }),
    ctx.createUser({ username: 'worker-1', unitId: null, roles: ['worker'] }),
  ]);
  return { waterHandler, housingHandler, waterHead, dispatcher, huojiaDispatcher, supervisor, auditor, worker };
}

/** Registers an order (as the admin) for `unit`; returns it with its open Handle task. */
export async function orderFor(ctx: TestApp, unit: string, over: Record<string, unknown> = {}) {
  const res = await ctx.app.inject({ method: 'POST', url: '/api/work-orders', payload: form({ responsibleUnits: [unit], ...over }) });
  if (res.statusCode !== 201) throw new Error(res.body);
  const order = res.json() as { id: string; number: string; processInstanceId: string; updatedAt: string };
  const [task] = (await ctx.services.database.dataSource.query(`SELECT id FROM task WHERE process_instance_id = $1`, [order.processInstanceId])) as Array<{ id: string }>;
  return { ...order, taskId: task!.id };
}
