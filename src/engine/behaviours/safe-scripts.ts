/* eslint-disable @typescript-eslint/no-explicit-any */

/** Script formats the service runs: expressions only, through the safe evaluator. */
export const SAFE_SCRIPT_FORMATS = ['juel'] as const;

/**
 * Replaces bpmn-engine's `node:vm` script runner, which is not a sandbox (a script task can reach
 * `process`). A `juel` script body is one expression evaluated by the expression evaluator;
 * its value becomes the task output and, with `camunda:resultVariable`, a process variable.
 * Any other format yields no script, and bpmn-elements stops the run with "Script format …
 * is unsupported" — deployment validation refuses such diagrams before they get here.
 */
export function createSafeScripts() {
  return {
    register() {},
    getScript(language: string | undefined, activity: any) {
      if (!language || language.toLowerCase() !== 'juel') return undefined;
      const body = scriptBody(activity);
      if (body === undefined) return undefined;
      return {
        execute(executionContext: any, callback: (err: Error | null, result?: unknown) => void) {
          try {
            const value = executionContext.environment.resolveExpression(`\${${body}}`, executionContext);
            const resultVariable = activity.behaviour?.resultVariable;
            if (typeof resultVariable === 'string' && resultVariable) {
              executionContext.environment.assignVariables({ [resultVariable]: value });
            }
            callback(null, value);
          } catch (err) {
            callback(err as Error);
          }
        },
      };
    },
  };
}

function scriptBody(activity: any): string | undefined {
  const behaviour = activity.behaviour ?? {};
  const body = behaviour.script ?? behaviour.conditionExpression?.body;
  if (typeof body !== 'string') return undefined;
  const trimmed = body.trim();
  // A body written as `${...}` is accepted too: Modeler users often type it that way.
  const wrapped = /^[$#]\{([\s\S]*)\}$/.exec(trimmed);
  return wrapped ? wrapped[1] : trimmed;
}
