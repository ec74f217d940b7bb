import pg from 'pg';
import { pino } from 'pino';
import { SystemClock } from '../clock/index.js';
import { loadWorkerConfig } from './config.js';
import { HttpIntegration, LogIntegration, type Integration } from './integrations.js';
import { StaticRecipientDirectory } from './sms/compose.js';
import { fromPgPool, MemorySmsOutbox, PgSmsOutbox } from './sms/sms-outbox.js';
import { PgRequesterDirectory } from './sms/requester-directory.js';
import { LogSmsProvider } from './sms/sms-provider.js';
import { startWorker } from './start-worker.js';
import { cityPlatformTopic } from './topics/city-platform.js';
import { notifyTopic } from './topics/notify.js';
import { smsTopic } from './topics/sms.js';
import { transferTopic } from './topics/transfer.js';
import type { TopicHandler } from './topic-handler.js';

/**
 * `npm run worker`: the external-task worker of the schemes' topics (sms, city-platform, notify,
 * transfer), talking to the service only through /engine-rest (ENGINE_REST_URL) like any Camunda
 * worker. Copy this file, keep the topics you need, and replace LogSmsProvider / LogIntegration
 * with your gateways.
 */
async function main(): Promise<void> {
  const config = loadWorkerConfig();
  const logger = pino({ level: config.logLevel, base: { worker: config.workerId } });
  const clock = new SystemClock();
  const integration = (url: string | undefined, token: string | undefined): Integration => (url ? new HttpIntegration(url, token) : new LogIntegration(logger));
  const pool = config.databaseUrl ? new pg.Pool({ connectionString: config.databaseUrl, max: 4 }) : undefined;
  if (!pool) logger.warn('DATABASE_URL is not set: the SMS outbox is kept in memory only');

  const all: TopicHandler[] = [
    smsTopic({
      provider: new LogSmsProvider(logger),
      outbox: pool ? new PgSmsOutbox(fromPgPool(pool), clock) : new MemorySmsOutbox(),
      recipients: new StaticRecipientDirectory(config.smsContacts),
      requesters: pool ? new PgRequesterDirectory(fromPgPool(pool)) : undefined,
      logger,
    }),
    cityPlatformTopic({ platform: integration(config.cityPlatformUrl, config.cityPlatformToken) }),
    notifyTopic({ delivery: integration(config.notifyUrl, config.integrationToken) }),
    transferTopic({ channel: integration(config.transferUrl, config.integrationToken) }),
  ];
  const topics = config.topics ? all.filter((t) => config.topics!.includes(t.topic)) : all;
  const worker = startWorker({
    baseUrl: config.engineRestUrl,
    workerId: config.workerId,
    topics,
    logger,
    maxTasks: config.maxTasks,
    lockDuration: config.lockDuration,
    asyncResponseTimeout: config.asyncResponseTimeout,
    auth: config.auth,
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'worker stopping; finishing the tasks in hand');
    await worker.stop();
    await pool?.end();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  pino().fatal({ err }, 'worker failed to start');
  process.exit(1);
});
