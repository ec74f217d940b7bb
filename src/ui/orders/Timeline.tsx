/** The order's story as GET /api/work-orders/{id} tells it: time, who, what. */
import { useEffect, useRef } from 'preact/hooks';
import { formatDateTime } from '../shared/format.js';
import type { TimelineEntry } from './types.js';
import { useUnitNames } from './unit-names.js';

/** A word for each kind of entry; the entry's own `what` carries the step's name. */
const KIND: Record<string, string> = {
  'activity.started': '进入环节',
  'activity.completed': '办结环节',
  'activity.canceled': '环节取消',
  'instance.started': '受理',
  'instance.completed': '结束',
  'instance.terminated': '终止',
  'task.claimed': '签收',
  'task.assigned': '指派',
  'task.unclaimed': '退回签收',
  'timer.fired': '时限',
  'externalTask.completed': '自动处理',
  'externalTask.bpmnError': '自动处理',
  'message.correlated': '消息',
  'signal.received': '信号',
  'variables.modified': '变量修改',
};

function detailText(e: TimelineEntry, unitName: (id: string) => string): string | null {
  const d = e.details;
  const parts: string[] = [];
  if (Array.isArray(d.candidateGroups) && d.candidateGroups.length > 0) parts.push(`承办：${d.candidateGroups.map((g) => unitName(String(g))).join('、')}`);
  if (typeof d.due === 'string' && d.due) parts.push(`时限 ${formatDateTime(d.due)}`);
  if (Array.isArray(d.variables) && d.variables.length > 0 && e.type === 'activity.completed') parts.push(`填报：${d.variables.join('、')}`);
  return parts.length > 0 ? parts.join('；') : null;
}

export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const unitName = useUnitNames();
  const list = useRef<HTMLOListElement>(null);
  // Told in time order; a long story opens at its latest steps, which is what is being asked about.
  useEffect(() => {
    if (list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [entries]);
  if (entries.length === 0) return <p class="muted">暂无记录</p>;
  return (
    <ol ref={list} class="timeline" aria-label="办理过程">
      {entries.map((e, i) => {
        const extra = detailText(e, unitName);
        return (
          <li key={i} data-type={e.type} data-activity={e.activityId ?? undefined}>
            <time dateTime={e.at}>{formatDateTime(e.at)}</time>
            <span class="tag">{KIND[e.type] ?? e.type}</span> <span class="what">{e.what}</span>
            {e.who && <span class="who">（{e.who}）</span>}
            {extra && <div class="muted small">{extra}</div>}
          </li>
        );
      })}
    </ol>
  );
}
