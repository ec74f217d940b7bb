/**
 * Types for camunda-external-task-client-js 3.x, which ships none: the part of its API the
 * worker and the tests use, read from the package's own source (lib/Client.js,
 * lib/TaskService.js, lib/Variables.js, lib/__internal/EngineError.js).
 */
declare module 'camunda-external-task-client-js' {
  import type { EventEmitter } from 'node:events';

  export interface TypedValue {
    type: string;
    value: unknown;
    valueInfo?: Record<string, unknown>;
  }

  export class Variables {
    constructor(initialVariables?: Record<string, TypedValue>, options?: { readOnly?: boolean });
    get<T = unknown>(name: string): T;
    getTyped(name: string): TypedValue | undefined;
    getAll(): Record<string, unknown>;
    getAllTyped(): Record<string, TypedValue>;
    getDirtyVariables(): Record<string, TypedValue>;
    set(name: string, value: unknown): this;
    setTyped(name: string, typedValue: TypedValue): this;
    setTransient(name: string, value: unknown): this;
    setAll(values: Record<string, unknown>): this;
    setAllTyped(values: Record<string, TypedValue>): this;
  }

  /** A locked task as fetchAndLock answered it, with `variables` wrapped read-only. */
  export interface Task {
    id: string;
    topicName: string;
    workerId: string;
    activityId: string;
    activityInstanceId: string;
    executionId: string;
    processInstanceId: string;
    processDefinitionId: string;
    processDefinitionKey: string;
    processDefinitionVersionTag: string | null;
    businessKey: string | null;
    tenantId: string | null;
    retries: number | null;
    errorMessage: string | null;
    errorDetails: string | null;
    priority: number;
    lockExpirationTime: string;
    createTime: string;
    extensionProperties?: Record<string, string>;
    variables: Variables;
  }

  export interface HandleFailureOptions {
    errorMessage?: string;
    errorDetails?: string;
    retries?: number;
    retryTimeout?: number;
    variables?: Record<string, TypedValue>;
    localVariables?: Record<string, TypedValue>;
  }

  export interface TaskService {
    complete(task: Task | string, variables?: Variables, localVariables?: Variables): Promise<void>;
    handleFailure(task: Task | string, options?: HandleFailureOptions): Promise<void>;
    handleBpmnError(task: Task | string, errorCode: string, errorMessage?: string, variables?: Variables): Promise<void>;
    extendLock(task: Task | string, newDuration: number): Promise<void>;
    lock(task: Task | string, duration: number): Promise<void>;
    unlock(task: Task | string): Promise<void>;
  }

  export type Handler = (args: { task: Task; taskService: TaskService }) => unknown;

  export interface SubscribeOptions {
    lockDuration?: number;
    variables?: string[];
    businessKey?: string;
    processDefinitionId?: string;
    processDefinitionIdIn?: string[];
    processDefinitionKey?: string;
    processDefinitionKeyIn?: string[];
    processDefinitionVersionTag?: string;
    processVariables?: Record<string, unknown>;
    tenantIdIn?: string[];
    withoutTenantId?: boolean;
    localVariables?: boolean;
    includeExtensionProperties?: boolean;
  }

  export interface TopicSubscription extends SubscribeOptions {
    handler: Handler;
    unsubscribe(): void;
  }

  export type Interceptor = (options: Record<string, unknown>) => Record<string, unknown>;

  export interface ClientOptions {
    baseUrl: string;
    workerId?: string;
    maxTasks?: number;
    maxParallelExecutions?: number;
    interval?: number;
    lockDuration?: number;
    autoPoll?: boolean;
    asyncResponseTimeout?: number;
    usePriority?: boolean;
    sorting?: Array<{ sortBy: 'createTime'; sortOrder: 'asc' | 'desc' }>;
    interceptors?: Interceptor | Interceptor[];
    use?: ((client: Client) => void) | Array<(client: Client) => void>;
  }

  /** Emits `poll:start|success|error|stop`, `complete:success|error`, `handleFailure:…`, `handleBpmnError:…`, … */
  export class Client extends EventEmitter {
    constructor(options: ClientOptions);
    readonly options: ClientOptions & { workerId: string };
    readonly taskService: TaskService;
    start(): void;
    stop(): void;
    subscribe(topic: string, handler: Handler): TopicSubscription;
    subscribe(topic: string, options: SubscribeOptions, handler: Handler): TopicSubscription;
  }

  /** What every TaskService call rejects with on a non-2xx answer. */
  export interface EngineError extends Error {
    name: 'EngineError';
    httpStatusCode: number;
    type: string;
    engineMsg: string;
    code: number | null;
  }

  /** `new BasicAuthInterceptor({…})` returns the interceptor function itself. */
  export const BasicAuthInterceptor: new (options: { username: string; password: string }) => Interceptor;

  type LogLevel = 'error' | 'warn' | 'info' | 'verbose' | 'debug' | 'silly';
  /** Console logging of client events: `use: logger` or `use: logger.level('debug')`. */
  export const logger: ((client: Client) => void) & { level(level: LogLevel): (client: Client) => void };
}
