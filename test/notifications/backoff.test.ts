import t from 'tap';
import type { HandleFailureOptions, Task, TaskService } from 'camunda-external-task-client-js';
import { reportFailure } from '../../src/worker/index.js';

// The worker's failure reports as the service receives them: retries count down on the service,
// the wait doubles from the first, the last failure raises an incident (retries 0).
t.test('backoff doubles per failure; retries run out into an incident', async (t) => {
  const reports: HandleFailureOptions[] = [];
  const taskService = { handleFailure: async (_task: Task, o: HandleFailureOptions) => void reports.push(o) } as unknown as TaskService;
  let retries: number | null = null;
  for (let i = 0; i < 4; i++) {
    await reportFailure(taskService, { id: 'et', retries } as Task, new Error('网关超时'), { retries: 3, firstTimeoutMs: 30_000 });
    retries = reports.at(-1)!.retries!;
  }
  t.same(reports.map((r) => [r.retries, r.retryTimeout]), [[3, 30_000], [2, 60_000], [1, 120_000], [0, 0]]);
  t.equal(reports[0]!.errorMessage, '网关超时');
});
