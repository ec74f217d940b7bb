/**
 * 办理: the order the task belongs to, the task's form, and the order's story so far. A task
 * someone else holds is shown read-only; an unclaimed one is claimed first, so two people of a
 * unit do not fill in the same form (the service itself accepts a completion without a claim).
 */
import { useEffect, useState } from 'preact/hooks';
import { Link, useLocation } from 'wouter-preact';
import { api } from '../shared/api.js';
import { serverNow, syncClock, useServerNow } from '../shared/clock.js';
import { ErrorBanner, Loading, Page } from '../shared/components.js';
import { deadlineState, formatDateTime, timeLeftText } from '../shared/format.js';
import { TaskForm, type TaskInfo } from '../shared/forms/index.js';
import { useSession } from '../shared/session.js';
import { OrderSummary } from '../orders/OrderSummary.js';
import { Timeline } from '../orders/Timeline.js';
import type { WorkOrderDetail, WorkOrderPage } from '../orders/types.js';
import { setFlash } from './flash.js';
import { claim, unclaim } from './task-api.js';
import { AssignTask } from './AssignTask.js';

interface Loaded {
  task: TaskInfo;
  order: WorkOrderDetail | null;
}

async function load(id: string): Promise<Loaded> {
  const [task] = await Promise.all([api<TaskInfo>(`/engine-rest/task/${encodeURIComponent(id)}`), syncClock()]);
  // The business key is the order number; GET /api/work-orders/{id} takes the number too.
  const [instance] = await api<{ businessKey: string | null }[]>('/engine-rest/process-instance', { query: { processInstanceIds: task.processInstanceId } });
  let order: WorkOrderDetail | null = null;
  if (instance?.businessKey) order = await api<WorkOrderDetail>(`/api/work-orders/${encodeURIComponent(instance.businessKey)}`);
  else {
    const page = await api<WorkOrderPage>('/api/work-orders', { query: { maxResults: 500 } });
    const found = page.items.find((o) => o.processInstanceId === task.processInstanceId);
    if (found) order = await api<WorkOrderDetail>(`/api/work-orders/${encodeURIComponent(found.id)}`);
  }
  return { task, order };
}

export function TaskPage({ id }: { id: string }) {
  const session = useSession();
  const me = session?.user.username ?? '';
  useServerNow(); // re-renders every 30 s
  const now = serverNow();
  const [, navigate] = useLocation();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    load(id)
      .then((l) => live && setLoaded(l))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [id, tick]);

  const act = (what: () => Promise<void>) => {
    setError(null);
    // Reloaded either way: a refused claim (a colleague was quicker) shows who holds it now.
    what()
      .catch(setError)
      .finally(() => setTick((n) => n + 1));
  };

  const task = loaded?.task;
  const order = loaded?.order ?? null;
  const mine = task?.assignee === me;
  const state = task ? deadlineState(task.due, now, task.created) : 'none';

  return (
    <Page title={task?.name ?? '办理'} actions={<Link href="/tasks">返回我的待办</Link>}>
      <ErrorBanner error={error} />
      {!loaded && !error && <Loading />}
      {task && (
        <div class="task-page">
          <div class="task-main">
            <section class="panel task-head" aria-label="环节">
              <div>
                <span class="muted">接收于 {formatDateTime(task.created)}</span>
                {task.due && (
                  <>
                    <span class="muted">，时限 {formatDateTime(task.due)} </span>
                    <span class={`tag ${state}`}>{timeLeftText(task.due, now)}</span>
                  </>
                )}
              </div>
              <div class="task-claim">
                {!task.assignee && (
                  <>
                    <span class="banner-warn inline">此环节尚未签收，请先签收再办理</span>
                    <button type="button" class="primary" onClick={() => act(() => claim(task.id, me))}>
                      签收
                    </button>
                  </>
                )}
                {task.assignee && !mine && <span class="banner-warn inline">已由 {task.assignee} 签收办理，您只能查看</span>}
                {mine && (
                  <>
                    <span class="muted">办理人：{session?.user.displayName ?? me}（我）</span>
                    <button type="button" onClick={() => act(() => unclaim(task.id))}>
                      退回签收
                    </button>
                  </>
                )}
              </div>
              <AssignTask taskId={task.id} assignee={task.assignee} orderUnit={order?.currentUnit ?? order?.handlingUnit ?? null} onAssigned={() => setTick((n) => n + 1)} />
            </section>
            <section class="panel" aria-label="办理表单">
              <TaskForm
                key={`${task.id}-${task.assignee ?? ''}`}
                taskId={task.id}
                disabled={!mine}
                onCompleted={() => {
                  setFlash(`已提交：${order?.number ?? ''} ${task.name ?? ''}`.trim());
                  navigate('/tasks');
                }}
              />
            </section>
          </div>
          <aside class="task-side">
            {order ? (
              <>
                <section class="panel" aria-label="工单信息">
                  <h2>
                    工单 <Link href={`/orders/${order.id}`}>{order.number}</Link>
                  </h2>
                  <OrderSummary order={order} />
                </section>
                <section class="panel" aria-label="办理过程">
                  <h2>办理过程</h2>
                  <Timeline entries={order.timeline} />
                </section>
              </>
            ) : (
              <p class="muted">未找到此环节所属的工单。</p>
            )}
          </aside>
        </div>
      )}
    </Page>
  );
}
