import type { Logger } from 'pino';

export interface SmsMessage {
  to: string;
  text: string;
  /** The external task the message belongs to; providers that accept a client reference should pass it on. */
  reference: string;
}

/**
 * The seam to an SMS gateway. A county plugs in its operator's HTTP API (China Mobile 云MAS,
 * Alibaba Cloud SMS, a provincial government gateway, …) by implementing `send`. Throw to
 * report a failure: the handler retries with backoff and raises an incident when retries run out.
 */
export interface SmsProvider {
  /** Stored in the outbox with each sent message. */
  readonly name: string;
  send(message: SmsMessage): Promise<{ messageId: string }>;
}

/**
 * The default provider: sends nothing, logs the message. Together with the outbox row the
 * handler writes, that is a full record of what would have gone out — enough for a pilot and
 * for tests, and the first thing to replace in production.
 */
export class LogSmsProvider implements SmsProvider {
  readonly name = 'log';
  readonly sent: SmsMessage[] = [];

  constructor(private readonly logger: Logger) {}

  async send(message: SmsMessage): Promise<{ messageId: string }> {
    this.sent.push(message);
    this.logger.info({ to: message.to, text: message.text, reference: message.reference }, 'SMS (log provider: logged, not sent)');
    return { messageId: `log-${message.reference}` };
  }
}
