import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { Clock } from '../clock/index.js';
import {
  ProcessInstanceEndedError,
  ProcessInstanceNotFoundError,
  type CommandContext,
  type EngineHost,
} from '../engine/index.js';
import type { ClaimedInstanceTimer, ClaimedTimer, TimerJob, TimerStore } from './timer-store.js';
import type { StartTimerFiring } from './fire-start-timer.js';

/**
 * What became of one delivery of a timer:
 * - `fired`: the timer's transition committed (this delivery did it);
 * - `stale`: nothing to do, the timer was already fired, its element left, or its due time moved;
 * - `busy`: another node holds the timer right now, or the instance stayed locked; try later;
 * - `early`: delivered before its due time on this node's clock;
 * - `failed`: the engine failed; the attempt is recorded and a retry will follow;
 * - `incident`: the last attempt failed; an incident is open and nobody retries.
 */
export type FireOutcome = 'fired' | 'stale' | 'busy' | 'early' | 'failed' | 'incident';

/** Emitted as `firing` on TimerFiring.events after every attempt on a timer this node had claimed. */
export interface FiringReport {
  timerId: string;
  /** The timer's instance; for a timer start job, the instance it started (if it did). */
  processInstanceId: string | null;
  /** Set for timer start jobs: the definition the job belongs to. */
  processDefinitionId: string | null;
  activityId: string | null;
  dueAt: Date;
  outcome: FireOutcome;
  /** When the outcome was final (for `fired`: committed), on the injected clock. */
  at: Date;
}

export interface TimerFiringOptions {
  host: EngineHost;
  store: TimerStore;
  clock: Clock;
  logger: Logger;
  nodeId: string;
  /** Wait before a failed timer is tried again (real time). */
  retryDelayMs: number;
  /** Fires timer start jobs (rows without an instance). */
  starts: StartTimerFiring;
}

/** Thrown inside the firing command to roll it back when the timer is no longer the claimed one. */
class StaleTimer extends Error {
  override readonly name = 'StaleTimer';
}

const LOCK_NOT_AVAILABLE = '55P03';
const BUSY_BACKOFF_MS = 1_000;

/**
 * One firing = one engine command on the timer's instance: lock the instance, recover, then
 * fire the timer by its execution id, persist, commit. It is idempotent: before the lock the
 * timer row is leased (so two nodes do not both try), and under the lock the row must still
 * exist with the due time this delivery was scheduled for. A task completed first deletes
 * the row in its own transaction, and a fired timer's row is deleted by the firing command's
 * reconciliation, so a late or duplicate delivery finds nothing and is a no-op.
 *
 * bpmn-elements completes a timer whose due time has passed by itself while the engine
 * resumes, so at or after the due time the command usually finds the timer already fired by
 * the resume; the explicit `fire(ref)` covers a delivery a little ahead of the engine's own
 * due time (another node's clock).
 */
export class TimerFiring {
  readonly events = new EventEmitter();

  constructor(private readonly o: TimerFiringOptions) {}

  /** Fires a delivered job (BullMQ): claims it first, since other nodes may hold it. */
  async fire(job: TimerJob): Promise<FireOutcome> {
    if (job.dueAt.getTime() > this.o.clock.now().getTime()) return 'early';
    const claimed = await this.o.store.claimOne(job);
    if (claimed) return this.fireClaimed(claimed);
    return (await this.o.store.exists(job)) ? 'busy' : 'stale';
  }

