import type { DataSource } from 'typeorm';
import type { EngineHost, InstanceRecord } from '../engine/index.js';
import { MessageCorrelationError, ProcessInstanceEndedError, ProcessInstanceNotFoundError } from '../engine/index.js';
import { byInstance, findSubscriptions } from './subscriptions.js';
import { whereVariableEquals } from './variable-filter.js';

export interface CorrelationRequest {
  messageName: string;
  businessKey?: string;
  processInstanceId?: string;
  /** Process variables the instance must hold, with equal type and value (engine values). */
  correlationKeys?: Record<string, unknown>;
  tenantId?: string;
  withoutTenantId?: boolean;
  /** Set on the instance before the waiting execution moves on. */
  processVariables?: Record<string, unknown>;
  /** Every match, instead of exactly one. */
  all?: boolean;
  userId?: string | null;
}

export interface CorrelationResult {
  executionId: string;
  activityId: string;
  instance: InstanceRecord;
  /** The instance ended during this command (the message led it to an end event). */
  ended: boolean;
}

export const NO_MATCH = 'No process definition or execution matches the parameters';

/**
 * `POST /message` (spec 4.6): finds executions waiting for the message (receive tasks and
 * intermediate message catch events, through `event_subscription`), checks the match is
 * unique unless `all`, and in each instance's own command sets the variables and signals
 * the waiting execution. Message start events are not correlated yet: a message that only
 * a start event would take is answered as no match.
 */
export class MessageCorrelation {
  constructor(
    private readonly dataSource: DataSource,
    private readonly host: EngineHost,
  ) {}

  async correlate(req: CorrelationRequest): Promise<CorrelationResult[]> {
    const name = req.messageName;
    const subscriptions = await findSubscriptions(this.dataSource, 'message', name, (f) => {
      f.eq('i.business_key', req.businessKey).eq('i.id', req.processInstanceId).eq('i.tenant_id', req.tenantId).when(req.withoutTenantId, 'i.tenant_id IS NULL');
      for (const [key, value] of Object.entries(req.correlationKeys ?? {})) whereVariableEquals(f, 'i.id', key, value);
    });
    if (subscriptions.length === 0) throw new MessageCorrelationError(name, NO_MATCH);
    if (!req.all && subscriptions.length > 1) {
      throw new MessageCorrelationError(name, `${subscriptions.length} executions match the correlation keys; pass all=true to correlate every one`);
    }
    const results: CorrelationResult[] = [];
    for (const [instanceId, waiting] of byInstance(subscriptions)) {
      try {
        const { result, outcome } = await this.host.execute(instanceId, req.userId ?? null, (ctx) => {
          const signalled: Array<{ executionId: string; activityId: string }> = [];
          for (const s of waiting) {
            // Re-checked under the instance lock: another command may have moved it meanwhile.
            const wait = ctx.tracker.waits.get(s.executionId);
            if (!wait || wait.kind !== 'message' || wait.eventName !== name) continue;
            if (signalled.length === 0 && req.processVariables) ctx.setVariables(req.processVariables);
            ctx.record({
              type: 'message.correlated',
              activityId: wait.activityId,
              executionId: wait.executionId,
              payload: { messageName: name, variables: Object.keys(req.processVariables ?? {}) },
            });
            wait.api.signal();
            signalled.push({ executionId: wait.executionId, activityId: wait.activityId });
          }
          return { instance: ctx.instance, signalled };
        });
        for (const s of result.signalled) results.push({ ...s, instance: result.instance, ended: outcome.state !== 'ACTIVE' });
      } catch (err) {
        // Ended or deleted between the lookup and the lock: it no longer waits.
        if (err instanceof ProcessInstanceEndedError || err instanceof ProcessInstanceNotFoundError) continue;
        throw err;
      }
    }
    if (results.length === 0) throw new MessageCorrelationError(name, NO_MATCH);
    return results;
  }
}
