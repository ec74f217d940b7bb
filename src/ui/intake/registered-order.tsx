/**
 * After registration: the new order (number, status, where it went) and its open tasks. When the
 * scheme's next step is the desk's own dispatch task, its form is right here (the generic task
 * form), so the dispatcher dispatches at once; afterwards the page says to which unit it went,
 * with that unit's task and deadline.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../shared/api.js';
import { ErrorBanner, Loading } from '../shared/components.js';
import { useServerNow } from '../shared/clock.js';
import { TaskForm, type VariableMap } from '../shared/forms/index.js';
import { deadlineState, formatDateTime, timeLeftText } from '../shared/format.js';
import type { Session } from '../shared/session.js';
import type { RegisteredOrder, Unit } from './intake-form.js';
import { kindOf } from './task-kinds.js';
import type { EngineTask } from './task-queue.js';

interface Snapshot {
  order: RegisteredOrder;
  /** Open tasks offered to the desk's unit (or every open task for a user without a unit). */
  mine: EngineTask[];
  /** The other open tasks: the handling unit's. */
  others: EngineTask[];
}

async function snapshot(orderId: string, unit: string | null): Promise<Snapshot> {
  const order = await api<RegisteredOrder>(`/api/work-orders/${encodeURIComponent(orderId)}`);
  const all = await api<EngineTask[]>('/engine-rest/task', { query: { processInstanceId: order.processInstanceId, sortBy: 'created', sortOrder: 'asc' } });
  const ownIds = unit
    ? new Set((await api<EngineTask[]>('/engine-rest/task', { query: { processInstanceId: order.processInstanceId, candidateGroup: unit, includeAssignedTasks: true } })).map((t) => t.id))
    : new Set(all.map((t) => t.id));
  return { order, mine: all.filter((t) => ownIds.has(t.id)), others: all.filter((t) => !ownIds.has(t.id)) };
}

export function RegisteredOrderPanel({ orderId, session, units, onChanged }: { orderId: string; session: Session; units: Unit[]; onChanged: () => void }) {
  const [snap, setSnap] = useState<Snapshot | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [dispatchedTo, setDispatchedTo] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const now = useServerNow();
  const unitName = (id: string | null) => (id ? units.find((u) => u.id === id)?.name ?? id : '—');

  useEffect(() => {
    let live = true;
    snapshot(orderId, session.user.unitId)
      .then((s) => live && (setSnap(s), setError(null)))
      .catch((err: unknown) => live && setError(err));
    return () => {
      live = false;
    };
  }, [orderId, tick]);

  if (error) return <ErrorBanner error={error} />;
  if (!snap) return <Loading />;
  const { order, mine, others } = snap;
  const dispatchTask = mine.find((t) => kindOf(t) === 'dispatch');
  const dispatched = (variables: VariableMap) => {
    const unit = variables.unit?.value;
    setDispatchedTo(typeof unit === 'string' ? unit : null);
    setTick((n) => n + 1);
    onChanged();
  };
  const handlingUnit = order.handlingUnit ?? order.currentUnit ?? dispatchedTo;

  return (
    <section class="panel registered-order" aria-label="登记结果">
      <h2>
        已登记工单 <a href={`#/orders/${order.id}`}>{order.number}</a> <span class="tag">{order.status}</span>
      </h2>
      {dispatchedTo && (
        <p class="banner banner-info dispatched" role="status">
          已派单至 <strong>{unitName(handlingUnit)}</strong>
          {others[0] && (
            <>
              ：{others[0].name}，办理时限 {formatDateTime(others[0].due ?? order.dueAt)}
            </>
          )}
        </p>
      )}
      <table class="data">
        <thead>
          <tr>
            <th>当前环节</th>
            <th>办理单位</th>
            <th>办理时限</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {[...mine, ...others].map((t) => (
            <tr key={t.id}>
              <td>{t.name}</td>
              <td>{mine.includes(t) ? unitName(session.user.unitId) : unitName(handlingUnit)}</td>
              <td>
                {t.due ? (
                  <>
                    {formatDateTime(t.due)} <span class={`tag ${deadlineState(t.due, now, t.created)}`}>{timeLeftText(t.due, now)}</span>
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td>
                <a href={`#/tasks/${t.id}`}>{mine.includes(t) ? '办理' : '查看'}</a>
              </td>
            </tr>
          ))}
          {mine.length + others.length === 0 && (
            <tr>
              <td colSpan={4} class="muted">
                暂无待办环节（可能正由系统自动处理）
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {dispatchTask && (
        <div class="dispatch-step">
          <h3>{dispatchTask.name}</h3>
          <TaskForm key={dispatchTask.id} taskId={dispatchTask.id} submitLabel="派单" onCompleted={dispatched} />
        </div>
      )}
      <p>
        <a href={`#/orders/${order.id}`}>查看工单详情与办理过程 →</a>
      </p>
    </section>
  );
}
