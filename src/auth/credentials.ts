/** What an `Authorization` header carries. */
export type Credentials = { kind: 'bearer'; token: string } | { kind: 'basic'; username: string; password: string };

/**
 * `Bearer <jwt>` (our login tokens) or `Basic base64(user:password)` (Camunda Modeler and
 * camunda-external-task-client-js's BasicAuthInterceptor). Anything else: undefined (401).
 */
export function parseAuthorization(header: string | undefined): Credentials | undefined {
  if (!header) return undefined;
  const match = /^(\w+)\s+(\S+)\s*$/.exec(header);
  if (!match) return undefined;
  const scheme = match[1]!.toLowerCase();
  if (scheme === 'bearer') return { kind: 'bearer', token: match[2]! };
  if (scheme !== 'basic') return undefined;
  const decoded = Buffer.from(match[2]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return { kind: 'basic', username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
