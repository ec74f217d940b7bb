/** 工单查询: every order the user may see, filtered, sorted and paged by the service. */
import { useState } from 'preact/hooks';
import { Link } from 'wouter-preact';
import { useApi } from '../shared/use-api.js';
import { serverNow, useServerNow } from '../shared/clock.js';
import { Empty, ErrorBanner, Loading, Page } from '../shared/components.js';
import { deadlineState, formatDateTime, formatDuration, timeLeftText } from '../shared/format.js';
import { useUnitNames } from './unit-names.js';
import { CATEGORY_OPTIONS, CHANNEL_OPTIONS, STATUS_OPTIONS, type WorkOrder, type WorkOrderPage } from './types.js';

const PAGE_SIZE = 20;

type SortKey = 'createdAt' | 'requestedAt' | 'dueAt' | 'number' | 'status' | 'updatedAt';

interface Filters {
  status: string;
  category: string;
  channel: string;
  overdue: string;
  text: string;
}

const NO_FILTERS: Filters = { status: '', category: '', channel: '', overdue: '', text: '' };

function DueCell({ order, now }: { order: WorkOrder; now: Date }) {
  if (!order.dueAt) return <span class="muted">—</span>;
  const open = !['closed', 'cancelled'].includes(order.statusCode);
  if (!open) return order.overdue ? <span class="tag overdue">超期 {formatDuration(order.overdueSeconds * 1000)}</span> : <span class="tag ok">按期</span>;
  const state = deadlineState(order.dueAt, now, order.dispatchedAt ?? order.createdAt);
  return <span class={`tag ${state}`}>{timeLeftText(order.dueAt, now)}</span>;
}

export function OrderListPage() {
  useServerNow(); // re-renders every 30 s
  const now = serverNow();
  const unitName = useUnitNames();
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [sort, setSort] = useState<{ by: SortKey; order: 'asc' | 'desc' }>({ by: 'createdAt', order: 'desc' });
  const [first, setFirst] = useState(0);
  const { data, error, loading } = useApi<WorkOrderPage>('/api/work-orders', {
    ...filters,
    sortBy: sort.by,
    sortOrder: sort.order,
    firstResult: first,
    maxResults: PAGE_SIZE,
  });

  const search = (e: Event) => {
    e.preventDefault();
    setFirst(0);
    setFilters({ ...draft, text: draft.text.trim() });
  };
  const sortBy = (by: SortKey) => {
    setFirst(0);
    setSort((s) => ({ by, order: s.by === by && s.order === 'asc' ? 'desc' : 'asc' }));
  };
  const header = (by: SortKey, label: string) => (
    <th aria-sort={sort.by === by ? (sort.order === 'asc' ? 'ascending' : 'descending') : undefined}>
      <button type="button" class="link sort" onClick={() => sortBy(by)}>
        {label}
        {sort.by === by ? (sort.order === 'asc' ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );
  const select = (key: keyof Filters, label: string, options: readonly (readonly [string, string])[]) => (
    <label class="field inline">
      <span>{label}</span>
      <select value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.currentTarget.value })}>
        <option value="">全部</option>
        {options.map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );

  const total = data?.total ?? 0;
  return (
    <Page title="工单查询">
      <form class="toolbar order-filters" onSubmit={search} role="search" aria-label="筛选工单">
        {select('status', '状态', STATUS_OPTIONS)}
        {select('category', '类别', CATEGORY_OPTIONS)}
        {select('channel', '渠道', CHANNEL_OPTIONS)}
        {select('overdue', '超期', [
          ['true', '已超期'],
          ['false', '未超期'],
        ])}
        <label class="field inline grow">
          <span>关键词</span>
          <input type="search" value={draft.text} placeholder="编号、内容、地址、诉求人" maxLength={100} onInput={(e) => setDraft({ ...draft, text: e.currentTarget.value })} />
        </label>
        <button type="submit" class="primary">
          查询
        </button>
        <button
          type="button"
          onClick={() => {
            setDraft(NO_FILTERS);
            setFilters(NO_FILTERS);
            setFirst(0);
          }}
        >
          重置
        </button>
      </form>
      <ErrorBanner error={error} />
      {loading && !data && <Loading />}
      {data && data.items.length === 0 && <Empty>没有符合条件的工单</Empty>}
      {data && data.items.length > 0 && (
        <>
          <table class="data" aria-label="工单列表">
            <thead>
              <tr>
                {header('number', '工单编号')}
                <th>诉求内容</th>
                <th>类别</th>
                <th>渠道</th>
                {header('requestedAt', '反映时间')}
                {header('status', '状态')}
                <th>承办单位</th>
                {header('dueAt', '办理时限')}
                <th>剩余时间</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link href={`/orders/${o.id}`}>{o.number}</Link>
                  </td>
                  <td class="ellipsis" title={o.content}>
                    {o.content}
                  </td>
                  <td>{o.category}</td>
                  <td>{o.channel}</td>
                  <td>{formatDateTime(o.requestedAt)}</td>
                  <td>{o.status}</td>
                  <td>{unitName(o.currentUnit ?? o.handlingUnit)}</td>
                  <td>{formatDateTime(o.dueAt)}</td>
                  <td>
                    <DueCell order={o} now={now} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav class="pager" aria-label="翻页">
            <span>
              共 {total} 件，第 {first + 1}–{Math.min(first + PAGE_SIZE, total)} 件
            </span>
            <button type="button" disabled={first === 0} onClick={() => setFirst(Math.max(0, first - PAGE_SIZE))}>
              上一页
            </button>
            <button type="button" disabled={first + PAGE_SIZE >= total} onClick={() => setFirst(first + PAGE_SIZE)}>
              下一页
            </button>
          </nav>
        </>
      )}
    </Page>
  );
}
