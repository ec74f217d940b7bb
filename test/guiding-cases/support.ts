import type { TestApp } from '../support/harness.js';
import { activeRegion, complete, diagram, form, post } from '../work-orders/support.js';

/** A region running the small fixture process (Handle → closed), for orders that can be closed quickly. */
export async function simpleRegion(ctx: TestApp, region = 'puyang'): Promise<void> {
  await activeRegion(ctx, region, '濮阳县', diagram('fixture', 'order-simple.bpmn'));
}

/** Registers an order with the given form fields; `closed`: the unit replies and the order closes. */
export async function order(ctx: TestApp, over: Record<string, unknown> = {}, closed = true): Promise<{ id: string; number: string; processInstanceId: string }> {
  const res = await post(ctx, form(over));
  if (res.statusCode !== 201) throw new Error(res.body);
  const o = res.json() as { id: string; number: string; processInstanceId: string };
  if (closed) await complete(ctx, o.processInstanceId, 'Handle', { reply: '已办结', resolved: true });
  return o;
}

/** Signed-in headers per test app and user: the body's `actor` signs in as that user (a dispatcher). */
const signedIn = new WeakMap<TestApp, Map<string, Promise<{ authorization: string }>>>();
function headersOf(ctx: TestApp, actor: string): Promise<{ authorization: string }> {
  const users = signedIn.get(ctx) ?? new Map<string, Promise<{ authorization: string }>>();
  signedIn.set(ctx, users);
  if (!users.has(actor)) users.set(actor, ctx.createUser({ username: actor, unitId: 'hotline-office', roles: ['dispatcher'] }).then((u) => u.headers));
  return users.get(actor)!;
}

/** The service records the signed-in user, so a body naming `actor` is sent as that user. */
export async function call(ctx: TestApp, method: 'GET' | 'POST', url: string, payload?: object): Promise<{ status: number; body: any }> {
  const actor = (payload as { actor?: unknown } | undefined)?.actor;
  const headers = typeof actor === 'string' ? await headersOf(ctx, actor) : undefined;
  const res = await ctx.app.inject({ method, url, ...(headers && { headers }), ...(payload === undefined ? {} : { payload }) });
  return { status: res.statusCode, body: res.body ? res.json() : undefined };
}

/** A proposal body for an order; `over` replaces fields. */
export function proposal(workOrder: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    workOrder,
    title: '小区下水道堵塞污水漫溢的处置',
    summary: '居民反映小区门口下水道堵塞，污水漫到路面，影响出行。',
    handling: '县水利局当日派员疏通管网，清理路面，并与物业约定每月巡查。',
    basis: '《城镇排水与污水处理条例》第三十三条',
    actor: 'dispatcher.li',
    ...over,
  };
}
