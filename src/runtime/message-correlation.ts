import type { DataSource } from 'typeorm';
import type { EngineHost, InstanceRecord } from '../engine/index.js';
import { MessageCorrelationError, ProcessInstanceEndedError, ProcessInstanceNotFoundError } from '../engine/index.js';
import { byInstance, findSubscriptions, type Subscription } from './subscriptions.js';
import { MessageStartEvents } from './message-start-events.js';
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
  /** `Execution`: a waiting execution took it; `ProcessDefinition`: a message start event started `instance`. */
  resultType: 'Execution' | 'ProcessDefinition';
  executionId: string | null;
  activityId: string;
  instance: InstanceRecord;
  /** The instance ended during this command (the message led it to an end event). */
  ended: boolean;
}

export const NO_MATCH = 'No process definition or execution matches the parameters';

/**
 * `POST /message` (spec 4.6), Camunda's order: executions waiting for the message first
 * (receive tasks and intermediate message catch events, through `event_subscription`); only
 * when none took it, message start events of the latest definition versions. Without `all`
 * the match must be unique; with `all` every waiting execution and every matching definition
 * gets it. Each instance is its own command (variables set, then the wait signalled).
 *
 * One departure: a message that names an instance (processInstanceId) or carries correlation
 * keys is meant for running work and never starts a new instance; Camunda would ignore the
 * keys for start events. A hotline order must not be duplicated by a late callback.
 */
export class MessageCorrelation {
  readonly #starts: MessageStartEvents;

  constructor(
    private readonly dataSource: DataSource,
    private readonly host: EngineHost,
  ) {
    this.#starts = new MessageStartEvents(dataSource, host);
  }

  async correlate(req: CorrelationRequest): Promise<CorrelationResult[]> {
    const name = req.messageName;
    const subscriptions = await findSubscriptions(this.dataSource, 'message', name, (f) => {
      f.eq('i.business_key', req.businessKey).eq('i.id', req.processInstanceId).eq('i.tenant_id', req.tenantId).when(req.withoutTenantId, 'i.tenant_id IS NULL');
      for (const [key, value] of Object.entries(req.correlationKeys ?? {})) whereVariableEquals(f, 'i.id', key, value);
    });
    if (!req.all && subscriptions.length > 1) {
      throw new MessageCorrelationError(name, `${subscriptions.length} executions match the correlation keys; pass all=true to correlate every one`);
    }
    const results = await this.#toExecutions(subscriptions, req);
    const mayStart = !req.processInstanceId && Object.keys(req.correlationKeys ?? {}).length === 0;
    if (mayStart && (req.all || results.length === 0)) {
      const starts = await this.#starts.find(name, req);
      if (!req.all && starts.length > 1) {
        throw new MessageCorrelationError(name, `${starts.length} process definitions have a message start event for it (${starts.map((s) => s.key).join(', ')}); pass tenantId or all=true`);
      }
      for (const s of starts) {
        const started = await this.#starts.start(s, name, req);
        results.push({ resultType: 'ProcessDefinition', executionId: null, activityId: started.activityId, instance: started.instance, ended: started.ended });
      }
    }
    if (results.length === 0) throw new MessageCorrelationError(name, NO_MATCH);
    return results;
  }

  async #toExecutions(subscriptions: Subscription[], req: CorrelationRequest): Promise<CorrelationResult[]> {
    const name = req.messageName;
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
        for (const s of result.signalled) results.push({ resultType: 'Execution', ...s, instance: result.instance, ended: outcome.state !== 'ACTIVE' });
      } catch (err) {
        // Ended or deleted between the lookup and the lock: it no longer waits.
        if (err instanceof ProcessInstanceEndedError || err instanceof ProcessInstanceNotFoundError) continue;
        throw err;
      }
    }
    return results;
  }
}
