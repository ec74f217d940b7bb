/**
 * Thrown when an expression or template is malformed: bad token, unbalanced `${`, too long or
 * too deeply nested. `position` is the 0-based offset in `expression` (the whole template), so
 * the deployment validator can point at the exact character.
 */
export class ExpressionSyntaxError extends Error {
  override readonly name = 'ExpressionSyntaxError';
  constructor(
    readonly expression: string,
    readonly position: number,
    readonly reason: string,
  ) {
    super(`${reason} at position ${position} in expression '${expression}'`);
  }
}

/**
 * Thrown when a well-formed expression cannot be evaluated: unknown identifier, property of
 * null, a call to a function that is not whitelisted, an incomparable pair of values, or a
 * whitelisted function that threw (the original error is the `cause`).
 */
export class ExpressionEvaluationError extends Error {
  override readonly name = 'ExpressionEvaluationError';
  constructor(
    readonly expression: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${reason} in expression '${expression}'`, options);
  }
}
