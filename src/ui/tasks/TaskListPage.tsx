/**
 * 我的待办: the tasks of the user's unit and their own, nearest deadline first, with the time
 * left on the service's clock (red: overdue, yellow: due soon), and claim / unclaim / open.
 */
import { useEffect, useState } from 'preact/hooks';
import { Link, useLocation } from 'wouter-preact';
import { serverNow, syncClock, useServerNow } from '../shared/clock.js';
import { Empty, ErrorBanner, Loading, Notice, Page } from '../shared/components.js';
import { deadlineState, formatDateTime, timeLeftText } from '../shared/format.js';
import { useSession } from '../shared/session.js';
import { takeFlash } from './flash.js';
import { claim, loadTasks, unclaim, type TaskRow } from './task-api.js';

type Filter = 'all' | 'unclaimed' | 'mine';

const FILTERS: [Filter, string][] = [
  ['all', '全部'],
  ['unclaimed', '待签收'],
  ['mine', '我的'],
];

export function TaskListPage() {
  const session = useSession();
  const me = session?.user.username ?? '';
  useServerNow(); // re-renders every 30 s
  const now = serverNow();
  const [, navigate] = useLocation();
  const [rows, setRows] = useState<TaskRow[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Kept apart from load errors: the reload after a refused claim must not wipe the refusal.
  const [actionError, setActionError] = useState<unknown>(null);
  const [filter, setFilter] = useState<Filter>('all');
  const [notice, setNotice] = useState<string | null>(takeFlash);
  const [busy, setBusy] = useState<string | null>(null);

  const reload = () =>
    // The clock is read again with the tasks: after a test clock moves (or a PC's clock drifts)
    // "time left" must follow the service at once, not at the next minute's sync.
    Promise.all([loadTasks(), syncClock()])
      .then(([r]) => {
        setRows(r);
        setError(null);
      })
      .catch(setError);

  useEffect(() => {
    void reload();
  }, []);

  const act = async (taskId: string, what: () => Promise<void>, done: string) => {
    setBusy(taskId);
    setNotice(null);
    setActionError(null);
    try {
      await what();
      setNotice(done);
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(null);
      await reload();
    }
  };

  const shown = (rows ?? []).filter((t) => (filter === 'unclaimed' ? !t.assignee : filter === 'mine' ? t.assignee === me : true));
  const count = (f: Filter) => (rows ?? []).filter((t) => (f === 'unclaimed' ? !t.assignee : f === 'mine' ? t.assignee === me : true)).length;

  return (
    <Page title="我的待办" actions={<button type="button" onClick={() => void reload()}>刷新</button>}>
      {notice && <Notice>{notice}</Notice>}
      <ErrorBanner error={actionError} />
      <ErrorBanner error={error} />
      <div class="toolbar" role="tablist" aria-label="待办筛选">
        {FILTERS.map(([f, label]) => (
          <button key={f} type="button" role="tab" aria-selected={filter === f} class={filter === f ? 'primary' : ''} onClick={() => setFilter(f)}>
            {label}（{count(f)}）
          </button>
        ))}
        <span class="muted small">按办理时限排序；红色为已超期，黄色为即将到期</span>
      </div>
      {!rows && !error && <Loading />}
      {rows && shown.length === 0 && <Empty>暂无待办工单</Empty>}
      {shown.length > 0 && (
        <table class="data task-list" aria-label="待办列表">
          <thead>
            <tr>
              <th>工单编号 / 诉求内容</th>
              <th>环节</th>
              <th>接收时间</th>
              <th>办理时限</th>
              <th>剩余时间</th>
              <th>办理人</th>
              <th>操作</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((t) => {
              const state = deadlineState(t.due, now, t.created);
              return (
                <tr key={t.id} data-task={t.id} data-order={t.order?.number}>
                  <td class="order-cell">
                    {t.order ? <Link href={`/orders/${t.order.id}`}>{t.order.number}</Link> : <span class="muted">—</span>}
                    <div class="ellipsis muted" title={t.order?.content}>
                      {t.order ? `[${t.order.category}] ${t.order.content}` : ''}
                    </div>
                  </td>
                  <td>{t.name}</td>
                  <td>{formatDateTime(t.created)}</td>
                  <td>{formatDateTime(t.due)}</td>
                  <td>{state === 'none' ? <span class="muted">无时限</span> : <span class={`tag ${state}`}>{timeLeftText(t.due, now)}</span>}</td>
                  <td class="assignee">{t.assignee ? (t.assignee === me ? `${session?.user.displayName ?? me}（我）` : t.assignee) : <span class="muted">待签收</span>}</td>
                  <td class="actions">
                    {!t.assignee && (
                      <button type="button" disabled={busy === t.id} onClick={() => void act(t.id, () => claim(t.id, me), `已签收：${t.order?.number ?? t.name}`)}>
                        签收
                      </button>
                    )}
                    {t.assignee === me && (
                      <button type="button" disabled={busy === t.id} onClick={() => void act(t.id, () => unclaim(t.id), `已退回签收：${t.order?.number ?? t.name}`)}>
                        退回签收
                      </button>
                    )}
                    <button type="button" class="primary" onClick={() => navigate(`/tasks/${t.id}`)}>
                      办理
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Page>
  );
}
