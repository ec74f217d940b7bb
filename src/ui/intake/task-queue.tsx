/**
 * 待办队列: the desk's open tasks (offered to the user's unit, or assigned to the user), grouped
 * as the desk works them — dispatch, review, callback (task-kinds.ts) — each linking to the task
 * page, which renders its form. The order number is the process instance's business key.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../shared/api.js';
import { ErrorBanner, Loading } from '../shared/components.js';
import { useServerNow } from '../shared/clock.js';
import { deadlineState, formatDateTime, timeLeftText } from '../shared/format.js';
import type { Session } from '../shared/session.js';
import { KIND_LABELS, KIND_ORDER, kindOf, type TaskKind } from './task-kinds.js';
import type { TaskInfo } from '../shared/forms/index.js';

/** A task as GET /engine-rest/task answers it (the task form's type: one Camunda task DTO). */
export type EngineTask = TaskInfo;

interface Instance {
  id: string;
  businessKey: string | null;
}

interface Queue {
  tasks: Array<EngineTask & { kind: TaskKind; orderNo: string | null }>;
}

export function TaskQueue({ session, refresh }: { session: Session; refresh: number }) {
  const [queue, setQueue] = useState<Queue | null>(null);
  const [error, setError] = useState<unknown>(null);
  const now = useServerNow();

  useEffect(() => {
    let live = true;
    loadQueue(session)
      .then((q) => live && (setQueue(q), setError(null)))
      .catch((err: unknown) => live && setError(err));
    return () => {
      live = false;
    };
  }, [session.user.unitId, refresh]);

  return (
    <section class="panel task-queue" aria-label="待办队列">
      <h2>待办队列</h2>
      <ErrorBanner error={error} />
      {!queue && !error && <Loading />}
      {queue && (
        <div class="queue-groups">
          {KIND_ORDER.filter((k) => k !== 'other' || queue.tasks.some((t) => t.kind === 'other')).map((kind) => {
            const tasks = queue.tasks.filter((t) => t.kind === kind);
            return (
              <section key={kind} class="queue-group" aria-label={KIND_LABELS[kind]} data-kind={kind}>
                <h3>
                  {KIND_LABELS[kind]} <span class="count">{tasks.length}</span>
                </h3>
                {tasks.length === 0 ? (
                  <p class="muted">暂无</p>
                ) : (
                  <ul>
                    {tasks.map((t) => {
                      const state = deadlineState(t.due, now, t.created);
                      return (
                        <li key={t.id}>
                          <a href={`#/tasks/${t.id}`}>{t.orderNo ?? t.processInstanceId.slice(0, 8)}</a>
                          <span class="task-name">{t.name}</span>
                          <span class="muted">{formatDateTime(t.created)}</span>
                          {t.due && <span class={`tag ${state}`}>{timeLeftText(t.due, now)}</span>}
                        </li>
                      );
                    })}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}
    </section>
  );
}

async function loadQueue(session: Session): Promise<Queue> {
  const unit = session.user.unitId;
  // A dispatcher sees every unit's work of its region; the desk's own is what its unit is offered.
  const tasks = await api<EngineTask[]>('/engine-rest/task', {
    query: unit ? { candidateGroup: unit, includeAssignedTasks: true, sortBy: 'created', sortOrder: 'asc', maxResults: 200 } : { sortBy: 'created', sortOrder: 'asc', maxResults: 200 },
  });
  const ids = [...new Set(tasks.map((t) => t.processInstanceId))];
  const instances = ids.length ? await api<Instance[]>('/engine-rest/process-instance', { query: { processInstanceIds: ids } }) : [];
  const numbers = new Map(instances.map((i) => [i.id, i.businessKey]));
  return { tasks: tasks.map((t) => ({ ...t, kind: kindOf(t), orderNo: numbers.get(t.processInstanceId) ?? null })) };
}
