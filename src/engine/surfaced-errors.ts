/** An error class the caller must see as itself, e.g. the calendar's CalendarYearNotCoveredError. */
export type ErrorClass = abstract new (...args: never[]) => Error;

const MAX_DEPTH = 10;

/**
 * The first error in `err`'s chain that is an instance of one of `classes`. An error thrown by
 * a whitelisted expression function arrives wrapped: the evaluator's ExpressionEvaluationError
 * keeps it as `cause`, bpmn-elements' ActivityError as `inner`. Both links are followed.
 */
export function findSurfacedError(err: unknown, classes: readonly ErrorClass[]): Error | undefined {
  if (classes.length === 0) return undefined;
  let current: unknown = err;
  for (let depth = 0; depth < MAX_DEPTH && current instanceof Error; depth += 1) {
    if (classes.some((cls) => current instanceof cls)) return current as Error;
    const links = current as Error & { inner?: unknown };
    current = links.cause ?? links.inner;
  }
  return undefined;
}
