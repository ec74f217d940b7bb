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
  get(definitionId: string): Promise<DefinitionRecord>;
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
}

export interface StartOptions {
  businessKey?: string | null;
  variables?: Record<string, unknown>;
  userId?: string | null;
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
    const definition = await this.#o.definitions.get(definitionId);
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
      const { engine, timers } = this.factory.create(id, definition.sourceContext);
      const tracker = new ExecutionTracker();
      engine.on('error', tracker.onEngineError);
      const variables = { ...options.variables };
      const execution = (await engine.execute({ listener: tracker.listener, variables })) as BpmnExecution;
      const ctx = this.#context(instance, definition, execution, tracker, timers, tx, now, options.userId ?? null, engine);
      ctx.record({ type: 'instance.started', payload: { variables: options.variables ?? {} } });
      return this.#finish(ctx, engine);
    });
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
      const definition = await this.#o.definitions.get(row.definition_id);
      const instance: InstanceRecord = {
        id: row.id,
        definitionId: row.definition_id,
        definitionKey: row.definition_key,
        businessKey: row.business_key,
        tenantId: row.tenant_id,
      };
      const now = this.#o.clock.now();
      const { engine, timers } = this.factory.create(instanceId, definition.sourceContext);
      const tracker = new ExecutionTracker();
      engine.on('error', tracker.onEngineError);
      engine.recover(row.engine_state);
      const execution = (await engine.resume({ listener: tracker.listener })) as BpmnExecution;
      const ctx = this.#context(instance, definition, execution, tracker, timers, tx, now, userId, engine);
      const result = await command(ctx);
      const outcome = await this.#finish(ctx, engine);
      return { result, outcome };
    });
  }

  async #finish(ctx: InternalContext, engine: any): Promise<CommandOutcome> {
    await settle();
    const { tracker, instance } = ctx;
    if (tracker.error && !ctx.terminated) {
      await engine.stop();
      throw new ProcessExecutionError(instance.id, tracker.error.activityId, tracker.error.message, instance.businessKey);
    }
    const state = ctx.terminated ? null : await engine.getState();
    const outcome = await persistCommand(ctx, state, ctx.terminated);
    await engine.stop();
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

  async #transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    let committed: CommandOutcome | undefined;
    const result = await this.#o.dataSource.transaction(async (tx) => {
      await tx.query(`SET LOCAL lock_timeout = ${Math.trunc(this.#o.lockTimeoutMs ?? 10_000)}`);
      const r = await work(tx);
      committed = outcomeOf(r);
      return r;
    });
    if (committed) this.events.emit('committed', committed);
    return result;
  }
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

/** Lets promise callbacks queued by the engine run before the state is read. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
