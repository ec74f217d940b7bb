/**
 * Errors of the Camunda REST layer. Each class fixes the HTTP status and the Camunda exception
 * `type` its body carries (spec 1.5); the error handler reads those fields and never looks at
 * message text. `code` is 0 for errors that stand for an engine exception and null for errors
 * the REST layer raises itself (bad input, unknown route), as Camunda's `ExceptionDto` does.
 */

/** Base of every error the /engine-rest error handler answers with its own status and body. */
export class CamundaHttpError extends Error {
  override readonly name: string = 'CamundaHttpError';
  constructor(
    readonly statusCode: number,
    /** Simple Java exception class name Camunda would report, e.g. `InvalidRequestException`. */
    readonly type: string,
    message: string,
    readonly code: number | null = null,
  ) {
    super(message);
  }
}

/** Thrown when a request carries a parameter or body field that is missing or unusable. */
export class InvalidRequestError extends CamundaHttpError {
  override readonly name: string = 'InvalidRequestError';
  constructor(
    message: string,
    /** The parameter or field at fault (`maxResults`, `variables.amount`), when there is one. */
    readonly field?: string,
  ) {
    super(400, 'InvalidRequestException', message);
  }
}

/** Thrown when one entry of a typed-variable map cannot be decoded (spec 1.7). */
export class InvalidVariableError extends InvalidRequestError {
  override readonly name: string = 'InvalidVariableError';
  constructor(
    field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`, field);
  }
}

/** Thrown when a well-formed request asks for something the engine refuses (wrong worker, …). */
export class BadUserRequestError extends CamundaHttpError {
  override readonly name: string = 'BadUserRequestError';
  constructor(message: string) {
    super(400, 'BadUserRequestException', message, 0);
  }
}

/**
 * Thrown when the resource a request names does not exist. The message is the resource's own
 * Camunda wording (`No matching task with id t1`, `External task with id t3 does not exist`).
 */
export class NotFoundError extends CamundaHttpError {
  override readonly name: string = 'NotFoundError';
  constructor(
    message: string,
    readonly resource?: string,
    readonly id?: string,
  ) {
    super(404, 'NotFoundException', message, 0);
  }
}

/** Thrown for a task id that matches no task visible to the caller (spec 4.2). */
export class TaskNotFoundError extends NotFoundError {
  override readonly name: string = 'TaskNotFoundError';
  constructor(taskId: string) {
    super(`No matching task with id ${taskId}`, 'task', taskId);
  }
}

/** Thrown when no /engine-rest route matches the method and path. */
export class RouteNotFoundError extends CamundaHttpError {
  override readonly name: string = 'RouteNotFoundError';
  constructor(
    readonly method: string,
    readonly path: string,
  ) {
    super(404, 'NotFoundException', `Could not find resource for ${method} ${path}`);
  }
}

/** Thrown when a command conflicts with the resource's current state (Camunda says 500; we say 409). */
export class ConflictError extends CamundaHttpError {
  override readonly name: string = 'ConflictError';
  constructor(message: string, type = 'ProcessEngineException') {
    super(409, type, message, 0);
  }
}

/** Thrown when claiming a task that another user already holds (spec 4.2: 409, not Camunda's 500). */
export class TaskAlreadyClaimedError extends ConflictError {
  override readonly name: string = 'TaskAlreadyClaimedError';
  constructor(
    readonly taskId: string,
    readonly currentAssignee?: string,
  ) {
    super(`Task '${taskId}' is already claimed by someone else.`, 'TaskAlreadyClaimedException');
  }
}

/** One problem found while parsing a deployment resource (Camunda `ProblemDto`). */
export interface ParseProblem {
  message: string;
  line: number;
  column: number;
  mainBpmnElementId: string | null;
  bpmnElementIds: string[];
}

/** Problems per resource name, the `details` field of a `ParseException` body. */
export type ParseDetails = Record<string, { errors: ParseProblem[]; warnings: ParseProblem[] }>;

/** Prefix the Camunda Modeler recognises as "server could not parse the diagram" (spec 1.5). */
export const BPMN_PARSE_ERROR_PREFIX = 'ENGINE-09005 Could not parse BPMN process.';

/** Thrown when a deployed BPMN resource does not parse or does not validate. */
export class ParseError extends CamundaHttpError {
  override readonly name: string = 'ParseError';
  constructor(
    /** Human summary; the Modeler prefix is added when missing. */
    summary: string,
    readonly details: ParseDetails = {},
  ) {
    const message = summary.startsWith(BPMN_PARSE_ERROR_PREFIX) ? summary : `${BPMN_PARSE_ERROR_PREFIX} Errors: ${summary}`;
    super(400, 'ParseException', message, 0);
  }
}

/** Thrown when `POST /message` matches nothing, or several targets without `all` (spec 4.6). */
export class MismatchingMessageCorrelationError extends CamundaHttpError {
  override readonly name: string = 'MismatchingMessageCorrelationError';
  constructor(
    readonly messageName: string,
    readonly reason = 'No process definition or execution matches the parameters',
  ) {
    super(400, 'MismatchingMessageCorrelationException', `Cannot correlate message '${messageName}': ${reason}`, 0);
  }
}

/**
 * Thrown when a request lacks valid credentials. Answered with `WWW-Authenticate: Basic
 * realm="<engine>"` (spec 1.5, 1.6) and a `{type: 'AuthenticationException', message}` body.
 */
export class AuthenticationRequiredError extends CamundaHttpError {
  override readonly name: string = 'AuthenticationRequiredError';
  constructor(readonly realm = 'default') {
    super(401, 'AuthenticationException', 'Authentication required');
  }
}

/** Thrown when the authenticated user may not perform the operation. */
export class AuthorizationError extends CamundaHttpError {
  override readonly name: string = 'AuthorizationError';
  constructor(
    message: string,
    readonly userId: string | null = null,
  ) {
    super(403, 'AuthorizationException', message, 0);
  }
}

/**
 * Stands in for anything the handler cannot map (a bug, a lost database): a 500 whose message
 * names the request id for the log and nothing else — no stack, no driver text.
 */
export class UnexpectedServerError extends CamundaHttpError {
  override readonly name: string = 'UnexpectedServerError';
  constructor(readonly requestId?: string) {
    super(
      500,
      'RestException',
      requestId === undefined ? 'Internal server error' : `Internal server error; see the server log for request ${requestId}`,
    );
  }
}

/** Thrown when one error class is given two different mappings to an HTTP error. */
export class DuplicateErrorMappingError extends Error {
  override readonly name = 'DuplicateErrorMappingError';
  constructor(readonly errorClassName: string) {
    super(`an HTTP mapping for ${errorClassName} is already registered (register mappings once, at module top level)`);
  }
}

/** Thrown when a `variable` table row carries a type or value the codecs cannot read back. */
export class InvalidStoredVariableError extends Error {
  override readonly name = 'InvalidStoredVariableError';
  constructor(
    readonly variableName: string,
    readonly reason: string,
  ) {
    super(`stored variable ${variableName} is unreadable: ${reason}`);
  }
}
