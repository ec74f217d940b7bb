import { readFileSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../support/harness.js';

/** A diagram from test/fixtures/processes or processes/. */
export function diagram(path: 'fixture' | 'scheme', file: string): string {
  const base = path === 'fixture' ? '../fixtures/processes/' : '../../processes/';
  return readFileSync(new URL(`${base}${file}`, import.meta.url), 'utf8');
}

/** Creates the region, deploys the diagram for it and makes it the region's active definition. */
export async function activeRegion(ctx: TestApp, region: string, name: string, xml: string, resource = 'order.bpmn'): Promise<string> {
  const { regions, deployments } = ctx.services;
  await regions.ensureRegion(region, name);
  const result = await deployments.deploy({ name: `${region}-orders`, source: 'test', tenantId: region, enableDuplicateFiltering: false, deployChangedOnly: false, resources: [{ name: resource, content: Buffer.from(xml) }] });
  const definitionId = result.definitions![0]!.id;
  await regions.activate(region, { definition: { definitionId }, userId: 'admin', reason: 'test' });
  return definitionId;
}

/** A complete, valid work-order form; `over` replaces fields (undefined removes one). */
export function form(over: Record<string, unknown> = {}): Record<string, unknown> {
  const base: Record<string, unknown> = {
    region: 'puyang',
    requesterName: '张三',
    phone: '13812345678',
    address: '城关镇人民路12号',
    requestedAt: '2026-11-23T08:30:00+08:00',
    channel: 'hotline',
    category: 'complaint',
    content: '小区门口下水道堵塞，污水漫到路面。',
    responsibleUnits: ['water'],
  };
  const merged = { ...base, ...over };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  return merged;
}

export function post(ctx: TestApp, body: unknown, idempotencyKey?: string): Promise<LightMyRequestResponse> {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/work-orders',
    payload: body as object,
    headers: idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey },
  });
}

export async function get(ctx: TestApp, url: string): Promise<{ status: number; body: any }> {
  const res = await ctx.app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json() };
}

/** Completes the one open task `key` of the instance as user `tester`. */
export async function complete(ctx: TestApp, instanceId: string, key: string, variables: Record<string, unknown> = {}): Promise<void> {
  const rows = (await ctx.services.database.dataSource.query(`SELECT id FROM task WHERE process_instance_id = $1 AND task_definition_key = $2`, [instanceId, key])) as Array<{ id: string }>;
  if (rows.length !== 1) throw new Error(`expected one open task '${key}', found ${rows.length}`);
  await ctx.services.tasks.complete(rows[0]!.id, { variables, userId: 'tester' });
}

export async function openTasks(ctx: TestApp, instanceId: string): Promise<string[]> {
  const rows = (await ctx.services.database.dataSource.query(`SELECT task_definition_key FROM task WHERE process_instance_id = $1 ORDER BY task_definition_key`, [instanceId])) as Array<{ task_definition_key: string }>;
  return rows.map((r) => r.task_definition_key);
}
