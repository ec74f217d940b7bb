import type { ActivityOwner, BpmnMessage } from '../bpmn-types.js';


interface Parameter {
  name: string;
  value?: string;
  definition?: { $type: string; items?: Array<{ value?: string }>; entries?: Array<{ key: string; value?: string }> };
}

/**
 * `camunda:inputOutput` mappings, which bpmn-elements parses but does not run.
 * Inputs are evaluated when the activity is entered and published as `content.input`, where
 * expressions inside the activity (assignee, due date, conditions of its boundary timers) see
 * them as local variables. Outputs are evaluated when the activity ends, over the process
 * variables, the activity's inputs and its completion output, and written to the process.
 */
export function CamundaInputOutput(activity: ActivityOwner) {
  const io = activity.behaviour?.extensionElements?.values?.find((v) => v.$type === 'camunda:InputOutput') as
    | { inputParameters?: Parameter[]; outputParameters?: Parameter[] }
    | undefined;
  if (!io || (!io.inputParameters?.length && !io.outputParameters?.length)) return undefined;
  const consumerTag = `_camunda-io-${activity.id}`;

  return {
    type: 'camunda:io',
    activate(message: BpmnMessage) {
      const broker = activity.broker;
      broker.cancel(consumerTag);
      broker.subscribeTmp(
        'event',
        'activity.*',
        (routingKey, msg) => {
          if (routingKey === 'activity.enter' && io.inputParameters?.length) {
            const input = evaluateAll(io.inputParameters, (expr) => activity.environment.resolveExpression(expr, msg));
            broker.publish('format', 'run.camunda.input', { input });
          } else if (routingKey === 'activity.end' && io.outputParameters?.length) {
            const scope = { ...msg, content: { ...msg.content, input: localScope(msg) } };
            const output = evaluateAll(io.outputParameters, (expr) => activity.environment.resolveExpression(expr, scope));
            activity.environment.assignVariables(output);
          }
        },
        { noAck: true, consumerTag },
      );
      void message;
    },
    deactivate() {
      activity.broker.cancel(consumerTag);
    },
  };
}

/** Inside an output mapping the task's inputs and completion variables are visible by name. */
function localScope(msg: BpmnMessage): Record<string, unknown> {
  const input = isPlainObject(msg.content.input) ? msg.content.input : {};
  const output = isPlainObject(msg.content.output) ? msg.content.output : {};
  return { ...input, ...output };
}

function evaluateAll(params: Parameter[], resolve: (expr: string) => unknown): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const p of params) result[p.name] = evaluate(p, resolve);
  return result;
}

function evaluate(p: Parameter, resolve: (expr: string) => unknown): unknown {
  const def = p.definition;
  if (def?.$type === 'camunda:List') return (def.items ?? []).map((i) => resolveText(i.value, resolve));
  if (def?.$type === 'camunda:Map') {
    return Object.fromEntries((def.entries ?? []).map((e) => [e.key, resolveText(e.value, resolve)]));
  }
  return resolveText(p.value, resolve);
}

function resolveText(text: string | undefined, resolve: (expr: string) => unknown): unknown {
  if (text === undefined) return null;
  return /[$#]\{/.test(text) ? resolve(text) : text;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export type { Parameter as CamundaParameter };
