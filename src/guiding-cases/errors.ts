/** Errors of guiding cases; HTTP status is chosen by class in src/rest/guiding-cases. */

/** Thrown when a guiding-case id matches no case. */
export class GuidingCaseNotFoundError extends Error {
  override readonly name = 'GuidingCaseNotFoundError';
  constructor(readonly caseId: string) {
    super(`Guiding case '${caseId}' does not exist`);
  }
}

/** Thrown when an action is not allowed in the case's current state (approve a published case, withdraw a rejected one). */
export class GuidingCaseStateError extends Error {
  override readonly name = 'GuidingCaseStateError';
  constructor(
    readonly caseId: string,
    readonly state: string,
    readonly action: string,
    readonly allowedFrom: readonly string[],
  ) {
    super(`Guiding case '${caseId}' is ${state}: cannot ${action} it (only when ${allowedFrom.join(' or ')})`);
  }
}

/** Thrown when a work order that is not closed (已办结) is proposed: only solved orders can guide others. */
export class WorkOrderNotClosedError extends Error {
  override readonly name = 'WorkOrderNotClosedError';
  constructor(
    readonly workOrder: string,
    readonly status: string,
  ) {
    super(`Work order ${workOrder} is ${status}: only a closed order can be proposed as a guiding case`);
  }
}

/** Thrown when the order already has a proposed or published case; withdraw or reject that one first. */
export class GuidingCaseExistsError extends Error {
  override readonly name = 'GuidingCaseExistsError';
  constructor(
    readonly workOrder: string,
    readonly caseId: string,
    readonly state: string,
  ) {
    super(`Work order ${workOrder} already has guiding case '${caseId}', which is ${state}`);
  }
}

/** Thrown when the request names nobody to record as proposer or reviewer. */
export class MissingActorError extends Error {
  override readonly name = 'MissingActorError';
  constructor(readonly field = 'actor') {
    super(`Invalid request body field '${field}': who does this must be recorded; sign in or name the actor`);
  }
}
