/**
 * The order's full story for GET /api/work-orders/{id}: every step of its process (activity
 * instances: entered, completed or cancelled) and every recorded event (claims, assignments,
 * timers, worker results, …), each with who, when and what.
 *
 * A user task's `task.created` / `task.completed` events are folded into its step (candidate
 * units and due date on entering, the completing user and the variables they set on
 * completion), so the step is told once. Gateways are routing, not steps, and are left out.
 *
 * Order: by time; within one instant the cause first (instance started, timer fired, message,
 * worker result), then the steps in the order the engine entered them, each step's end right
 * after its own start and before later steps, something done to a waiting step (a claim)
 * between its start and its end, the instance's end last.
 */
export interface TimelineEntry {
  at: Date;
  /** `activity.started` | `activity.completed` | `activity.canceled` | a history event type. */
  type: string;
  /** Chinese, for people. */
  what: string;
  /** The user who acted; null for the engine, timers and workers. */
  who: string | null;
  activityId: string | null;
  activityName: string | null;
  details: Record<string, unknown>;
}

export interface ActivityRow {
  seq: number;
  activityId: string;
  activityName: string | null;
  activityType: string;
  executionId: string;
  assignee: string | null;
  startTime: Date;
  endTime: Date | null;
  canceled: boolean;
}

export interface EventRow {
  id: number;
  type: string;
  activityId: string | null;
  executionId: string | null;
  userId: string | null;
  payload: Record<string, unknown>;
  time: Date;
}

const FOLDED = new Set(['task.created', 'task.completed']);
const CAUSE_FIRST = -1e15;
const LAST = 1e15;

export function buildTimeline(activities: ActivityRow[], events: EventRow[]): TimelineEntry[] {
  const keyed: Array<{ entry: TimelineEntry; order: number }> = [];
  const nameOf = new Map(activities.map((a) => [a.activityId, a.activityName]));
  const byExecution = (type: string) => new Map(events.filter((e) => e.type === type && e.executionId).map((e) => [e.executionId!, e]));
  const created = byExecution('task.created');
  const completed = byExecution('task.completed');

  for (const a of activities) {
    if (/Gateway$/.test(a.activityType)) continue;
    const label = a.activityName ?? a.activityId;
    const opened = created.get(a.executionId);
    keyed.push({
      order: a.seq * 2,
      entry: {
        at: a.startTime,
        type: 'activity.started',
        what: `${isTask(a.activityType) ? '待办' : '到达'}：${label}`,
        who: null,
        activityId: a.activityId,
        activityName: a.activityName,
        details: { activityType: camundaType(a.activityType), ...(opened && { candidateGroups: opened.payload.candidateGroups, due: opened.payload.due }) },
      },
    });
    if (!a.endTime) continue;
    const done = completed.get(a.executionId);
    keyed.push({
      order: a.seq * 2 + 1,
      entry: {
        at: a.endTime,
        type: a.canceled ? 'activity.canceled' : 'activity.completed',
        what: `${a.canceled ? '取消' : '完成'}：${label}`,
        who: done?.userId ?? (a.canceled ? null : a.assignee),
        activityId: a.activityId,
        activityName: a.activityName,
        details: { activityType: camundaType(a.activityType), ...(done && { variables: done.payload.variables }) },
      },
    });
  }

  const seqOf = new Map(activities.map((a) => [a.executionId, a.seq]));
  for (const e of events) {
    if (FOLDED.has(e.type)) continue;
    const order = eventOrder(e, e.executionId ? seqOf.get(e.executionId) : undefined);
    keyed.push({
      order,
      entry: {
        at: e.time,
        type: e.type,
        what: describeEvent(e),
        who: e.userId,
        activityId: e.activityId,
        activityName: e.activityId ? (nameOf.get(e.activityId) ?? null) : null,
        // The start variables are the form, shown in the order itself.
        details: e.type === 'instance.started' ? {} : e.payload,
      },
    });
  }

  keyed.sort((x, y) => x.entry.at.getTime() - y.entry.at.getTime() || x.order - y.order);
  return keyed.map((k) => k.entry);
}

/** Causes first; something done to a waiting step (a claim) between its start and its end. */
const CAUSES = new Set(['instance.started', 'timer.fired', 'message.correlated', 'signal.received', 'externalTask.completed', 'externalTask.bpmnError']);

function eventOrder(e: EventRow, stepSeq: number | undefined): number {
  if (e.type === 'instance.started') return CAUSE_FIRST - 1;
  if (e.type === 'instance.completed' || e.type === 'instance.terminated') return LAST;
  if (!CAUSES.has(e.type) && stepSeq !== undefined) return stepSeq * 2 + 0.5 + e.id / LAST;
  return CAUSE_FIRST + e.id;
}

function isTask(type: string): boolean {
  return /UserTask$/.test(type);
}

/** `bpmn:UserTask` → `userTask`, the activity type names of Camunda's history API. */
function camundaType(type: string): string {
  const local = type.replace(/^bpmn:/, '');
  return local === 'EndEvent' ? 'noneEndEvent' : local.charAt(0).toLowerCase() + local.slice(1);
}

function describeEvent(e: EventRow): string {
  const p = e.payload;
  switch (e.type) {
    case 'instance.started':
      return '登记受理，启动办理流程';
    case 'instance.completed':
      return '流程结束';
    case 'instance.terminated':
      return `流程终止${typeof p.reason === 'string' && p.reason ? `：${p.reason}` : ''}`;
    case 'task.claimed':
      return `认领：${String(p.assignee ?? '')}`;
    case 'task.assigned':
      return `指派给：${String(p.assignee ?? '')}`;
    case 'task.unclaimed':
      return '退回待认领';
    case 'timer.fired':
      return '时限到达';
    case 'externalTask.completed':
      return '自动任务完成';
    case 'externalTask.bpmnError':
      return '自动任务报告业务错误';
    case 'message.correlated':
      return '收到消息';
    case 'signal.received':
      return '收到信号';
    case 'variables.modified':
      return '修改流程变量';
    default:
      return e.type;
  }
}
