import { randomUUID } from 'node:crypto';
import type { Clock } from '../../clock/index.js';
import * as sql from '../sql/sms-outbox.js';

/** One message as the handler hands it to the outbox. */
export interface OutgoingSms {
  externalTaskId: string;
  processInstanceId: string | null;
  businessKey: string | null;
  activityId: string | null;
  to: string;
  text: string;
  template: string | null;
  /** Whom the diagram addressed: a unit (`recipientUnit`) and/or a role (`unit-head`, `requester`, …). */
  recipientUnit?: string | null;
  recipientRole?: string | null;
}

export interface OutboxEntry {
  id: string;
  externalTaskId: string;
  to: string;
  text: string;
  status: 'pending' | 'sent' | 'failed';
  providerMessageId: string | null;
  /** How many deliveries of the task reached the outbox, this one included. */
  attempts: number;
}

/**
 * Where sent (and to-be-sent) messages are recorded. One entry per external task: a task
 * delivered twice finds its entry and does not send again once it is `sent`.
 */
export interface SmsOutbox {
  reserve(sms: OutgoingSms): Promise<OutboxEntry>;
  markSent(externalTaskId: string, provider: string, providerMessageId: string): Promise<void>;
  markFailed(externalTaskId: string, error: string): Promise<void>;
}

/** Runs one statement and returns its rows (a `pg.Pool` adapted by `fromPgPool`). */
export type SqlRunner = (text: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>;

export function fromPgPool(pool: { query(text: string, params: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }> }): SqlRunner {
  return async (text, params) => (await pool.query(text, params)).rows;
}

/** The `sms_outbox` table of the service's PostgreSQL (the service's migrations create it). */
export class PgSmsOutbox implements SmsOutbox {
  constructor(
    private readonly run: SqlRunner,
    private readonly clock: Clock,
  ) {}

  async reserve(sms: OutgoingSms): Promise<OutboxEntry> {
    const [row] = await this.run(sql.reserveSms, [
      randomUUID(), sms.externalTaskId, sms.processInstanceId, sms.businessKey, sms.activityId, sms.to, sms.template, sms.text, this.clock.now(),
      sms.recipientUnit ?? null, sms.recipientRole ?? null,
    ]);
    return {
      id: String(row!.id),
      externalTaskId: String(row!.external_task_id),
      to: String(row!.recipient),
      text: String(row!.body),
      status: row!.status as OutboxEntry['status'],
      providerMessageId: (row!.provider_message_id as string | null) ?? null,
      attempts: Number(row!.attempts),
    };
  }

  async markSent(externalTaskId: string, provider: string, providerMessageId: string): Promise<void> {
    await this.run(sql.markSent, [externalTaskId, provider, providerMessageId, this.clock.now()]);
  }

  async markFailed(externalTaskId: string, error: string): Promise<void> {
    await this.run(sql.markFailed, [externalTaskId, error]);
  }
}

/** For a worker started without DATABASE_URL (and for tests): the outbox lives as long as the process. */
export class MemorySmsOutbox implements SmsOutbox {
  readonly entries = new Map<string, OutboxEntry & { provider?: string; lastError?: string }>();

  async reserve(sms: OutgoingSms): Promise<OutboxEntry> {
    const existing = this.entries.get(sms.externalTaskId);
    if (existing) {
      existing.attempts++;
      return { ...existing };
    }
    const entry = { id: randomUUID(), externalTaskId: sms.externalTaskId, to: sms.to, text: sms.text, status: 'pending' as const, providerMessageId: null, attempts: 1 };
    this.entries.set(sms.externalTaskId, entry);
    return { ...entry };
  }

  async markSent(externalTaskId: string, provider: string, providerMessageId: string): Promise<void> {
    const e = this.entries.get(externalTaskId);
    if (e) Object.assign(e, { status: 'sent', provider, providerMessageId });
  }

  async markFailed(externalTaskId: string, error: string): Promise<void> {
    const e = this.entries.get(externalTaskId);
    if (e && e.status !== 'sent') Object.assign(e, { status: 'failed', lastError: error });
  }
}
