/** One work order: its facts, its story, its SMS notifications and where it stands on its diagram. */
import { Link } from 'wouter-preact';
import { useApi } from '../shared/use-api.js';
import { ErrorBanner, Loading, Page } from '../shared/components.js';
import { formatDateTime } from '../shared/format.js';
import { OrderSummary } from './OrderSummary.js';
import { ProcessDiagram } from './ProcessDiagram.js';
import { Timeline } from './Timeline.js';
import type { Notification, WorkOrderDetail } from './types.js';

const STATE: Record<Notification['state'], string> = {
  queued: '待发送',
  sending: '发送中',
  sent: '已发送',
  retrying: '重试中',
  incident: '发送故障',
  failed: '发送失败',
};

const ROLE: Record<string, string> = { requester: '诉求人', 'unit-head': '单位负责人', handler: '承办人', dispatcher: '热线办' };

function Notifications({ orderId }: { orderId: string }) {
  const { data, error, loading } = useApi<{ items: Notification[] }>(`/api/work-orders/${encodeURIComponent(orderId)}/notifications`);
  if (error) return <ErrorBanner error={error} />;
  if (loading || !data) return <Loading />;
  if (data.items.length === 0) return <p class="muted">无短信通知</p>;
  return (
    <table class="data compact" aria-label="短信通知">
      <thead>
        <tr>
          <th>时间</th>
          <th>环节</th>
          <th>接收方</th>
          <th>内容</th>
          <th>状态</th>
        </tr>
      </thead>
      <tbody>
        {data.items.map((n) => (
          <tr key={n.externalTaskId}>
            <td>{formatDateTime(n.sentAt ?? n.createdAt)}</td>
            <td>{n.activityName ?? '—'}</td>
            <td>{[n.recipientUnit, n.recipientRole ? ROLE[n.recipientRole] ?? n.recipientRole : null, n.recipient].filter(Boolean).join(' · ') || '—'}</td>
            <td class="sms-text">{n.text ?? n.template ?? '—'}</td>
            <td>
              <span class={`tag ${n.state === 'sent' ? 'ok' : n.state === 'incident' || n.state === 'failed' ? 'overdue' : ''}`} title={n.lastError ?? undefined}>
                {STATE[n.state]}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function OrderPage({ id }: { id: string }) {
  const { data: order, error, loading } = useApi<WorkOrderDetail>(`/api/work-orders/${encodeURIComponent(id)}`);
  return (
    <Page title={order ? `工单 ${order.number}` : '工单详情'} actions={<Link href="/orders">返回工单查询</Link>}>
      <ErrorBanner error={error} />
      {loading && !order && <Loading />}
      {order && (
        <div class="order-page">
          <section class="panel">
            <OrderSummary order={order} />
          </section>
          <div class="order-columns">
            <section class="panel" aria-labelledby="diagram-title">
              <h2 id="diagram-title">流程图</h2>
              <ProcessDiagram processDefinitionId={order.processDefinitionId} processInstanceId={order.processInstanceId} />
            </section>
            <section class="panel timeline-panel" aria-labelledby="timeline-title">
              <h2 id="timeline-title">办理过程</h2>
              <Timeline entries={order.timeline} />
            </section>
          </div>
          <section class="panel" aria-labelledby="sms-title">
            <h2 id="sms-title">短信通知</h2>
            <Notifications orderId={order.id} />
          </section>
        </div>
      )}
    </Page>
  );
}
