/**
 * How errors of the engine, definitions and runtime modules are answered under /engine-rest.
 * Registered once, when this module is first imported.
 */
import { QueryFailedError } from 'typeorm';
import * as engine from '../../engine/index.js';
import * as defs from '../../definitions/index.js';
import * as runtime from '../../runtime/index.js';
import { CalendarYearNotCoveredError } from '../../calendar/index.js';
import { InvalidTimerStartError } from '../../scheduler/index.js';
import {
  registerErrorMapping,
  NotFoundError,
  InvalidRequestError,
  TaskNotFoundError,
  TaskAlreadyClaimedError,
  ConflictError,
  ParseError,
  MismatchingMessageCorrelationError,
  UnexpectedServerError,
  CamundaHttpError,
} from '../camunda/index.js';

registerErrorMapping(engine.ProcessInstanceNotFoundError, (e) => new NotFoundError(`No matching process instance with id ${e.processInstanceId}`));
registerErrorMapping(engine.ProcessInstanceEndedError, (e) => new NotFoundError(`Process instance ${e.processInstanceId} has already ended (${e.state})`));
registerErrorMapping(engine.ProcessDefinitionNotFoundError, (e) => new NotFoundError(`No matching process definition ${e.reference}`));
registerErrorMapping(engine.ProcessDefinitionSuspendedError, (e) => new InvalidRequestError(`Process definition ${e.processDefinitionId} is suspended`));
registerErrorMapping(engine.TaskNotFoundError, (e) => new TaskNotFoundError(e.taskId));
registerErrorMapping(engine.TaskAlreadyClaimedError, (e) => new TaskAlreadyClaimedError(e.taskId, e.assignee));
registerErrorMapping(engine.FormValidationError, (e) => new InvalidRequestError(e.message, `variables.${e.field}`));
registerErrorMapping(engine.InvalidTaskAttributeError, (e) => new InvalidRequestError(e.message, e.attribute));
registerErrorMapping(engine.MessageCorrelationError, (e) => new MismatchingMessageCorrelationError(e.messageName, e.reason));
/**
 * The engine refusing to run a command (an expression over a variable that is missing, a
 * timer value that does not parse) is the caller's data, not a server fault: 400 with the
 * activity named, and the instance is untouched (the transaction rolled back).
 */
registerErrorMapping(engine.ProcessExecutionError, (e) => new CamundaHttpError(400, 'ProcessEngineException', e.message, 0));
// The same, thrown straight from our own element code (a user task's `${unit}` candidate group).
registerErrorMapping(engine.ExpressionEvaluationError, (e) => new CamundaHttpError(400, 'ProcessEngineException', e.message, 0));
/**
 * A deadline reached a year without a holiday schedule (the EngineHost surfaces it through the
 * expression that asked). The request is fine and so is the diagram; the calendar lacks data
 * an administrator must load, hence 422, with the message naming the year and the region.
 * The command rolled back. Also used by /api/calendar.
 */
registerErrorMapping(CalendarYearNotCoveredError, (e) => new CamundaHttpError(422, 'CalendarYearNotCoveredException', e.message, 0));
registerErrorMapping(defs.BpmnParseError, (e) => new ParseError(e.message, e.toCamundaDetails()));
registerErrorMapping(defs.InvalidDeploymentError, (e) => new InvalidRequestError(e.reason));
// A timer start event whose value gives no due time at deployment: the diagram's fault.
registerErrorMapping(InvalidTimerStartError, (e) => new InvalidRequestError(e.message));
registerErrorMapping(defs.DeploymentNotFoundError, (e) => new NotFoundError(`Deployment with id '${e.deploymentId}' does not exist`));
registerErrorMapping(defs.DeploymentInUseError, (e) => new ConflictError(e.message));

/** PostgreSQL's lock_timeout: another command held the instance too long. The client may retry. */
export class InstanceBusyError extends ConflictError {
  constructor() {
    super('The process instance is busy with another command; retry', 'OptimisticLockingException');
  }
}
export { UnexpectedServerError };

registerErrorMapping(QueryFailedError, (e) => {
  const code = (e.driverError as { code?: string } | undefined)?.code;
  return code === '55P03' || code === '40001' || code === '40P01' ? new InstanceBusyError() : new UnexpectedServerError();
});

/** Runtime read side and instance commands (process-instance, history, signal routes). */
registerErrorMapping(runtime.VariableNotFoundError, (e) => new NotFoundError(e.message, 'variable', e.variableName));
registerErrorMapping(runtime.HistoricInstanceNotFoundError, (e) => new NotFoundError(e.message, e.kind, e.id));
registerErrorMapping(runtime.SignalExecutionNotWaitingError, (e) => new CamundaHttpError(400, 'BadUserRequestException', e.message, 0));
