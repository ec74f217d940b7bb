import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { CorrelationResult } from '../../runtime/index.js';
import { InvalidRequestError, NullableVariableMapSchema, decodeVariables, toEngineVariables, withoutTransient } from '../camunda/index.js';
import { variablesDto } from './runtime-dto.js';
import './services-decorator.js';
import { actorOf } from '../../auth/index.js';

const nullable = <T extends ReturnType<typeof Type.String>>(s: T) => Type.Optional(Type.Union([s, Type.Null()]));
const nullableBool = Type.Optional(Type.Union([Type.Boolean(), Type.Null()]));

const MessageBody = Type.Object({
  messageName: nullable(Type.String()),
  businessKey: nullable(Type.String()),
  processInstanceId: nullable(Type.String()),
  correlationKeys: Type.Optional(NullableVariableMapSchema),
  localCorrelationKeys: Type.Optional(NullableVariableMapSchema),
  processVariables: Type.Optional(NullableVariableMapSchema),
  processVariablesLocal: Type.Optional(NullableVariableMapSchema),
  processVariablesToTriggeredScope: Type.Optional(NullableVariableMapSchema),
  tenantId: nullable(Type.String()),
  withoutTenantId: nullableBool,
  all: nullableBool,
  resultEnabled: nullableBool,
  variablesInResultEnabled: nullableBool,
});

interface MessageBodyDto {
  messageName?: string | null;
  businessKey?: string | null;
  processInstanceId?: string | null;
  correlationKeys?: unknown;
  localCorrelationKeys?: unknown;
  processVariables?: unknown;
  processVariablesLocal?: unknown;
  processVariablesToTriggeredScope?: unknown;
  tenantId?: string | null;
  withoutTenantId?: boolean | null;
  all?: boolean | null;
  resultEnabled?: boolean | null;
  variablesInResultEnabled?: boolean | null;
}

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'object' && Object.keys(v).length === 0);

/**
 * `POST /message` (spec 4.6): correlate to waiting receive tasks and message catch events by
 * business key, instance id and process-variable correlation keys; when none waits, start an
 * instance at a message start event of the latest definition version (business key and
 * variables become the new instance's). Execution-local keys and variables are refused (400):
 * there are no execution-local variables here.
 */
export const messageRoutes: FastifyPluginAsync = async (app) => {
  const { messages, instanceQueries } = app.services;

  app.post('/message', { schema: { tags: ['message'], summary: 'Correlate a message to waiting executions', body: MessageBody } }, async (request, reply) => {
    const body = request.body as MessageBodyDto;
    if (!body.messageName) throw new InvalidRequestError('No message name supplied', 'messageName');
    if (body.tenantId && body.withoutTenantId) {
      throw new InvalidRequestError("Parameter 'tenantId' cannot be used together with parameter 'withoutTenantId'.", 'withoutTenantId');
    }
    if (body.variablesInResultEnabled && !body.resultEnabled) {
      throw new InvalidRequestError("Parameter 'variablesInResultEnabled' cannot be used without 'resultEnabled' set to true.", 'variablesInResultEnabled');
    }
    for (const field of ['localCorrelationKeys', 'processVariablesLocal', 'processVariablesToTriggeredScope'] as const) {
      if (!isEmpty(body[field])) throw new InvalidRequestError(`'${field}' is not supported: executions have no local variables here`, field);
    }
    const correlationKeys = toEngineVariables(decodeVariables(body.correlationKeys, 'correlationKeys'));
    const processVariables = toEngineVariables(withoutTransient(decodeVariables(body.processVariables, 'processVariables')));
    const results = await messages.correlate({
      messageName: body.messageName,
      ...(body.businessKey ? { businessKey: body.businessKey } : {}),
      ...(body.processInstanceId ? { processInstanceId: body.processInstanceId } : {}),
      ...(body.tenantId ? { tenantId: body.tenantId } : {}),
      withoutTenantId: body.withoutTenantId === true,
      correlationKeys,
      processVariables,
      all: body.all === true,
      userId: actorOf(request),
    });
    request.log.info({ messageName: body.messageName, processInstanceIds: [...new Set(results.map((r) => r.instance.id))] }, 'message correlated');
    if (!body.resultEnabled) return reply.code(204).send();
    const answer = [];
    for (const r of results) {
      const dto: Record<string, unknown> = resultDto(r);
      if (body.variablesInResultEnabled) dto.variables = variablesDto(await instanceQueries.storedVariables(r.instance.id));
      answer.push(dto);
    }
    return answer;
  });
};

/**
 * Camunda `MessageCorrelationResultDto`: an `Execution` result names the execution, a
 * `ProcessDefinition` result (a message start event) the instance it started.
 */
function resultDto(r: CorrelationResult) {
  const { instance } = r;
  if (r.resultType === 'ProcessDefinition') {
    return {
      resultType: 'ProcessDefinition',
      execution: null,
      processInstance: { links: [], id: instance.id, definitionId: instance.definitionId, businessKey: instance.businessKey, caseInstanceId: null, ended: r.ended, suspended: false, tenantId: instance.tenantId },
    };
  }
  return {
    resultType: 'Execution',
    execution: { id: r.executionId, processInstanceId: instance.id, ended: r.ended, tenantId: instance.tenantId },
    processInstance: null,
  };
}
