import type { FastifyInstance } from 'fastify';
import type { Services } from '../../src/services.js';
import { fixture } from '../support/modeler.js';

/** Deploys test/fixtures/processes/<file> and answers the new definition's id. */
export async function deploy(services: Services, file: string): Promise<string> {
  const result = await services.deployments.deploy({
    name: file,
    source: 'test',
    tenantId: null,
    enableDuplicateFiltering: false,
    deployChangedOnly: false,
    resources: [{ name: file, content: Buffer.from(fixture(file)) }],
  });
  return result.definitions![0]!.id;
}

export async function start(services: Services, definitionId: string, variables: Record<string, unknown>, businessKey?: string): Promise<string> {
  const { outcome } = await services.starter.start({ id: definitionId }, { variables, businessKey: businessKey ?? null });
  return outcome.instanceId;
}

/** POST /api/clock through the real route; answers the parsed body and status. */
export async function moveClock(app: FastifyInstance, body: Record<string, unknown>): Promise<{ status: number; body: any }> {
  const res = await app.inject({ method: 'POST', url: '/api/clock', payload: body });
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined };
}

export async function query<T = Record<string, any>>(services: Services, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await services.database.dataSource.query(sql, params)) as T[];
}

/** Completed runs of an activity in one instance: how often a timer's path was taken. */
export async function ended(services: Services, instanceId: string, activityId: string): Promise<Date[]> {
  const rows = await query<{ end_time: Date }>(
    services,
    `SELECT end_time FROM activity_instance WHERE process_instance_id = $1 AND activity_id = $2 AND end_time IS NOT NULL AND NOT canceled ORDER BY seq`,
    [instanceId, activityId],
  );
  return rows.map((r) => new Date(r.end_time));
}

export async function openTasks(services: Services, instanceId: string): Promise<Array<{ id: string; task_definition_key: string }>> {
  return query(services, `SELECT id, task_definition_key FROM task WHERE process_instance_id = $1 ORDER BY created, task_definition_key`, [instanceId]);
}

export async function timerRows(services: Services, instanceId?: string): Promise<Array<{ id: string; activity_id: string; execution_id: string; due_at: Date; attempts: number; error_message: string | null; repeat: number | null }>> {
  const rows = await query<any>(
    services,
    `SELECT id, activity_id, execution_id, due_at, attempts, error_message, repeat FROM timer_job ${instanceId ? 'WHERE process_instance_id = $1' : ''} ORDER BY due_at, activity_id`,
    instanceId ? [instanceId] : [],
  );
  return rows.map((r) => ({ ...r, due_at: new Date(r.due_at) }));
}

export async function revision(services: Services, instanceId: string): Promise<number> {
  const [row] = await query<{ revision: number }>(services, `SELECT revision FROM process_instance WHERE id = $1`, [instanceId]);
  return row!.revision;
}

export async function instanceState(services: Services, instanceId: string): Promise<string> {
  const [row] = await query<{ state: string }>(services, `SELECT state FROM process_instance WHERE id = $1`, [instanceId]);
  return row!.state;
}

/** Waits (real time, bounded) for work already under way, e.g. a BullMQ worker's firing. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return check();
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
