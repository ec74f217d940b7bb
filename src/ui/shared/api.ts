/**
 * The console's only way to the service: JSON over fetch with the signed-in user's Bearer
 * token. A 401 signs the user out (token expired, user disabled); every other refusal becomes an
 * ApiError carrying the service's own message (Camunda-style `{type, message}`), which pages show
 * as it is — the service already names the field at fault.
 */
import { getSession, setSession } from './session.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Query = Record<string, string | number | boolean | undefined | null | readonly string[]>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  /** Sent as JSON; a FormData is sent as multipart. */
  body?: unknown;
  headers?: Record<string, string>;
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) params.set(key, value.join(','));
    else params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

export async function request(path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const session = getSession();
  if (session) headers.authorization = `Bearer ${session.token}`;
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    // Exactly this content type: the Camunda-compatible routes refuse a charset suffix.
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(withQuery(path, options.query), { method: options.method ?? (body ? 'POST' : 'GET'), headers, body });
  if (response.status === 401 && session) {
    setSession(null);
    throw new ApiError(401, 'AuthenticationException', '登录已失效，请重新登录', null);
  }
  if (!response.ok) {
    let parsed: unknown = null;
    try {
      parsed = await response.json();
    } catch {
      /* not JSON: keep the status */
    }
    const p = parsed as { type?: string; message?: string } | null;
    throw new ApiError(response.status, p?.type ?? `HTTP ${response.status}`, p?.message ?? `${response.status} ${response.statusText}`, parsed);
  }
  return response;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await request(path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Downloads a file the service streams (the ledger's .xlsx) under the user's token. */
export async function download(path: string, query: Query | undefined, filename: string): Promise<void> {
  const response = await request(path, { query, headers: { accept: '*/*' } });
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
