import { URGENCIES, type SatisfactionCode, type StatusCode, type UrgencyCode } from './vocabulary.js';

/**
 * THE mapping from a process instance to its work order's projection (docs/work-orders.md has
 * the same tables in prose). Pure: `deriveProjection(facts, previous, now)`; projector.ts reads
 * the facts in the command's transaction and writes the result.
 *
 * The schemes are different diagrams, but they name their steps alike (Dispatch, Handle,
 * Callback, …), so the rules are keyed by BPMN activity id. A diagram whose ids mean something
 * else gets an entry in PROCESS_RULES, keyed by process id, which wins over COMMON_RULES.
 */

/** What a step means for the order. */
export interface ActivityRule {
  /** The status while a token waits here. */
  status?: StatusCode;
  /**
   * A step running beside the main line (emergency liaison, bulletin, accountability): it
   * decides status and current unit only when nothing on the main line waits.
   */
  side?: boolean;
  /** Ledger facts counted each time the step is entered (the callback: when it completes). */
  marks?: readonly Mark[];
}

export type Mark = 'return' | 'reminder' | 'supervision' | 'redo' | 'callback';

const dispatching: ActivityRule = { status: 'dispatching' };
const handling: ActivityRule = { status: 'handling' };
const sideHandling: ActivityRule = { status: 'handling', side: true };
const reviewing: ActivityRule = { status: 'reviewing' };

export const COMMON_RULES: Readonly<Record<string, ActivityRule>> = {
  // 待分办: the hotline office / centre / task force registers, triages, dispatches.
  Register: dispatching, // Pingdingshan 一窗受理
  Triage: dispatching, // Pingdingshan 研判分类, Xiangtan 登记建账，分流交办
  Dispatch: dispatching, // Puyang, Huojia, Pingdingshan
  Coordinate: dispatching, // Puyang 协调会明确牵头单位
  Forward: dispatching, // Pingdingshan 函转有关单位
  ForwardLevel: dispatching,
  MarketRegulation: dispatching, // Xiangtan 市场监管局统筹分解
  Assign: dispatching, // Xiangtan 交办《工作表》
  Reassign: dispatching, // Xiangtan 界定职责，再次转派
  ReviewReturn: { status: 'dispatching', marks: ['return'] }, // a unit applied to return the order
  // 办理中: a unit (or the window) works on it; extension approval and supervision happen meanwhile.
  Handle: handling,
  UnitHandle: handling,
  SupervisedHandle: handling,
  OverdueHandle: handling,
  SignOrReturn: handling,
  Sign: handling,
  VerifyDuty: handling,
  OnSpot: handling,
  OnSpotAnswer: handling,
  OnlineAnswer: handling,
  LeadFiling: handling,
  JointMeeting: handling,
  ApproveExt: handling,
  CityApproval: handling,
  InformRequester: handling,
  IssueSupervision: { status: 'handling', marks: ['supervision'] }, // Puyang 下发督办单
  Supervise: { status: 'handling', marks: ['supervision'] }, // Pingdingshan 督办
  SupervisionOffice: { status: 'handling', marks: ['supervision'] }, // Xiangtan 县政府督查室
  Urge: { status: 'handling', marks: ['reminder'] }, // Xiangtan 催办
  UrgeOnline: { status: 'handling', side: true, marks: ['reminder'] },
  Emergency: sideHandling,
  ReportLeader: sideHandling,
  Bulletin: sideHandling,
  Accountability: sideHandling,
  Criticism: sideHandling,
  // Messages and automatic steps: no status, only ledger facts.
  SmsPreOverdue: { marks: ['reminder'] }, // Huojia 预逾期提醒
  SmsRemind: { marks: ['reminder'] }, // Pingdingshan 催办短信
  SmsSupervise: { marks: ['supervision'] }, // Huojia 督办短信 (overdue)
  SmsReviewFailed: { marks: ['redo', 'supervision'] }, // Huojia: failed pre-review goes back, with a supervision SMS
  SmsCityRedo: { marks: ['redo', 'supervision'] }, // Huojia: the city platform ordered a redo
  Redo: { marks: ['redo'] }, // Puyang, Pingdingshan, Xiangtan 退回重办
  // 待审核
  PreReview: reviewing, // Huojia 预审核
  QualityCheck: reviewing, // Pingdingshan 质检
  Review: reviewing,
  // 待回访
  Callback: { status: 'callback', marks: ['callback'] },
  Check: { status: 'callback', marks: ['callback'] }, // Xiangtan 核查并回访
  ReportToCity: { status: 'callback' }, // Huojia: the city platform calls back
  // 已办结: struck off; writing up a guiding case is the office's own follow-up.
  GuidingCase: { status: 'closed' },
  PublishCase: { status: 'closed' },
};

