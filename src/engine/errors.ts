/**
 * Errors of the engine module. Each carries the ids a log line or an HTTP answer needs; the
 * REST layer maps classes to status codes, never message text.
 */

/** Thrown when a process instance id matches no instance. */
export class ProcessInstanceNotFoundError extends Error {
  override readonly name = 'ProcessInstanceNotFoundError';
  constructor(readonly processInstanceId: string) {
    super(`Process instance with id ${processInstanceId} does not exist`);
  }
}

/** Thrown when a command targets an instance that has already ended. */
export class ProcessInstanceEndedError extends Error {
  override readonly name = 'ProcessInstanceEndedError';
  constructor(
    readonly processInstanceId: string,
    readonly state: string,
  ) {
    super(`Process instance ${processInstanceId} has ended (${state})`);
  }
}

/** Thrown when a process definition id, or key (and tenant), matches nothing. */
export class ProcessDefinitionNotFoundError extends Error {
  override readonly name = 'ProcessDefinitionNotFoundError';
  constructor(readonly reference: string) {
    super(`No matching process definition ${reference}`);
  }
}

/** Thrown when starting an instance of a suspended definition. */
export class ProcessDefinitionSuspendedError extends Error {
  override readonly name = 'ProcessDefinitionSuspendedError';
  constructor(readonly processDefinitionId: string) {
    super(`Process definition ${processDefinitionId} is suspended`);
  }
}

/**
 * Thrown when the engine fails while running a command: an expression over missing variables,
 * a timer value that does not parse, an unsupported element. The command's transaction is
 * rolled back, so the instance stays in its last committed state.
 */
export class ProcessExecutionError extends Error {
  override readonly name = 'ProcessExecutionError';
  constructor(
    readonly processInstanceId: string,
    readonly activityId: string | undefined,
    readonly reason: string,
    readonly businessKey?: string | null,
  ) {
    super(`Process instance ${processInstanceId}${activityId ? ` at ${activityId}` : ''} failed: ${reason}`);
  }
}

/** Thrown when a user task attribute (due date, priority…) resolves to an unusable value. */
export class InvalidTaskAttributeError extends Error {
  override readonly name = 'InvalidTaskAttributeError';
  constructor(
    readonly activityId: string,
    readonly attribute: string,
    readonly reason: string,
  ) {
    super(`${activityId}: ${attribute}: ${reason}`);
  }
}

/** Thrown when a user task id matches no open task (or one the caller may not see). */
export class TaskNotFoundError extends Error {
  override readonly name = 'TaskNotFoundError';
  constructor(readonly taskId: string) {
    super(`No matching task with id ${taskId}`);
  }
}

/** Thrown when claiming a task someone else already holds. */
export class TaskAlreadyClaimedError extends Error {
  override readonly name = 'TaskAlreadyClaimedError';
  constructor(
    readonly taskId: string,
    readonly assignee: string,
  ) {
    super(`Task '${taskId}' is already claimed by someone else.`);
  }
}

/** Thrown when completion variables break a task's form field rules. */
export class FormValidationError extends Error {
  override readonly name = 'FormValidationError';
  constructor(
    readonly taskId: string,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`variables.${field}: ${reason}`);
  }
}

/** Thrown when a message finds no waiting receiver (or several, without `all`). */
export class MessageCorrelationError extends Error {
  override readonly name = 'MessageCorrelationError';
  constructor(
    readonly messageName: string,
    readonly reason: string,
  ) {
    super(`Cannot correlate message '${messageName}': ${reason}`);
  }
}
