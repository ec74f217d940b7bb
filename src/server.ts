import { pino } from 'pino';
import { loadConfig } from './config/index.js';
import { createServices } from './services.js';
import { buildApp } from './app.js';

/**
 * `npm start`: the service on its configured database (embedded PGlite in DATA_DIR when
 * DATABASE_URL is unset). SIGTERM/SIGINT stop taking requests, let running commands commit,
 * then close the database; a kill -9 instead loses nothing committed.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel, base: { node: config.nodeId } });
  const services = await createServices({ config, logger });
  const app = await buildApp({ services, logger });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    await app.close();
    await services.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
  logger.info({ database: services.database.kind, testClock: config.testClock }, 'suqiu listening');
}

main().catch((err: unknown) => {
  // Startup failures (bad config, database unreachable) go to stderr as one JSON line.
  pino().fatal({ err }, 'suqiu failed to start');
  process.exit(1);
});