  /** Fires a timer this node already holds the lease on. */
  async fireClaimed(t: ClaimedTimer): Promise<FireOutcome> {
    const owner = t.kind === 'start' ? { processDefinitionId: t.processDefinitionId } : { processInstanceId: t.processInstanceId };
    const log = { timerId: t.id, ...owner, activityId: t.activityId, dueAt: t.dueAt.toISOString() };
    let outcome: FireOutcome;
    let instanceId = t.kind === 'instance' ? t.processInstanceId : null;
    try {
      if (t.kind === 'start') {
        const started = await this.o.starts.fire(t);
        outcome = started ? 'fired' : 'stale';
        instanceId = started?.instanceId ?? null;
        if (started) this.o.logger.debug({ ...log, startedInstanceId: instanceId, lagMs: this.o.clock.now().getTime() - t.dueAt.getTime() }, 'timer start event fired');
      } else {
        const { result } = await this.o.host.execute(t.processInstanceId, null, (ctx) => this.#command(ctx, t));
        outcome = result === 'fired' ? 'fired' : 'stale';
        if (result === 'repaired') this.o.logger.warn(log, 'timer row had no armed timer in the engine; row dropped');
        else this.o.logger.debug({ ...log, lagMs: this.o.clock.now().getTime() - t.dueAt.getTime() }, 'timer fired');
      }
      // The firing removed, replaced or advanced the row; a lease on a surviving row would
      // only delay it.
      await this.o.store.release(t.id);
    } catch (err) {
      outcome = await this.#onError(t, err, log);
    }
    this.#report(t, outcome, instanceId);
    return outcome;
  }

  async #command(ctx: CommandContext, t: ClaimedInstanceTimer): Promise<'fired' | 'repaired'> {
    const dueAt = await this.o.store.dueAtIn(ctx.tx, t.id);
    if (!dueAt || dueAt.getTime() !== t.dueAt.getTime()) throw new StaleTimer();
    const ref = ctx.timers.find(t.executionId);
    let result: 'fired' | 'repaired' = 'fired';
    if (ref) ctx.timers.fire(ref);
    else if (!firedOnResume(ctx, t)) result = 'repaired';
    if (result === 'fired') {
      ctx.record({
        type: 'timer.fired',
        activityId: t.activityId,
        executionId: t.executionId,
        payload: { timerId: t.id, dueAt: t.dueAt.toISOString(), nodeId: this.o.nodeId },
      });
    }
    return result;
  }

  async #onError(t: ClaimedTimer, err: unknown, log: Record<string, unknown>): Promise<FireOutcome> {
    if (err instanceof StaleTimer || err instanceof ProcessInstanceNotFoundError || err instanceof ProcessInstanceEndedError) {
      await this.o.store.release(t.id);
      return 'stale';
    }
    if (pgCode(err) === LOCK_NOT_AVAILABLE) {
      this.o.logger.info(log, 'instance stayed locked; timer will be tried again');
      await this.o.store.backOff(t.id, BUSY_BACKOFF_MS);
      return 'busy';
    }
    const message = err instanceof Error ? err.message : String(err);
    const attempts = await this.o.store.recordFailure(t, message, this.o.retryDelayMs, this.o.clock.now());
    if (attempts === undefined) return 'stale';
    if (attempts >= this.o.store.maxAttempts) {
      this.o.logger.error({ ...log, err, attempts }, 'timer failed at its last attempt; incident opened');
      return 'incident';
    }
    this.o.logger.warn({ ...log, err, attempts }, 'timer firing failed; it will be retried');
    return 'failed';
  }

  #report(t: ClaimedTimer, outcome: FireOutcome, processInstanceId: string | null): void {
    const report: FiringReport = {
      timerId: t.id,
      processInstanceId,
      processDefinitionId: t.kind === 'start' ? t.processDefinitionId : null,
      activityId: t.activityId,
      dueAt: t.dueAt,
      outcome,
      at: this.o.clock.now(),
    };
    this.events.emit('firing', report);
  }
}

/**
 * Whether the resume itself completed the timer: its event ended in this command. The
 * timer's execution id is the event's own or the event definition's (`<event exec>_0`).
 */
function firedOnResume(ctx: CommandContext, t: ClaimedInstanceTimer): boolean {
  return ctx.tracker.activities.some(
    (a) => a.kind === 'end' && a.activityId === t.activityId && (t.executionId === a.executionId || t.executionId.startsWith(`${a.executionId}_`)),
  );
}

function pgCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; driverError?: { code?: unknown } } | undefined;
  const code = e?.code ?? e?.driverError?.code;
  return typeof code === 'string' ? code : undefined;
}
