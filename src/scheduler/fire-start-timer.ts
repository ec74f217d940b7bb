import type { DataSource } from 'typeorm';
import type { CommandContext, CommandOutcome, EngineHost } from '../engine/index.js';
import { nextOccurrence, type TimerType } from './start-timer-schedule.js';
import type { ClaimedStartTimer, TimerJob } from './timer-store.js';
import { StartEventNotArmedError } from './errors.js';
import * as sql from './sql/timer-start-jobs.js';

export interface StartTimerFiringOptions {
  host: EngineHost;
  dataSource: DataSource;
  nodeId: string;
}

interface LockedStartJob {
  id: string;
  process_definition_id: string;
  activity_id: string;
  timer_type: TimerType;
  timer_value: string;
  repeat: number | null;
  due_at: Date | string;
}

/**
 * Fires a timer start job (Camunda's "timer start event" job): in ONE transaction, lock the
 * job row, start a new instance of its definition and fire that instance's start event, then
 * advance the job to the cycle's next occurrence or delete it. So an occurrence either
 * started exactly one instance and moved the job on, or did neither; a second delivery of it
 * (another node whose lease ran out, a BullMQ duplicate) waits for the row lock and then finds
 * a different due time or no row, and is stale.
 *
 * Starting reuses EngineHost.start: bpmn-elements arms the start event's timer like any timer
 * (it would wait there), and the start command fires that armed timer before anything is
 * written. A timeDate that has passed completes by itself while the engine starts. Other start
 * events of the process that wait too (a second timer or a message start) are discarded: the
 * instance was started by this one. There is no business key (Camunda sets none).
 */
export class StartTimerFiring {
  constructor(private readonly o: StartTimerFiringOptions) {}

  /** The started instance's outcome, or undefined when the job had moved on (stale). */
  async fire(t: ClaimedStartTimer): Promise<CommandOutcome | undefined> {
    let next: TimerJob | undefined;
    const outcome = await this.o.dataSource.transaction(async (tx) => {
      const [job] = (await tx.query(sql.lockStartJob, [t.id])) as LockedStartJob[];
      if (!job || new Date(job.due_at).getTime() !== t.dueAt.getTime()) return undefined;
      const started = await this.o.host.start(job.process_definition_id, { tx, businessKey: null, userId: null, command: (ctx) => this.#fireStartEvent(ctx, t) });
      const following = nextOccurrence(job.timer_type, job.timer_value, { dueAt: t.dueAt, repeat: job.repeat });
      if (following) {
        await tx.query(sql.advanceStartJob, [t.id, following.dueAt, following.repeat]);
        next = { id: t.id, dueAt: following.dueAt };
      } else {
        await tx.query(sql.deleteStartJob, [t.id]);
      }
      return started;
    });
    // Committed: the delivery gets the new instance's timers and the job's next occurrence.
    if (outcome) this.o.host.announce(next ? { ...outcome, timers: [...outcome.timers, next] } : outcome);
    return outcome;
  }

  #fireStartEvent(ctx: CommandContext, t: ClaimedStartTimer): void {
    const ref = ctx.timers.executing.find((r) => r.owner?.id === t.activityId && r.owner.timerType);
    if (ref) ctx.timers.fire(ref);
    else if (!ctx.tracker.activities.some((a) => a.kind === 'end' && a.activityId === t.activityId)) {
      throw new StartEventNotArmedError(t.processDefinitionId, t.activityId);
    }
    for (const api of ctx.execution.getPostponed()) {
      if (api.type === 'bpmn:StartEvent' && api.id !== t.activityId) api.discard();
    }
    ctx.record({
      type: 'timer.fired',
      activityId: t.activityId,
      executionId: ref?.owner?.executionId ?? null,
      payload: { timerId: t.id, dueAt: t.dueAt.toISOString(), nodeId: this.o.nodeId, startEvent: true },
    });
  }
}
