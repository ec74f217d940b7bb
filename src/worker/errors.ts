/** Errors of the example worker. */

/** Thrown when the task names no recipient, or one that is neither a number nor a known unit. */
export class InvalidRecipientError extends Error {
  override readonly name = 'InvalidRecipientError';
  constructor(readonly recipient: unknown) {
    super(recipient === undefined || recipient === null || recipient === '' ? 'the task names no recipient (variable "to" or "recipientUnit")' : `'${String(recipient)}' is not a phone number or a unit with a known phone`);
  }
}

/** Thrown when the task has neither `text` nor a template this worker knows: a modelling mistake. */
export class MissingTextError extends Error {
  override readonly name = 'MissingTextError';
  constructor(readonly template: string | null) {
    super(template ? `unknown SMS template '${template}'` : 'the task has neither a "text" variable nor a "template" extension property');
  }
}

/** Thrown when the receiver refuses the message itself (4xx): retrying the same data will not help. */
export class IntegrationRejectedError extends Error {
  override readonly name = 'IntegrationRejectedError';
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`the receiver refused the message with ${status}: ${body.slice(0, 300)}`);
  }
}

/** Thrown when an environment variable of the worker is missing or unusable. */
export class InvalidWorkerConfigError extends Error {
  override readonly name = 'InvalidWorkerConfigError';
  constructor(
    readonly variable: string,
    readonly reason: string,
  ) {
    super(`${variable}: ${reason}`);
  }
}
