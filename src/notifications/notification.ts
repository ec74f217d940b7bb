/**
 * Where one SMS of a work order stands:
 * - `queued`: the step is waiting for a worker; nothing recorded yet
 * - `sending`: a worker recorded it and is handing it to the gateway
 * - `sent`: the gateway accepted it
 * - `retrying`: the gateway failed; the worker tries again at `nextAttemptAt` (backoff)
 * - `incident`: retries ran out, or the step cannot be sent as modelled; an operator must act
 * - `failed`: the gateway failed and the process moved on without it (the step was cancelled)
 */
export type NotificationState = 'queued' | 'sending' | 'sent' | 'retrying' | 'incident' | 'failed';

export interface Notification {
  /** The outbox row, or null while no worker has recorded the message. */
  id: string | null;
  externalTaskId: string;
  activityId: string | null;
  activityName: string | null;
  state: NotificationState;
  template: string | null;
  recipient: string | null;
  recipientUnit: string | null;
  recipientRole: string | null;
  text: string | null;
  provider: string | null;
  providerMessageId: string | null;
  /** Deliveries of the step that reached the outbox. */
  attempts: number;
  /** Retries the service still grants (null before the first failure). */
  retriesLeft: number | null;
  lastError: string | null;
  nextAttemptAt: Date | null;
  incidentAt: Date | null;
  createdAt: Date;
  sentAt: Date | null;
}

const date = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));
const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export function fromOutboxRow(r: Record<string, unknown>, now: Date): Notification {
  const incidentAt = date(r.incident_at);
  const lockedUntil = date(r.lock_expiration_time);
  const retries = r.retries === null || r.retries === undefined ? null : Number(r.retries);
  let state: NotificationState;
  if (r.status === 'sent') state = 'sent';
  else if (incidentAt) state = 'incident';
  else if (r.status === 'failed') state = r.task_open ? 'retrying' : 'failed';
  else state = 'sending';
  return {
    id: text(r.id),
    externalTaskId: String(r.external_task_id),
    activityId: text(r.activity_id),
    activityName: text(r.activity_name),
    state,
    template: text(r.template),
    recipient: text(r.recipient),
    recipientUnit: text(r.recipient_unit),
    recipientRole: text(r.recipient_role),
    text: text(r.body),
    provider: text(r.provider),
    providerMessageId: text(r.provider_message_id),
    attempts: Number(r.attempts),
    retriesLeft: r.task_open ? retries : null,
    lastError: text(r.last_error) ?? text(r.error_message),
    // After a failure the service holds the task back until then (handleFailure's retryTimeout).
    nextAttemptAt: state !== 'retrying' ? null : lockedUntil && lockedUntil > now ? lockedUntil : now,
    incidentAt,
    createdAt: date(r.created_at)!,
    sentAt: date(r.sent_at),
  };
}

export function fromUnrecordedTask(r: Record<string, unknown>): Notification {
  const incidentAt = date(r.incident_at);
  const props = (r.extension_properties ?? {}) as Record<string, unknown>;
  return {
    id: null,
    externalTaskId: String(r.external_task_id),
    activityId: text(r.activity_id),
    activityName: text(r.activity_name),
    state: incidentAt ? 'incident' : 'queued',
    template: text(props.template),
    recipient: null,
    recipientUnit: null,
    recipientRole: null,
    text: null,
    provider: null,
    providerMessageId: null,
    attempts: 0,
    retriesLeft: r.retries === null || r.retries === undefined ? null : Number(r.retries),
    lastError: text(r.error_message),
    nextAttemptAt: null,
    incidentAt,
    createdAt: date(r.created_at)!,
    sentAt: null,
  };
}
