/**
 * The one place that says which office task of the five schemes (processes/*.bpmn) is which
 * kind of work for the desk: dispatch (待派单), review of what units send back — replies,
 * returns, extensions (待审核) — and the callback with its satisfaction (待回访). Keys are the
 * BPMN task ids; a task a later diagram adds falls back to its name's wording.
 */
export type TaskKind = 'dispatch' | 'review' | 'callback' | 'other';

export const KIND_LABELS: Record<TaskKind, string> = {
  dispatch: '待派单',
  review: '待审核',
  callback: '待回访',
  other: '其他待办',
};

export const KIND_ORDER: readonly TaskKind[] = ['dispatch', 'review', 'callback', 'other'];

const BY_KEY: Record<string, TaskKind> = {
  // 濮阳 Dispatch / 获嘉 Dispatch / 平顶山 Dispatch: 分类转办, 转办, 分办转办
  Dispatch: 'dispatch',
  Coordinate: 'dispatch', // 濮阳: 协调推进会 names the lead unit
  Register: 'dispatch', // 平顶山: 一窗受理
  Triage: 'dispatch', // 平顶山 研判分类, 湘潭 分流交办
  Forward: 'dispatch', // 平顶山: 函转有关单位
  ForwardLevel: 'dispatch', // 平顶山: 函转相关中心
  Intake: 'dispatch', // 开封: 确定办理模式
  Classify: 'dispatch', // 开封: 按分办转办清单分类
  ForwardDispatch: 'dispatch', // 开封: 转相关部门
  Assign: 'dispatch', // 湘潭: 交办《工作表》
  Reassign: 'dispatch', // 湘潭: 再次转派
  ApproveExt: 'review', // 濮阳, 湘潭: 审批延期
  ReviewReturn: 'review', // 获嘉, 湘潭: 审核退件 / 退回申请
  PreReview: 'review', // 获嘉: 预审核 the unit's result
  QualityCheck: 'review', // 平顶山: 质检
  Callback: 'callback', // 濮阳, 平顶山, 开封: 回访
  Check: 'callback', // 湘潭: 核查并回访
};

const BY_NAME: Array<[RegExp, TaskKind]> = [
  [/回访/, 'callback'],
  [/审核|审批|预审|质检/, 'review'],
  [/分办|转办|交办|分流|派单|转派|受理/, 'dispatch'],
];

export function kindOf(task: { taskDefinitionKey: string | null; name: string | null }): TaskKind {
  const byKey = task.taskDefinitionKey ? BY_KEY[task.taskDefinitionKey] : undefined;
  if (byKey) return byKey;
  const name = task.name ?? '';
  return BY_NAME.find(([pattern]) => pattern.test(name))?.[1] ?? 'other';
}
