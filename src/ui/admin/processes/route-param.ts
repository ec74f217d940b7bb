/** A path parameter as the router hands it: still URL-encoded (definition ids hold ':'), maybe with the hash's query. */
export function routeParam(raw: string): string {
  const path = raw.split('?')[0] ?? '';
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
