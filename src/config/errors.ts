/** Thrown when an environment variable is missing, malformed or not allowed in this mode. */
export class InvalidConfigError extends Error {
  override readonly name = 'InvalidConfigError';
  constructor(
    readonly variable: string,
    readonly reason: string,
  ) {
    super(`invalid configuration ${variable}: ${reason}`);
  }
}