/** Per process id, for diagrams whose activity ids mean something else than COMMON_RULES says. */
export const PROCESS_RULES: Readonly<Record<string, Readonly<Record<string, ActivityRule>>>> = {};

export function ruleFor(processKey: string, activityId: string): ActivityRule | undefined {
  return PROCESS_RULES[processKey]?.[activityId] ?? COMMON_RULES[activityId];
}

/** Process variables the projection reads (projector.ts loads only these). */
export const PROJECTED_VARIABLES = ['dueAt', 'extensionCount', 'satisfaction', 'satisfied', 'callbackResult', 'unit', 'coUnits', 'urgency'] as const;

/** What the command left behind, read in its transaction. */
export interface ProjectionFacts {
  processKey: string;
  state: 'ACTIVE' | 'COMPLETED' | 'EXTERNALLY_TERMINATED';
  endTime: Date | null;
  /** Open user tasks, oldest first. */
  tasks: Array<{ activityId: string; candidateGroups: string[]; due: Date | null }>;
  /** Per activity id: how often entered, last entered, last completed, whether one is open now. */
  activities: Array<{ activityId: string; count: number; lastStart: Date | null; lastEnd: Date | null; open: boolean }>;
  variables: Record<string, unknown>;
}

export interface Projection {
  status: StatusCode;
  currentUnit: string | null;
  dueAt: Date | null;
  extensionCount: number;
  returnCount: number;
  returnedAt: Date | null;
  reminderCount: number;
  remindedAt: Date | null;
  supervisionCount: number;
  supervisedAt: Date | null;
  redoCount: number;
  redoneAt: Date | null;
  completedAt: Date | null;
  callbackAt: Date | null;
  satisfaction: SatisfactionCode | null;
  /** The unit dispatch chose (variable `unit`; the lead unit when there are several). */
  handlingUnit: string | null;
  /** The other units (variable `coUnits`, comma-separated). */
  coUnits: string[];
  /** 分办转办时间: the first time a task waited on the handling unit. */
  dispatchedAt: Date | null;
  /** 紧急程度: the form's, until dispatch decides it (variable `urgency`, a code of URGENCIES). */
  urgency: UrgencyCode | null;
}

const RANK: Record<StatusCode, number> = { dispatching: 1, handling: 2, reviewing: 3, callback: 4, closed: 5, cancelled: 6 };
/** Past the unit's work: the reply is in (实际办结时间 is set). */
const DONE: ReadonlySet<StatusCode> = new Set(['reviewing', 'callback', 'closed']);

export function deriveProjection(facts: ProjectionFacts, previous: Projection, now: Date): Projection {
  const { status, currentUnit, taskDue } = whereItWaits(facts, previous.status);
  const marks = countMarks(facts);
  const completedAt = DONE.has(status) ? (previous.completedAt ?? facts.endTime ?? now) : null;
  const handlingUnit = textOf(facts.variables.unit) ?? previous.handlingUnit;
  // Intake already sets `unit` from the form; the order is dispatched only when a task of that
  // unit waits, which leaves the window's and the office's own steps out.
  const reachedUnit = handlingUnit !== null && currentUnit === handlingUnit;
  return {
    status,
    currentUnit,
    // The schemes compute the deadline into `dueAt` (Huojia's task due is the earlier
    // pre-review time); diagrams without it have the deadline on the handling task.
    dueAt: dateOf(facts.variables.dueAt) ?? taskDue ?? previous.dueAt,
    extensionCount: countOf(facts.variables.extensionCount) ?? previous.extensionCount,
    returnCount: marks.return.count,
    returnedAt: marks.return.at,
    reminderCount: marks.reminder.count,
    remindedAt: marks.reminder.at,
    supervisionCount: marks.supervision.count,
    supervisedAt: marks.supervision.at,
    redoCount: marks.redo.count,
    redoneAt: marks.redo.at,
    completedAt,
    callbackAt: marks.callback.at,
    satisfaction: satisfactionOf(facts.variables) ?? null,
    handlingUnit,
    coUnits: typeof facts.variables.coUnits === 'string' ? unitList(facts.variables.coUnits, handlingUnit) : previous.coUnits,
    dispatchedAt: previous.dispatchedAt ?? (reachedUnit ? now : null),
    urgency: urgencyOf(facts.variables.urgency) ?? previous.urgency,
  };
}

