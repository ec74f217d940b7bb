import type { DataSource } from 'typeorm';
import type { EngineHost } from '../engine/index.js';
import { ProcessInstanceEndedError, ProcessInstanceNotFoundError } from '../engine/index.js';
import { SignalExecutionNotWaitingError } from './errors.js';
import { byInstance, findSubscriptions } from './subscriptions.js';

export interface SignalRequest {
  name: string;
  /** Only this waiting execution (bpmn-engine execution ids are unique per instance, so every instance's). */
  executionId?: string;
  /** Set as process variables on every instance the signal reaches. */
  variables?: Record<string, unknown>;
  tenantId?: string;
  withoutTenantId?: boolean;
  userId?: string | null;
}

/**
 * `POST /signal` (spec 4.7): every execution waiting in a signal catch event of that name
 * moves on. Each instance is its own command, so one failing instance does not hold back
 * the others; the first failure is rethrown after all were tried. No receiver is not an
 * error. Signal start events are not triggered yet.
 */
export class SignalBroadcast {
  constructor(
    private readonly dataSource: DataSource,
    private readonly host: EngineHost,
  ) {}

  /** Returns how many executions received the signal. */
  async broadcast(req: SignalRequest): Promise<number> {
    const subscriptions = await findSubscriptions(this.dataSource, 'signal', req.name, (f) => {
      f.eq('s.execution_id', req.executionId).eq('i.tenant_id', req.tenantId).when(req.withoutTenantId, 'i.tenant_id IS NULL');
    });
    if (req.executionId !== undefined && subscriptions.length === 0) throw new SignalExecutionNotWaitingError(req.name, req.executionId);
    let delivered = 0;
    let failure: unknown;
    for (const [instanceId, waiting] of byInstance(subscriptions)) {
      try {
        const { result } = await this.host.execute(instanceId, req.userId ?? null, (ctx) => {
          let count = 0;
          for (const s of waiting) {
            const wait = ctx.tracker.waits.get(s.executionId);
            if (!wait || wait.kind !== 'signal' || wait.eventName !== req.name) continue;
            if (count === 0 && req.variables) ctx.setVariables(req.variables);
            ctx.record({ type: 'signal.received', activityId: wait.activityId, executionId: wait.executionId, payload: { signalName: req.name } });
            wait.api.signal();
            count++;
          }
          return count;
        });
        delivered += result;
      } catch (err) {
        if (err instanceof ProcessInstanceEndedError || err instanceof ProcessInstanceNotFoundError) continue;
        failure ??= err;
      }
    }
    if (failure !== undefined) throw failure;
    return delivered;
  }
}
