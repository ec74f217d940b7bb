import type { Services } from '../../services.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The process's services, decorated on the root instance by `buildApp`. */
    services: Services;
  }
}
export type { Services };