/** Only the vocabulary's codes: a diagram's own levels would be a value the lists cannot name. */
function urgencyOf(v: unknown): UrgencyCode | null {
  const code = textOf(v);
  return code !== null && URGENCIES.some((u) => u.code === code) ? (code as UrgencyCode) : null;
}

function textOf(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

function unitList(text: string, lead: string | null): string[] {
  return [...new Set(text.split(/[,，、]/).map((u) => u.trim()).filter((u) => u !== '' && u !== lead))];
}

function whereItWaits(facts: ProjectionFacts, previous: StatusCode): { status: StatusCode; currentUnit: string | null; taskDue: Date | null } {
  if (facts.state === 'COMPLETED') return { status: 'closed', currentUnit: null, taskDue: null };
  if (facts.state === 'EXTERNALLY_TERMINATED') return { status: 'cancelled', currentUnit: null, taskDue: null };
  const waiting = facts.activities
    .filter((a) => a.open)
    .map((a) => ({ activityId: a.activityId, rule: ruleFor(facts.processKey, a.activityId), task: facts.tasks.find((t) => t.activityId === a.activityId) }))
    .filter((w) => w.rule?.status !== undefined || w.task !== undefined)
    // An open user task no rule knows counts as handling: a unit has something to do.
    .map((w) => ({ ...w, status: w.rule?.status ?? ('handling' as StatusCode), side: w.rule?.side === true }));
  const main = waiting.some((w) => !w.side) ? waiting.filter((w) => !w.side) : waiting;
  if (main.length === 0) return { status: previous, currentUnit: null, taskDue: null };
  const top = Math.max(...main.map((w) => RANK[w.status]));
  const chosen = main.filter((w) => RANK[w.status] === top);
  const dues = chosen.map((w) => w.task?.due).filter((d): d is Date => d instanceof Date);
  return {
    status: chosen[0]!.status,
    currentUnit: chosen.map((w) => w.task?.candidateGroups[0]).find((g) => g !== undefined) ?? null,
    taskDue: dues.length ? new Date(Math.min(...dues.map((d) => d.getTime()))) : null,
  };
}

function countMarks(facts: ProjectionFacts): Record<Mark, { count: number; at: Date | null }> {
  const result: Record<Mark, { count: number; at: Date | null }> = {
    return: { count: 0, at: null },
    reminder: { count: 0, at: null },
    supervision: { count: 0, at: null },
    redo: { count: 0, at: null },
    callback: { count: 0, at: null },
  };
  for (const a of facts.activities) {
    for (const mark of ruleFor(facts.processKey, a.activityId)?.marks ?? []) {
      const r = result[mark];
      // A callback counts once it is done; the others the moment they happen.
      const at = mark === 'callback' ? a.lastEnd : a.lastStart;
      if (mark === 'callback' && at === null) continue;
      r.count += a.count;
      if (at && (!r.at || at > r.at)) r.at = at;
    }
  }
  return result;
}

/** Puyang `satisfaction` (enum), Pingdingshan `satisfied` (boolean), Xiangtan `callbackResult`. */
function satisfactionOf(v: Record<string, unknown>): SatisfactionCode | undefined {
  if (v.satisfaction === 'satisfied' || v.satisfaction === 'basicallySatisfied' || v.satisfaction === 'unsatisfied') return v.satisfaction;
  if (typeof v.satisfied === 'boolean') return v.satisfied ? 'satisfied' : 'unsatisfied';
  if (v.callbackResult === 'satisfied') return 'satisfied';
  if (typeof v.callbackResult === 'string' && v.callbackResult.startsWith('unsatisfied')) return 'unsatisfied';
  return undefined;
}

function dateOf(v: unknown): Date | null {
  if (v instanceof Date) return v;
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(v)) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
}

function countOf(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
}
