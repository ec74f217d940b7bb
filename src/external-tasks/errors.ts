/**
 * Errors of the external-task module. The REST layer maps each class to Camunda's answer
 * (404 NotFoundException, 400 BadUserRequestException); messages follow Camunda's wording so
 * that worker logs read the same as against Camunda.
 */

/** What a worker was trying to do when it was refused; Camunda words each one differently. */
export type ExternalTaskOperation = 'complete' | 'failure' | 'bpmnError' | 'extendLock' | 'lock';

const DOING: Record<ExternalTaskOperation, (id: string) => string> = {
  complete: (id) => `External Task ${id} cannot be completed`,
  failure: (id) => `Failure of External Task ${id} cannot be reported`,
  bpmnError: (id) => `BPMN error of External Task ${id} cannot be reported`,
  extendLock: (id) => `The lock of the External Task ${id} cannot be extended`,
  lock: (id) => `External Task ${id} cannot be locked`,
};

/** Thrown when an external task id matches no open external task (never existed, or already done). */
export class ExternalTaskNotFoundError extends Error {
  override readonly name = 'ExternalTaskNotFoundError';
  constructor(readonly externalTaskId: string) {
    super(`External task with id ${externalTaskId} does not exist`);
  }
}

/** Thrown when a worker acts on a task that is not locked, or locked by another worker. */
export class ExternalTaskWorkerMismatchError extends Error {
  override readonly name = 'ExternalTaskWorkerMismatchError';
  constructor(
    readonly externalTaskId: string,
    readonly operation: ExternalTaskOperation,
    readonly workerId: string,
    readonly lockedBy: string | null,
  ) {
    super(
      lockedBy === null
        ? `${DOING[operation](externalTaskId)} by worker '${workerId}'. It is not locked.`
        : `${DOING[operation](externalTaskId)} by worker '${workerId}'. It is locked by worker '${lockedBy}'.`,
    );
  }
}

/**
 * Thrown when a worker acts on a task whose lock ran out on the service clock. The task may
 * already be in another worker's hands; the late worker must not move the process on.
 */
export class ExternalTaskLockExpiredError extends Error {
  override readonly name = 'ExternalTaskLockExpiredError';
  constructor(
    readonly externalTaskId: string,
    readonly operation: ExternalTaskOperation,
    readonly workerId: string,
    readonly expiredAt: Date,
  ) {
    super(
      operation === 'extendLock'
        ? `Cannot extend a lock that expired: external task ${externalTaskId}, lock of worker '${workerId}' expired at ${expiredAt.toISOString()}`
        : `${DOING[operation](externalTaskId)} by worker '${workerId}': its lock expired at ${expiredAt.toISOString()}`,
    );
  }
}

/** Thrown when a fetchAndLock asks to hold the request longer than the allowed maximum. */
export class AsyncResponseTimeoutTooLongError extends Error {
  override readonly name = 'AsyncResponseTimeoutTooLongError';
  constructor(
    readonly requested: number,
    readonly maximum: number,
  ) {
    super(`The asynchronous response timeout cannot be set to a value greater than ${maximum} milliseconds`);
  }
}
