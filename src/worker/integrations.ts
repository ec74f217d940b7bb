import type { Logger } from 'pino';
import { IntegrationRejectedError } from './errors.js';

/** One message to a system outside suqiu (city 12345 platform, a department's inbox, 信访). */
export interface OutboundMessage {
  /** The topic it came from: `city-platform`, `notify`, `transfer`. */
  topic: string;
  /** What is asked: the task's `action` or `template` extension property. */
  action: string;
  /** Our business key (工单编号). */
  orderNo: string | null;
  /** The idempotency key for the receiver: the external task id. */
  reference: string;
  payload: Record<string, unknown>;
}

export interface OutboundReceipt {
  receipt: string;
  /** What the receiver answered, e.g. `{ redo: true }` from the city platform. */
  data: Record<string, unknown>;
}

/**
 * The seam to one outside system. A county implements `send` against its real interface;
 * throw IntegrationRejectedError for a refusal (→ incident), anything else for an outage (→ retries).
 */
export interface Integration {
  send(message: OutboundMessage): Promise<OutboundReceipt>;
}

/** Default: logs the message and answers a receipt; nothing leaves the machine. */
export class LogIntegration implements Integration {
  readonly sent: OutboundMessage[] = [];
  constructor(
    private readonly logger: Logger,
    private readonly answer: Record<string, unknown> = {},
  ) {}

  async send(message: OutboundMessage): Promise<OutboundReceipt> {
    this.sent.push(message);
    this.logger.info({ message }, `${message.topic} (log only, not sent)`);
    return { receipt: `log-${message.reference}`, data: { ...this.answer } };
  }
}

/** POSTs the message as JSON (bearer token optional); the JSON answer's `receipt` and the rest come back. */
export class HttpIntegration implements Integration {
  constructor(
    private readonly url: string,
    private readonly token?: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(message: OutboundMessage): Promise<OutboundReceipt> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await res.text();
    if (res.status >= 400 && res.status < 500) throw new IntegrationRejectedError(res.status, text);
    if (!res.ok) throw new Error(`${this.url} answered ${res.status}`);
    let data: Record<string, unknown> = {};
    try {
      const parsed = JSON.parse(text) as unknown;
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) data = parsed as Record<string, unknown>;
    } catch {
      // a plain-text receipt
    }
    return { receipt: typeof data.receipt === 'string' ? data.receipt : text, data };
  }
}
