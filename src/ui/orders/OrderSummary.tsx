/** The facts of one order a handler reads before acting: who asked what, when, and by when. */
import { serverNow, useServerNow } from '../shared/clock.js';
import { deadlineState, formatDateTime, timeLeftText } from '../shared/format.js';
import type { WorkOrderDetail } from './types.js';
import { useUnitNames } from './unit-names.js';

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function OrderSummary({ order }: { order: WorkOrderDetail }) {
  useServerNow(); // re-renders every 30 s
  const now = serverNow();
  const unitName = useUnitNames();
  const open = !['closed', 'cancelled'].includes(order.statusCode);
  const state = open ? deadlineState(order.dueAt, now, order.dispatchedAt ?? order.createdAt) : 'none';
  return (
    <div class="order-summary">
      <dl class="facts">
        <dt>工单编号</dt>
        <dd data-testid="order-number">{order.number}</dd>
        <dt>状态</dt>
        <dd>{order.status}</dd>
        <dt>诉求人</dt>
        <dd>
          {order.requesterName}
          {order.unitContact ? `（联系人 ${order.unitContact}）` : ''}
          {order.masked && <span class="muted small">（已脱敏）</span>}
        </dd>
        <dt>联系电话</dt>
        <dd>{order.phone}</dd>
        <dt>类别</dt>
        <dd>{order.category}</dd>
        <dt>渠道</dt>
        <dd>{order.channel}</dd>
        <dt>紧急程度</dt>
        <dd>{order.urgency ?? '—'}</dd>
        <dt>反映时间</dt>
        <dd>{formatDateTime(order.requestedAt)}</dd>
        <dt>承办单位</dt>
        <dd>{[order.handlingUnit ?? order.currentUnit, ...order.coUnits].filter(Boolean).map(unitName).join('、') || '—'}</dd>
        <dt>办理时限</dt>
        <dd>
          {formatDateTime(order.dueAt)}{' '}
          {state !== 'none' && <span class={`tag ${state}`}>{timeLeftText(order.dueAt, now)}</span>}
          {!open && order.overdue && <span class="tag overdue">超期办结</span>}
        </dd>
        {order.address && (
          <>
            <dt>地址</dt>
            <dd>{order.address}</dd>
          </>
        )}
      </dl>
      <div class="content-block">
        <h3>诉求内容</h3>
        <p class="order-content">{order.content}</p>
        {order.remarks && <p class="muted">备注：{order.remarks}</p>}
        {order.attachments.length > 0 && (
          <>
            <h3>附件（{order.attachments.length}）</h3>
            <ul class="attachments" aria-label="附件">
              {order.attachments.map((a) => (
                <li key={a.id} title={a.storageKey}>
                  {a.name} <span class="muted small">{size(a.size)}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
