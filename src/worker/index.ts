/**
 * The example external-task worker a county IT team copies (docs/external-tasks.md): a
 * camunda-external-task-client-js client serving the schemes' topics through /engine-rest.
 *
 * - `startWorker({ baseUrl, workerId, topics, logger })`: polling, error → failure reports.
 * - `smsTopic(...)`: notifications with a pluggable `SmsProvider` (default `LogSmsProvider`)
 *   and an idempotent outbox (`PgSmsOutbox` on the service's database, `MemorySmsOutbox`);
 *   units' phones from a `RecipientDirectory`, requesters' from the work order (`PgRequesterDirectory`).
 * - `cityPlatformTopic`, `notifyTopic`, `transferTopic`: hand-offs to outside systems through
 *   the `Integration` seam (default `LogIntegration`, or `HttpIntegration`).
 * - `main.ts` (npm run worker) wires them from the environment (`loadWorkerConfig`).
 */
export { startWorker, type WorkerOptions, type RunningWorker } from './start-worker.js';
export type { TopicHandler } from './topic-handler.js';
export { smsTopic, SMS_INVALID_RECIPIENT, type SmsTopicOptions } from './topics/sms.js';
export { cityPlatformTopic } from './topics/city-platform.js';
export { notifyTopic } from './topics/notify.js';
export { transferTopic } from './topics/transfer.js';
export { LogSmsProvider, type SmsProvider, type SmsMessage } from './sms/sms-provider.js';
export { PgSmsOutbox, MemorySmsOutbox, fromPgPool, type SmsOutbox, type OutgoingSms, type OutboxEntry, type SqlRunner } from './sms/sms-outbox.js';
export { PgRequesterDirectory, REQUESTER_ROLE, resolveRequester, type RequesterDirectory } from './sms/requester-directory.js';
export {
  StaticRecipientDirectory,
  DEFAULT_TEMPLATES,
  composeText,
  isPhoneNumber,
  resolveRecipient,
  type RecipientDirectory,
} from './sms/compose.js';
export { LogIntegration, HttpIntegration, type Integration, type OutboundMessage, type OutboundReceipt } from './integrations.js';
export { reportFailure, reportIncident, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.js';
export { loadWorkerConfig, type WorkerConfig } from './config.js';
export { InvalidRecipientError, MissingTextError, IntegrationRejectedError, InvalidWorkerConfigError } from './errors.js';
