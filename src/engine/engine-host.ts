import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import type { Clock } from '../clock/index.js';
import type { BpmnExecution } from './bpmn-types.js';
import { EngineFactory, type ExpressionHandler } from './engine-factory.js';
import { ExecutionTracker } from './execution-tracker.js';
import type { DurableTimers } from './durable-timers.js';
import { persistCommand, type HistoryEventInput } from './persist-command.js';
import { ProcessExecutionError, ProcessInstanceEndedError, ProcessInstanceNotFoundError } from './errors.js';
import { insertInstance, lockInstance } from './sql/instances.js';
import { findSurfacedError, type ErrorClass } from './surfaced-errors.js';

/** A deployed definition, as the host needs it. */
export interface DefinitionRecord {
  id: string;
  key: string;
  version: number;
  name: string | null;
  tenantId: string | null;
  /** Deserialized moddle context, shared by every engine of this version. */
  sourceContext: unknown;
}

export interface DefinitionProvider {
  /**
   * `tx`: the running command's transaction. A miss inside a command must load through it: on
   * embedded PGlite a second connection waits until the transaction ends, i.e. forever.
   */
  get(definitionId: string, tx?: Queryable): Promise<DefinitionRecord>;
}

export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any>;
}

export interface InstanceRecord {
  id: string;
  definitionId: string;
  definitionKey: string;
  businessKey: string | null;
  tenantId: string | null;
}

/** What a command sees while it runs inside the instance's transaction. */
export interface CommandContext {
  readonly instance: InstanceRecord;
  readonly definition: DefinitionRecord;
  readonly execution: BpmnExecution;
  readonly tracker: ExecutionTracker;
  readonly timers: DurableTimers;
  readonly tx: EntityManager;
  readonly now: Date;
  readonly userId: string | null;
  /** The process scope's variables now. */
  variables(): Record<string, unknown>;
  /** Sets process-scope variables, before the command signals anything. */
  setVariables(vars: Record<string, unknown>): void;
  /** Appends an event to the instance's history, in this transaction. */
  record(event: HistoryEventInput): void;
  /** Ends the instance without running it further (delete / cancel). */
  terminate(reason: string): void;
}

export interface CommandOutcome {
  instanceId: string;
  businessKey: string | null;
  state: 'ACTIVE' | 'COMPLETED' | 'EXTERNALLY_TERMINATED';
  revision: number;
  /** Timer jobs this command (re)armed, for the scheduler. */
  timers: Array<{ id: string; dueAt: Date }>;
  /** Topics that got new external tasks, for long-polling workers. */
  externalTopics: string[];
}

export interface EngineHostOptions {
  dataSource: DataSource;
  clock: Clock;
  expressions: ExpressionHandler;
  definitions: DefinitionProvider;
  logger: Logger;
  /** How long a command waits for another command on the same instance. */
  lockTimeoutMs?: number;
  /**
   * Awaited inside each command's transaction after the engine's writes (wait states,
   * variables, history, the instance row) and before the commit. Read models that must never
   * disagree with the engine are kept here: the work-order projection (src/work-orders) reads
   * what the command wrote through `ctx.tx` and updates its order. A throw rolls the whole
   * command back. Must use `ctx.tx`, never the pool.
   */
  afterCommand?: (ctx: CommandContext, outcome: CommandOutcome) => Promise<void>;
  /**
   * Awaited inside each command's transaction, before the engine runs, with the instance (its
   * tenant id) and the transaction. Loads what whitelisted expression functions need, since
   * they are synchronous: the business calendar of the instance's region. Reads go through
   * `tx` (on embedded PGlite a second connection would wait for this transaction forever).
   */
  prepareCommand?: (instance: InstanceRecord, tx: Queryable) => Promise<void>;
  /**
   * Error classes a failing command throws as themselves, however deep the evaluator or
   * bpmn-elements wrapped them, instead of a ProcessExecutionError: domain errors of
   * expression functions whose class decides the HTTP answer (CalendarYearNotCoveredError).
   * The transaction rolls back either way.
   */
  surfaceErrors?: readonly ErrorClass[];
}

