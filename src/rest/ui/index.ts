/**
 * The web console: the built files of src/ui (dist/ui, `npm run build:ui`) at `/`, and
 * `/api/ui/context`, what the pages need from the service beyond the other APIs: the service's
 * own time (the console counts "time left" from it, so a TEST_CLOCK service shows the test's
 * time, not the browser's).
 *
 * Static files are open to everyone (src/auth/open-routes.ts): the pages hold no data; every
 * figure they show comes from /api or /engine-rest with the signed-in user's token. The console
 * routes with the URL hash (`/#/tasks`), so `/` is the only page and no fallback route is needed.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import fastifyStatic from '@fastify/static';
import { Type } from '@sinclair/typebox';
import { installCamundaConventions } from '../camunda/index.js';
import '../engine-rest/services-decorator.js';

export interface UiRoutesOptions {
  /** Folder of the built console; missing: the console is not served (a warning says why). */
  uiDir: string;
}

const ContextSchema = Type.Object({
  now: Type.String({ format: 'date-time' }),
  timeZone: Type.String(),
  testClock: Type.Boolean(),
});

export const uiRoutes: FastifyPluginAsync<UiRoutesOptions> = async (app, options) => {
  const root = resolve(options.uiDir);
  await app.register(async (api) => {
    installCamundaConventions(api);
    api.get(
      '/context',
      { schema: { tags: ['ui'], summary: 'The service time and time zone the console counts deadlines in', response: { 200: ContextSchema } } },
      async () => ({ now: app.services.clock.now().toISOString(), timeZone: 'Asia/Shanghai', testClock: app.services.config.testClock }),
    );
  }, { prefix: '/api/ui' });
  if (!existsSync(resolve(root, 'index.html'))) {
    app.log.warn({ uiDir: root }, 'web console not built (npm run build:ui): / is not served');
    return;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    // One route per built file, found at start: a catch-all `/*` would also answer unknown
    // /api paths, before authentication could refuse them.
    wildcard: false,
    index: ['index.html'],
    // index.html and app.js keep their names between builds; chunks carry a content hash.
    cacheControl: true,
    setHeaders(reply, path) {
      reply.header('cache-control', /[\\/]chunks[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
};
