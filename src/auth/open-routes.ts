/**
 * What answers without credentials: the API version the Modeler probes before it asks for a
 * password, sign-in, the health check and the OpenAPI document. Anything outside /api and
 * /engine-rest is open for GET (static files); other modules put their routes under /api. Decided on the matched route pattern, never on the
 * raw path, so an encoded or odd URL cannot reach a closed route as an open one.
 */
const OPEN_ROUTES = new Set([
  '/engine-rest/version',
  '/engine-rest/engine/default/version',
  '/api/auth/login',
  '/health',
  '/openapi.json',
]);

const READS = new Set(['GET', 'HEAD']);

/** `route`: the matched pattern (undefined for a 404); `path`: the URL without its query. */
export function isOpen(route: string | undefined, method: string, path: string): boolean {
  if (route !== undefined) return OPEN_ROUTES.has(route) || (!isProtectedPath(route) && READS.has(method));
  // No route: the answer is a 404; under /api and /engine-rest only a signed-in user learns that.
  return !isProtectedPath(decode(path));
}

function isProtectedPath(path: string): boolean {
  const p = path.toLowerCase();
  return p === '/api' || p.startsWith('/api/') || p === '/engine-rest' || p.startsWith('/engine-rest/');
}

function decode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