export interface StartOptions {
  businessKey?: string | null;
  variables?: Record<string, unknown>;
  userId?: string | null;
  /**
   * Runs the start inside the caller's open transaction instead of a new one, so that the
   * caller's own writes commit or roll back together with the instance (work-order intake:
   * number, order row and instance are one transaction). The caller owns the commit, so
   * `committed` is not emitted here: call `announce(outcome)` once the transaction committed.
   */
  tx?: EntityManager;
  /**
   * Runs inside the start command once the engine reached its first wait states, before
   * anything is written. A timer start job fires its start event's armed timer here, so the
   * new instance and the firing are one command (src/scheduler/fire-start-timer.ts).
   */
  command?: (ctx: CommandContext) => void | Promise<void>;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- bpmn-engine's Engine is untyped */

/**
 * The durable execution loop. Every command runs in one PostgreSQL transaction:
 * lock the instance row → recover an engine from the stored state → resume → apply the
 * command → run until every token waits again → write the state, the wait-state rows, the
 * variables and the history → commit. Only after the commit are the scheduler and external
 * task pollers told (`committed` event); if that notice is lost, the reconciler finds the
 * rows anyway. No engine outlives its command, so two service processes never hold diverging
 * copies of one instance.
 */
export class EngineHost {
  readonly factory: EngineFactory;
  /** Emits `committed` (CommandOutcome) after each successful command. */
  readonly events = new EventEmitter();
  readonly #o: EngineHostOptions;

  constructor(options: EngineHostOptions) {
    this.#o = options;
    this.factory = new EngineFactory({ clock: options.clock, expressions: options.expressions });
  }

