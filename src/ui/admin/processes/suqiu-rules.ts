/**
 * The console's own lint rules (plugin "suqiu"): what a scheme needs to run in this service,
 * beyond BPMN's shape. Messages in Chinese: they are read by the county office's administrator.
 */
import type { LintNode, RuleFactory } from './lint-types.js';

const filled = (value: unknown) => typeof value === 'string' && value.trim() !== '';

/** A user task nobody may claim would sit in no one's 待办 list until it is overdue. */
export const userTaskPerformer: RuleFactory = () => ({
  check(node, reporter) {
    if (!node.$instanceOf('bpmn:UserTask') || !node.id) return;
    const who = ['camunda:assignee', 'camunda:candidateGroups', 'camunda:candidateUsers'];
    if (!who.some((p) => filled(node.get(p)))) reporter.report(node.id, '用户任务未指定处理人或候选组（候选组/候选用户/处理人至少填一项）');
  },
});

/** A timer without a date, duration or cycle is refused at deploy; say so while editing. */
export const timerDefinition: RuleFactory = () => ({
  check(node, reporter) {
    if (!node.$instanceOf('bpmn:TimerEventDefinition')) return;
    const event = node.$parent;
    if (!event?.id) return;
    const kinds = ['timeDate', 'timeDuration', 'timeCycle'];
    const body = kinds.map((k) => (node.get(k) as LintNode | undefined)?.get('body')).find(filled);
    if (!body) reporter.report(event.id, '定时器未设置时间（日期、时长或周期表达式）');
  },
});

/** An external task without a topic is never fetched by the workers (短信、同步等). */
export const externalTopic: RuleFactory = () => ({
  check(node, reporter) {
    if (!node.id || node.get('camunda:type') !== 'external') return;
    if (!filled(node.get('camunda:topic'))) reporter.report(node.id, '外部任务未设置主题（topic）');
  },
});
