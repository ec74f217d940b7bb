import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import type { Logger } from 'pino';
import type { Services } from './services.js';
import { camundaRestPlugin } from './rest/camunda/index.js';
import { engineRestRoutes } from './rest/engine-rest/index.js';
import { calendarRoutes } from './rest/calendar/index.js';
import { regionRoutes } from './rest/regions/index.js';
import { workOrderRoutes } from './rest/work-orders/index.js';
import { ledgerRoutes } from './rest/ledger/index.js';
import { statsRoutes } from './rest/stats/index.js';
import { clockRoutes } from './rest/clock/index.js';
import { guidingCaseRoutes } from './rest/guiding-cases/index.js';
import { notificationRoutes } from './rest/notifications/index.js';

export interface BuildAppOptions {
  services: Services;
  logger: Logger;
}

/**
 * The HTTP face: Camunda 7 REST under `/engine-rest` (and `/engine-rest/engine/default`, the
 * path some clients build from the engine name), the OpenAPI document at `/openapi.json`.
 */
export async function buildApp({ services, logger }: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: services.config.bodyLimit,
    return503OnClosing: true,
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false } },
  });
  app.decorate('services', services);
  await app.register(swagger, {
    openapi: {
      info: { title: 'suqiu 诉求 — Camunda 7 compatible REST API', version: '1.0.0' },
      tags: ['deployment', 'process-definition', 'process-instance', 'task', 'message', 'history', 'external-task', 'engine', 'regions', 'calendar'].map((name) => ({ name })),
    },
  });
  for (const prefix of ['/engine-rest', '/engine-rest/engine/default']) {
    await app.register(camundaRestPlugin, { prefix, routes: engineRestRoutes, bodyLimit: services.config.bodyLimit });
  }
  await app.register(regionRoutes);
  // No `viewerOf` yet: requester data is unmasked until authentication supplies roles.
  await app.register(workOrderRoutes, { prefix: '/api/work-orders' });
  await app.register(ledgerRoutes, { prefix: '/api/ledger' });
  await app.register(statsRoutes, { prefix: '/api/stats' });
  // Records `request.user` as proposer / reviewer once authentication sets it; else the body's `actor`.
  await app.register(guidingCaseRoutes);
  // No `viewerOf` yet, as for work orders: a requester's number is unmasked until roles arrive.
  await app.register(notificationRoutes, { prefix: '/api/work-orders/:id/notifications' });
  // No `authorize` yet: authentication arrives in a later issue (see rest/calendar/access.ts).
  await app.register(calendarRoutes, { prefix: '/api/calendar', calendars: services.calendars });
  // Only a TEST_CLOCK=1 service (refused in production) lets anyone move time; otherwise 404.
  if (services.config.testClock) await app.register(clockRoutes, { prefix: '/api/clock' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  return app;
}
