import { Client, type ClientOptions, type EngineError, type Task, type TaskService } from 'camunda-external-task-client-js';
import { BasicAuthInterceptor } from 'camunda-external-task-client-js';
import { authedFetch, startTestApp, type TestApp } from '../support/harness.js';
import { fixture } from '../support/modeler.js';

export interface ExternalTaskTestApp extends TestApp {
  /** `http://127.0.0.1:<port>/engine-rest`: the real service, listening. */
  baseUrl: string;
  deploy(file: string): Promise<string>;
  start(definitionId: string, variables?: Record<string, unknown>, businessKey?: string): Promise<string>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  post(path: string, body?: unknown): Promise<{ status: number; contentType: string | null; body: any }>;
  get(path: string): Promise<{ status: number; contentType: string | null; body: any }>;
  put(path: string, body: unknown): Promise<{ status: number; body: any }>;
}

/** The whole service on port 0, plus small helpers to deploy, start and look into the database. */
export async function startExternalTaskApp(): Promise<ExternalTaskTestApp> {
  const ctx = await startTestApp();
  const address = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `${address}/engine-rest`;
  const fetch = authedFetch(ctx.admin.basic);
  const send = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // text/plain answers stay text
    }
    return { status: res.status, contentType: res.headers.get('content-type'), body: parsed as any };
  };
  return {
    ...ctx,
    baseUrl,
    async deploy(file) {
      const result = await ctx.services.deployments.deploy({
        name: file, source: 'test', tenantId: null, enableDuplicateFiltering: false, deployChangedOnly: false,
        resources: [{ name: file, content: Buffer.from(fixture(file)) }],
      });
      return result.definitions![0]!.id;
    },
    async start(definitionId, variables = {}, businessKey) {
      const { outcome } = await ctx.services.starter.start({ id: definitionId }, { variables, businessKey: businessKey ?? null });
      return outcome.instanceId;
    },
    async query(sql, params = []) {
      return (await ctx.services.database.dataSource.query(sql, params)) as any[];
    },
    post: (path, body) => send('POST', path, body),
    get: (path) => send('GET', path),
    put: (path, body) => send('PUT', path, body),
  };
}

/** A real camunda-external-task-client-js client that polls only when told (`pollOnce`). */
export function newClient(app: ExternalTaskTestApp, options: Partial<ClientOptions> = {}): Client {
  const auth = new BasicAuthInterceptor({ username: app.admin.username, password: app.admin.password });
  return new Client({ baseUrl: app.baseUrl, workerId: 'test-worker', autoPoll: false, interval: 50, lockDuration: 30_000, interceptors: auth, ...options });
}

/**
 * One poll of the client's own loop: start it, stop it once the first fetchAndLock answered.
 * Resolves with the tasks the server handed out (their handlers run right after).
 */
export function pollOnce(client: Client): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const onSuccess = (tasks: unknown[]) => {
      client.off('poll:error', onError);
      client.stop();
      resolve(tasks);
    };
    const onError = (err: unknown) => {
      client.off('poll:success', onSuccess);
      client.stop();
      reject(err);
    };
    client.once('poll:success', onSuccess);
    client.once('poll:error', onError);
    client.start();
  });
}

/** A handler whose calls the test awaits one by one. */
export function handlerQueue() {
  const waiting: Array<(v: { task: Task; taskService: TaskService }) => void> = [];
  const ready: Array<{ task: Task; taskService: TaskService }> = [];
  return {
    handler: (args: { task: Task; taskService: TaskService }) => {
      const next = waiting.shift();
      if (next) next(args);
      else ready.push(args);
    },
    next(): Promise<{ task: Task; taskService: TaskService }> {
      const first = ready.shift();
      return first ? Promise.resolve(first) : new Promise((resolve) => waiting.push(resolve));
    },
  };
}

/** The client's EngineError of a rejected TaskService call. */
export async function engineError(p: Promise<unknown>): Promise<EngineError> {
  try {
    await p;
  } catch (err) {
    return err as EngineError;
  }
  throw new Error('expected the engine to refuse');
}
