import type { Logger } from 'pino';
import type { Config } from './config/index.js';
import { SystemClock, TestClock, type Clock } from './clock/index.js';
import { openDatabase, type Database } from './db/index.js';
import { EngineHost, createExpressions, parseTemplate, ExpressionSyntaxError } from './engine/index.js';
import { DefinitionCache, DefinitionQueries, DeploymentService } from './definitions/index.js';
import { CalendarCache, CalendarService, CalendarYearNotCoveredError, PgCalendarOverrides, createRegionCalendarFunctions, regionOfTenant } from './calendar/index.js';
import { RegionService, deploySchemes, BUILTIN_REGIONS, DefinitionActiveInRegionError } from './regions/index.js';
import { WorkOrderProjector, WorkOrderService } from './work-orders/index.js';
import { ProcessStarter, TaskService, TaskQueries, InstanceQueries, HistoryQueries, InstanceCommands, MessageCorrelation, SignalBroadcast } from './runtime/index.js';
import { ExternalTaskService } from './external-tasks/index.js';
import { LedgerReader } from './ledger/index.js';
import { StatsService } from './stats/index.js';
import { TimerScheduler } from './scheduler/index.js';
import { AuditLog, UnitService, UserService, ensureAdmin, resolveJwtSecret } from './auth/index.js';
import { GuidingCaseService, CaseSearch } from './guiding-cases/index.js';
import { NotificationQueries } from './notifications/index.js';

/** Everything the routes and background loops use, built once per process. */
export interface Services {
  config: Config;
  clock: Clock;
  database: Database;
  host: EngineHost;
  definitionCache: DefinitionCache;
  definitions: DefinitionQueries;
  deployments: DeploymentService;
  starter: ProcessStarter;
  tasks: TaskService;
  /** Business calendars: the store administrators edit, deadline previews, status. */
  calendars: CalendarService;
  regions: RegionService;
  /** Work orders: intake, list, detail with timeline; projected in each engine command. */
  workOrders: WorkOrderService;
  /** 工作台账 (seed 001 annex 3) from the work-order projection: pages and streamed exports. */
  ledger: LedgerReader;
  /** Figures, ranking, hot topics, accountability and the weekly report (docs/statistics.md). */
  stats: StatsService;
  taskQueries: TaskQueries;
  instanceQueries: InstanceQueries;
  historyQueries: HistoryQueries;
  instanceCommands: InstanceCommands;
  messages: MessageCorrelation;
  signals: SignalBroadcast;
  /** Camunda external tasks: fetchAndLock (long polling), worker commands, incidents. */
  externalTasks: ExternalTaskService;
  /** Durable timers: delivery (BullMQ or in-process), reconciler, test clock moves. */
  scheduler: TimerScheduler;
  /** Guiding cases (指导案例): proposal, review, withdrawal. */
  guidingCases: GuidingCaseService;
  /** Guiding cases by category and Chinese text; similar cases for a new order. */
  caseSearch: CaseSearch;
  /** The SMS of a work order as the worker recorded them in the outbox (same database). */
  notifications: NotificationQueries;
  /** People and units (docs/auth.md): the admin API's store, sign-in, the audit log. */
  users: UserService;
  units: UnitService;
  audit: AuditLog;
  /** JWT_SECRET, or the one generated once and kept in the database. */
  jwtSecret: string;
  logger: Logger;
  close(): Promise<void>;
}

export interface ServicesOptions {
  config: Config;
  logger: Logger;
  /** Injected by tests; otherwise the system clock, or a TestClock with TEST_CLOCK=1. */
  clock?: Clock;
  /** Database schema to run in (tests give each file its own). */
  schema?: string;
  /** Embedded mode only: keep the database in memory instead of DATA_DIR (tests). */
  inMemory?: boolean;
}

