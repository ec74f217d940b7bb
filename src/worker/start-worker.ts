import { BasicAuthInterceptor, Client, type Interceptor, type Task, type TaskService } from 'camunda-external-task-client-js';
import type { Logger } from 'pino';
import { reportFailure } from './retry.js';
import type { TopicHandler } from './topic-handler.js';

export interface WorkerOptions {
  /** e.g. http://127.0.0.1:3000/engine-rest */
  baseUrl: string;
  workerId: string;
  topics: TopicHandler[];
  logger: Logger;
  maxTasks?: number;
  /** Tasks handled at once; the client does not poll while all slots are busy (default: maxTasks). */
  maxParallelExecutions?: number;
  /** Lease per task (ms); a handler that needs longer calls `extendLock`. */
  lockDuration?: number;
  /** Long polling: how long the service may hold an empty poll (ms). */
  asyncResponseTimeout?: number;
  /** Pause between polls (ms). */
  interval?: number;
  auth?: { username: string; password: string };
}

export interface RunningWorker {
  client: Client;
  /** Stops polling and waits for the tasks in hand to finish. */
  stop(): Promise<void>;
}

/**
 * A camunda-external-task-client-js client serving `topics`: the one place that knows the
 * client library. Each handler gets the task and the TaskService; anything it throws is
 * reported as a failure (retries with backoff), so no task is left locked by a crash in code.
 */
export function startWorker(o: WorkerOptions): RunningWorker {
  // The client refuses an empty interceptor list.
  const interceptors: Interceptor[] | undefined = o.auth ? [new BasicAuthInterceptor(o.auth)] : undefined;
  const client = new Client({
    baseUrl: o.baseUrl,
    workerId: o.workerId,
    maxTasks: o.maxTasks ?? 10,
    ...(o.maxParallelExecutions !== undefined && { maxParallelExecutions: o.maxParallelExecutions }),
    lockDuration: o.lockDuration ?? 60_000,
    asyncResponseTimeout: o.asyncResponseTimeout ?? 30_000,
    interval: o.interval ?? 300,
    usePriority: true,
    autoPoll: false,
    ...(interceptors && { interceptors }),
  });
  const inFlight = new Set<Promise<void>>();
  const log = o.logger;

  for (const topic of o.topics) {
    const run = async ({ task, taskService }: { task: Task; taskService: TaskService }) => {
      const started = performance.now();
      try {
        await topic.handle({ task, taskService });
        log.info({ topic: topic.topic, externalTaskId: task.id, businessKey: task.businessKey, ms: Math.round(performance.now() - started) }, 'task handled');
      } catch (err) {
        log.error({ error: err instanceof Error ? err.message : String(err), topic: topic.topic, externalTaskId: task.id }, 'task handler failed');
        // The failure report itself may fail (service down): the lease then runs out and the task comes back.
        await reportFailure(taskService, task, err).catch((reportErr: unknown) => log.error({ error: String(reportErr), externalTaskId: task.id }, 'could not report the failure'));
      }
    };
    client.subscribe(topic.topic, topic.options ?? {}, (args) => {
      const p = run(args).finally(() => inFlight.delete(p));
      inFlight.add(p);
      return p;
    });
  }
  // The client re-polls every `interval` while the service is down: log each new kind of failure once.
  let lastPollError: string | undefined;
  client.on('poll:error', (err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    if (message !== lastPollError) log.warn({ error: message }, 'fetchAndLock failed; polling again');
    lastPollError = message;
  });
  client.on('poll:success', () => {
    if (lastPollError !== undefined) log.info('fetchAndLock works again');
    lastPollError = undefined;
  });
  client.start();
  log.info({ baseUrl: o.baseUrl, workerId: o.workerId, topics: o.topics.map((t) => t.topic) }, 'worker polling');

  return {
    client,
    async stop() {
      client.stop();
      await Promise.allSettled([...inFlight]);
    },
  };
}
