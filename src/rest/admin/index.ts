/**
 * The administration API: `/api/users` and `/api/units`. Register each with its prefix:
 *
 *   await app.register(userRoutes, { prefix: '/api/users' });
 *   await app.register(unitRoutes, { prefix: '/api/units' });
 */
export { userRoutes, userDto } from './users.js';
export { unitRoutes } from './units.js';
