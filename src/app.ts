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
import { actorOf, authPlugin, scopeOfRequest, viewerOf } from './auth/index.js';
import { authRoutes } from './rest/auth/index.js';
import { userRoutes, unitRoutes } from './rest/admin/index.js';
import { guidingCaseRoutes } from './rest/guiding-cases/index.js';
import { notificationRoutes } from './rest/notifications/index.js';
import { uiRoutes } from './rest/ui/index.js';

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
  // First, so its hooks guard every route registered after it, other modules' included (docs/auth.md).
  await app.register(authPlugin, { users: services.users, audit: services.audit, jwtSecret: services.jwtSecret, database: services.database.dataSource });
  await app.register(swagger, {
    openapi: {
      info: { title: 'suqiu 诉求 — Camunda 7 compatible REST API', version: '1.0.0' },
      tags: ['deployment', 'process-definition', 'process-instance', 'task', 'message', 'history', 'external-task', 'engine', 'regions', 'calendar', 'auth', 'users', 'units', 'ui'].map((name) => ({ name })),
    },
  });
  for (const prefix of ['/engine-rest', '/engine-rest/engine/default']) {
    await app.register(camundaRestPlugin, { prefix, routes: engineRestRoutes, bodyLimit: services.config.bodyLimit });
  }
  await app.register(regionRoutes);
  // The signed-in user's role masks requesters; their unit scope hides other units' orders (404).
  await app.register(workOrderRoutes, { prefix: '/api/work-orders', viewerOf });
  // The ledger follows the work-order list: the user's scope limits its rows, the role masks requesters.
  await app.register(ledgerRoutes, { prefix: '/api/ledger', viewerOf });
  // Statistics count the user's region only (src/rest/stats: why not the unit).
  await app.register(statsRoutes, { prefix: '/api/stats', scopeOf: scopeOfRequest });
  // Records `request.user` as proposer / reviewer once authentication sets it; else the body's `actor`.
  await app.register(guidingCaseRoutes, { actorOf: (request) => actorOf(request) ?? undefined });
  // No `viewerOf` yet, as for work orders: a requester's number is unmasked until roles arrive.
  await app.register(notificationRoutes, { prefix: '/api/work-orders/:id/notifications' });
  // Reads for everyone signed in, writes for administrators: src/access/route-permissions.ts.
  await app.register(calendarRoutes, { prefix: '/api/calendar', calendars: services.calendars });
  // Only a TEST_CLOCK=1 service (refused in production) lets anyone move time; otherwise 404.
  if (services.config.testClock) await app.register(clockRoutes, { prefix: '/api/clock' });
  await app.register(authRoutes, { prefix: '/api/auth' });
  await app.register(userRoutes, { prefix: '/api/users' });
  await app.register(unitRoutes, { prefix: '/api/units' });
  // Last: the console's static files take `/` and whatever no API route matched.
  await app.register(uiRoutes, { uiDir: services.config.uiDir });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  return app;
}
