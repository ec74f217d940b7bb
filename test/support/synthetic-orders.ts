import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * Work orders written straight into `work_order` with a given projection: for statistics with
 * known answers and for the 100,000-row export benchmark. Driving each order through intake
 * and the engine would take seconds per order and tie every figure to a scheme's timings; the
 * per-scheme e2e tests (test/e2e/schemes/) cover that path. The columns are the ones intake and
 * the projector write (migrations/1732700000000-work-orders.ts, 1732850000000-work-order-ledger.ts).
 */
export interface SyntheticOrder {
  number: string;
  region: string;
  requestedAt: Date;
  /** Registration; default: 10 minutes after the request. */
  createdAt?: Date;
  category: string;
  channel: string;
  content: string;
  requesterName?: string;
  requesterType?: 'person' | 'unit';
  unitContact?: string | null;
  phone?: string;
  status: 'dispatching' | 'handling' | 'reviewing' | 'callback' | 'closed' | 'cancelled';
  handlingUnit?: string | null;
  coUnits?: string[];
  dispatchedAt?: Date | null;
  dueAt?: Date | null;
  completedAt?: Date | null;
  callbackAt?: Date | null;
  satisfaction?: 'satisfied' | 'basicallySatisfied' | 'unsatisfied' | null;
  returnCount?: number;
  extensionCount?: number;
  redoCount?: number;
  redoneAt?: Date | null;
  reminderCount?: number;
  remindedAt?: Date | null;
  supervisionCount?: number;
  supervisedAt?: Date | null;
}

const BATCH = 2000;

export async function insertOrders(dataSource: DataSource, orders: readonly SyntheticOrder[]): Promise<void> {
  for (let i = 0; i < orders.length; i += BATCH) {
    const rows = orders.slice(i, i + BATCH).map((o) => ({
      id: randomUUID(),
      number: o.number,
      region: o.region,
      requester_type: o.requesterType ?? 'person',
      requester_name: o.requesterName ?? '张三',
      unit_contact: o.unitContact ?? null,
      phone: o.phone ?? '13812345678',
      requested_at: o.requestedAt.toISOString(),
      channel: o.channel,
      category: o.category,
      content: o.content,
      definition_id: 'synthetic',
      request_hash: 'synthetic',
      created_at: (o.createdAt ?? new Date(o.requestedAt.getTime() + 600_000)).toISOString(),
      status: o.status,
      handling_unit: o.handlingUnit ?? null,
      co_units: o.coUnits ?? [],
      dispatched_at: o.dispatchedAt?.toISOString() ?? null,
      due_at: o.dueAt?.toISOString() ?? null,
      completed_at: o.completedAt?.toISOString() ?? null,
      callback_at: o.callbackAt?.toISOString() ?? null,
      satisfaction: o.satisfaction ?? null,
      return_count: o.returnCount ?? 0,
      extension_count: o.extensionCount ?? 0,
      redo_count: o.redoCount ?? 0,
      redone_at: o.redoneAt?.toISOString() ?? null,
      reminder_count: o.reminderCount ?? 0,
      reminded_at: o.remindedAt?.toISOString() ?? null,
      supervision_count: o.supervisionCount ?? 0,
      supervised_at: o.supervisedAt?.toISOString() ?? null,
    }));
    await dataSource.transaction((tx) =>
      tx.query(
        `INSERT INTO work_order (id, number, region, requester_type, requester_name, unit_contact, phone, requested_at, channel, category, content,
           definition_id, request_hash, created_at, updated_at, status, handling_unit, co_units, dispatched_at, due_at, completed_at, callback_at,
           satisfaction, return_count, extension_count, redo_count, redone_at, reminder_count, reminded_at, supervision_count, supervised_at)
         SELECT id, number, region, requester_type, requester_name, unit_contact, phone, requested_at, channel, category, content,
           definition_id, request_hash, created_at, created_at, status, handling_unit, co_units, dispatched_at, due_at, completed_at, callback_at,
           satisfaction, return_count, extension_count, redo_count, redone_at, reminder_count, reminded_at, supervision_count, supervised_at
         FROM jsonb_to_recordset($1::jsonb) AS r(id text, number text, region text, requester_type text, requester_name text, unit_contact text,
           phone text, requested_at timestamptz, channel text, category text, content text, definition_id text, request_hash text,
           created_at timestamptz, status text, handling_unit text, co_units text[], dispatched_at timestamptz, due_at timestamptz,
           completed_at timestamptz, callback_at timestamptz, satisfaction text, return_count int, extension_count int, redo_count int,
           redone_at timestamptz, reminder_count int, reminded_at timestamptz, supervision_count int, supervised_at timestamptz)`,
        [JSON.stringify(rows)],
      ),
    );
  }
}