/** The composition root: the only place that decides which implementation backs which seam. */
export async function createServices(options: ServicesOptions): Promise<Services> {
  const { config, logger } = options;
  const clock = options.clock ?? (config.testClock ? new TestClock(config.testClockStart ?? new Date()) : new SystemClock());
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.databaseUrl || options.inMemory ? undefined : config.dataDir, schema: options.schema });
  const dataSource = database.dataSource;
  // Diagrams call deadline('3wd') & co.; each call uses the calendar of the instance's region,
  // which prepareCommand loads into the cache before the engine runs (docs/calendar.md).
  const calendars = new CalendarService({ overrides: new PgCalendarOverrides({ dataSource, clock }), clock });
  const calendarCache = new CalendarCache(calendars);
  const expressions = createExpressions({ functions: createRegionCalendarFunctions(calendarCache, clock) });
  // Each command updates its work order in its own transaction (docs/work-orders.md).
  const workOrderProjector = new WorkOrderProjector();
  let host: EngineHost | undefined;
  const definitionCache = new DefinitionCache({ dataSource, load: (json) => host!.factory.loadSourceContext(json) });
  host = new EngineHost({
    dataSource,
    clock,
    expressions,
    definitions: definitionCache,
    logger,
    prepareCommand: async (instance, tx) => {
      await calendarCache.load(regionOfTenant(instance.tenantId), tx);
    },
    surfaceErrors: [CalendarYearNotCoveredError],
    afterCommand: (ctx, outcome) => workOrderProjector.afterCommand(ctx, outcome),
  });
  const definitions = new DefinitionQueries(dataSource);
  const regions = new RegionService(dataSource, clock);
  const workOrders = new WorkOrderService({ dataSource, clock, host, regions, projector: workOrderProjector });
  // One queue per database: tests run each file in a schema of its own, and drop it after.
  const scheduler = new TimerScheduler({
    host,
    dataSource,
    clock,
    logger,
    nodeId: config.nodeId,
    redisUrl: config.redisUrl,
    queueName: options.schema ? `suqiu-timers-${options.schema}` : undefined,
    removeQueueOnStop: Boolean(options.schema),
    // Embedded PGlite runs one transaction at a time; parallel firings would only queue.
    concurrency: database.kind === 'pglite' ? 1 : 4,
  });
  const deployments = new DeploymentService({
    dataSource,
    clock,
    validateExpression,
    // Timer start jobs follow deployments: only a key's latest version has them.
    onDefinitionsChanged: (change, tx) => scheduler.startJobs.onDefinitionsChanged(change, tx),
    // A region's active definition must stay: deleting it would leave new work orders nowhere to start.
    beforeDelete: async (definitionIds, tx) => {
      const active = await regions.activeDefinitions(tx);
      const hit = active.find((a) => definitionIds.includes(a.definitionId));
      if (hit) throw new DefinitionActiveInRegionError(hit.regionId, hit.definitionId);
    },
  });
  // The first start creates `admin`; the token secret survives restarts (docs/auth.md).
  const users = new UserService(dataSource, clock);
  await ensureAdmin(users, config.adminPassword, logger);
  const jwtSecret = await resolveJwtSecret(dataSource, clock, config.jwtSecret);
  const externalTasks = new ExternalTaskService({ dataSource, host, clock, logger });
  if (config.deploySchemes) {
    await deploySchemes({ regions: BUILTIN_REGIONS, processesDir: config.processesDir, deployments, definitions, regionService: regions, logger });
  }
  await scheduler.start();
  return {
    config,
    clock,
    database,
    host,
    definitionCache,
    definitions,
    deployments,
    starter: new ProcessStarter(host, definitions),
    tasks: new TaskService(dataSource, host, clock),
    calendars,
    regions,
    workOrders,
    ledger: new LedgerReader(dataSource, clock),
    stats: new StatsService(dataSource, clock),
    taskQueries: new TaskQueries(dataSource),
    instanceQueries: new InstanceQueries(dataSource),
    historyQueries: new HistoryQueries(dataSource),
    instanceCommands: new InstanceCommands(host),
    messages: new MessageCorrelation(dataSource, host),
    signals: new SignalBroadcast(dataSource, host),
    externalTasks,
    scheduler,
    guidingCases: new GuidingCaseService({ dataSource, clock, workOrders: workOrders.queries }),
    caseSearch: new CaseSearch(dataSource, workOrders.queries),
    notifications: new NotificationQueries(dataSource, clock, workOrders.queries),
    users,
    units: new UnitService(dataSource, clock),
    audit: new AuditLog(dataSource, clock),
    jwtSecret,
    logger,
    async close() {
      externalTasks.close();
      await scheduler.stop();
      await database.close();
    },
  };
}

/** Deploy-time check of every `${…}` in a diagram, with the evaluator's own parser. */
function validateExpression(text: string): string | null {
  try {
    parseTemplate(text);
    return null;
  } catch (err) {
    if (err instanceof ExpressionSyntaxError) return err.message;
    throw err;
  }
}
