/**
 * Errors of the runtime read side and of instance commands. Each carries the ids an HTTP
 * answer or a log line needs; the REST layer maps classes, never message text.
 */

/** Thrown when an instance has no variable of the requested name. */
export class VariableNotFoundError extends Error {
  override readonly name = 'VariableNotFoundError';
  constructor(
    readonly processInstanceId: string,
    readonly variableName: string,
  ) {
    super(`process instance variable with name ${variableName} does not exist`);
  }
}

/** Thrown when a historic process instance or activity instance id matches nothing. */
export class HistoricInstanceNotFoundError extends Error {
  override readonly name = 'HistoricInstanceNotFoundError';
  constructor(
    readonly kind: 'process instance' | 'activity instance',
    readonly id: string,
  ) {
    super(`No historic ${kind} found with id ${id}`);
  }
}

/** Thrown when a signal aimed at one execution finds it not waiting for that signal. */
export class SignalExecutionNotWaitingError extends Error {
  override readonly name = 'SignalExecutionNotWaitingError';
  constructor(
    readonly signalName: string,
    readonly executionId: string,
  ) {
    super(`Cannot signal execution ${executionId}: it does not wait for signal '${signalName}'`);
  }
}

/** Thrown when a new instance does not wait at the message start event it was started for. */
export class MessageStartNotWaitingError extends Error {
  override readonly name = 'MessageStartNotWaitingError';
  constructor(
    readonly processDefinitionId: string,
    readonly activityId: string,
  ) {
    super(`Message start event ${activityId} of ${processDefinitionId} did not wait for its message`);
  }
}