  /** Starts an instance and runs it to its first wait states, in one transaction. */
  async start(definitionId: string, options: StartOptions = {}): Promise<CommandOutcome> {
    const definition = await this.#o.definitions.get(definitionId, options.tx);
    const id = randomUUID();
    const instance: InstanceRecord = {
      id,
      definitionId: definition.id,
      definitionKey: definition.key,
      businessKey: options.businessKey ?? null,
      tenantId: definition.tenantId,
    };
    return this.#transaction(async (tx) => {
      const now = this.#o.clock.now();
      await tx.query(insertInstance, [id, definition.id, definition.key, instance.businessKey, instance.tenantId, now, options.userId ?? null, null]);
      await this.#o.prepareCommand?.(instance, tx);
      const { engine, timers } = this.factory.create(id, definition.sourceContext, engineSettings(instance));
      const tracker = new ExecutionTracker();
      engine.on('error', tracker.onEngineError);
      const variables = { ...options.variables };
      const execution = (await engine.execute({ listener: tracker.listener, variables })) as BpmnExecution;
      const ctx = this.#context(instance, definition, execution, tracker, timers, tx, now, options.userId ?? null, engine);
      ctx.record({ type: 'instance.started', payload: { variables: options.variables ?? {} } });
      if (options.command) {
        try {
          await options.command(ctx);
        } catch (err) {
          await stopEngine(engine, tracker);
          throw err;
        }
      }
      return this.#finish(ctx, engine);
    }, options.tx);
  }

  /**
   * Evaluates a `${…}` text that belongs to a definition, not to an instance: a timer start
   * event's value, computed when the definition is deployed. No process variables exist yet,
   * so only whitelisted functions can do anything; they see the definition's tenant as
   * `this.settings.tenantId`, as they would inside an instance of it, and prepareCommand runs
   * first so they find what they need (the region's calendar). Reads go through `tx`.
   */
  async evaluateForDefinition(text: string, definition: { id: string; key: string; tenantId: string | null }, tx: Queryable): Promise<unknown> {
    const instance: InstanceRecord = { id: '', definitionId: definition.id, definitionKey: definition.key, businessKey: null, tenantId: definition.tenantId };
    await this.#o.prepareCommand?.(instance, tx);
    try {
      return this.#o.expressions.resolveExpression(text, { environment: { variables: {}, settings: engineSettings(instance) } });
    } catch (err) {
      throw this.#surfaced(err) ?? err;
    }
  }

  /**
   * Emits `committed` for a command that ran in the caller's transaction (`StartOptions.tx`),
   * after the caller committed it.
   */
  announce(outcome: CommandOutcome): void {
    this.events.emit('committed', outcome);
  }

  /**
   * Runs `command` against a recovered instance. The command signals, fires or cancels through
   * the context; the host persists whatever the engine did.
   */
  async execute<T>(
    instanceId: string,
    userId: string | null,
    command: (ctx: CommandContext) => T | Promise<T>,
  ): Promise<{ result: T; outcome: CommandOutcome }> {
    return this.#transaction(async (tx) => {
      const rows = (await tx.query(lockInstance, [instanceId])) as Array<Record<string, any>>;
      const row = rows[0];
      if (!row) throw new ProcessInstanceNotFoundError(instanceId);
      if (row.state !== 'ACTIVE') throw new ProcessInstanceEndedError(instanceId, row.state);
      const definition = await this.#o.definitions.get(row.definition_id, tx);
      const instance: InstanceRecord = {
        id: row.id,
        definitionId: row.definition_id,
        definitionKey: row.definition_key,
        businessKey: row.business_key,
        tenantId: row.tenant_id,
      };
      const now = this.#o.clock.now();
      await this.#o.prepareCommand?.(instance, tx);
      const { engine, timers } = this.factory.create(instanceId, definition.sourceContext, engineSettings(instance));
      const tracker = new ExecutionTracker();
      engine.on('error', tracker.onEngineError);
      engine.recover(row.engine_state);
      const execution = (await engine.resume({ listener: tracker.listener })) as BpmnExecution;
      const ctx = this.#context(instance, definition, execution, tracker, timers, tx, now, userId, engine);
      let result: T;
      try {
        result = await command(ctx);
      } catch (err) {
        // The transaction rolls back; the half-run engine is dropped with it.
        await stopEngine(engine, tracker);
        throw err;
      }
      const outcome = await this.#finish(ctx, engine);
      return { result, outcome };
    });
  }

  async #finish(ctx: InternalContext, engine: any): Promise<CommandOutcome> {
    await settle();
    const { tracker, instance } = ctx;
    if (tracker.error && !ctx.terminated) {
      await stopEngine(engine, tracker);
      throw this.#surfaced(tracker.error.cause) ?? new ProcessExecutionError(instance.id, tracker.error.activityId, tracker.error.message, instance.businessKey);
    }
    const state = ctx.terminated ? null : await engine.getState();
    const outcome = await persistCommand(ctx, state, ctx.terminated);
    try {
      await this.#o.afterCommand?.(ctx, outcome);
    } finally {
      await stopEngine(engine, tracker);
    }
    return outcome;
  }

  #context(
    instance: InstanceRecord,
    definition: DefinitionRecord,
    execution: BpmnExecution,
    tracker: ExecutionTracker,
    timers: DurableTimers,
    tx: EntityManager,
    now: Date,
    userId: string | null,
    engine: any,
  ): InternalContext {
    const processes = (): any[] => engine.execution?.definitions?.flatMap((d: any) => d.getProcesses()) ?? [];
    const ctx: InternalContext = {
      instance,
      definition,
      execution,
      tracker,
      timers,
      tx,
      now,
      userId,
      events: [],
      terminated: undefined,
      variables: () => Object.assign({}, ...processes().map((p) => p.environment.variables)),
      setVariables: (vars) => {
        for (const p of processes()) p.environment.assignVariables(vars);
      },
      record: (event) => ctx.events.push(event),
      terminate: (reason) => {
        ctx.terminated = reason;
      },
    };
    return ctx;
  }

  #surfaced(err: unknown): Error | undefined {
    return findSurfacedError(err, this.#o.surfaceErrors ?? []);
  }

  async #transaction<T>(work: (tx: EntityManager) => Promise<T>, outer?: EntityManager): Promise<T> {
    let committed: CommandOutcome | undefined;
    // In the caller's transaction (StartOptions.tx) the caller commits, then announces.
    const open = <R>(fn: (tx: EntityManager) => Promise<R>): Promise<R> => (outer ? fn(outer) : this.#o.dataSource.transaction(fn));
    const result = await open(async (tx) => {
      await tx.query(`SET LOCAL lock_timeout = ${Math.trunc(this.#o.lockTimeoutMs ?? 10_000)}`);
      let r: T;
      try {
        r = await work(tx);
      } catch (err) {
        // Also for failures outside the engine run, e.g. a user task's dueDate resolved while persisting.
        throw this.#surfaced(err) ?? err;
      }
      committed = outcomeOf(r);
      return r;
    });
    if (committed && !outer) this.events.emit('committed', committed);
    return result;
  }
}

/**
 * Facts about the instance that whitelisted expression functions read as `this.settings`:
 * the tenant id picks the region's business calendar.
 */
function engineSettings(instance: InstanceRecord): Record<string, unknown> {
  return { tenantId: instance.tenantId };
}

export interface InternalContext extends CommandContext {
  events: HistoryEventInput[];
  terminated: string | undefined;
}

function outcomeOf(r: unknown): CommandOutcome | undefined {
  if (r && typeof r === 'object') {
    if ('outcome' in r) return (r as { outcome: CommandOutcome }).outcome;
    if ('instanceId' in r && 'revision' in r) return r as CommandOutcome;
  }
  return undefined;
}

/** `stop()` on an engine whose process already ended waits forever for a stop that never comes. */
async function stopEngine(engine: any, tracker: ExecutionTracker): Promise<void> {
  if (!tracker.ended && engine.state === 'running') await engine.stop();
}

/** Lets promise callbacks queued by the engine run before the state is read. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
