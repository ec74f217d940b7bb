import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';

/** The Camunda 7 version whose REST API this one follows; the Modeler reads it. */
export const CAMUNDA_COMPATIBLE_VERSION = '7.24.0';

export const versionRoutes: FastifyPluginAsync = async (app) => {
  app.get('/version', {
    schema: { tags: ['engine'], summary: 'Camunda 7 API version served', response: { 200: Type.Object({ version: Type.String() }) } },
  }, async () => ({ version: CAMUNDA_COMPATIBLE_VERSION }));
};
