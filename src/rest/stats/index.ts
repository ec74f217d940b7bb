/**
 * `/api/stats`: the figures of docs/statistics.md. Every route filters by region, unit and
 * period of request (`from`, `to`, as the ledger does); bad parameters are 400s naming them.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AccessScope } from '../../access/index.js';
import { Type, type Static } from '@sinclair/typebox';
import { DEFAULT_TIME_ZONE, addDays, isLocalDate, zonedTimeToInstant } from '../../calendar/index.js';
import { InvalidLedgerQueryError, parseOrderFilter } from '../../ledger/index.js';
import * as stats from '../../stats/index.js';
import { installCamundaConventions } from '../camunda/index.js';
import { FilterQuerySchema } from '../ledger/index.js';
import '../engine-rest/services-decorator.js';

const FiguresQuery = Type.Object({ ...FilterQuerySchema, groupBy: Type.Optional(Type.Unsafe<string>({ type: 'string', enum: Object.keys(stats.GROUP_KEYS) })) });
const RankingQuery = Type.Object({ region: FilterQuerySchema.region, month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM (China time)' }) });
const HotTopicsQuery = Type.Object({ ...FilterQuerySchema, limit: Type.Optional(Type.String({ pattern: '^\\d+$' })) });
const WeeklyQuery = Type.Object({
  region: FilterQuerySchema.region,
  week: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'any day of the week (YYYY-MM-DD); the report covers Monday to Sunday' }),
  format: Type.Optional(Type.Unsafe<string>({ type: 'string', enum: ['json', 'markdown'] })),
});
const FilterQuery = Type.Object(FilterQuerySchema);
const MAX_WORDS = 100;

export interface StatsRoutesOptions {
  /**
   * What the asking user may see (src/access). Statistics keep only its region: a region-bound
   * office counts its own region's orders, never another's. Its unit limit is not applied: the
   * figures are counts without personal data, and units are ranked against the whole region (a
   * unit head reads where the unit stands, as the monthly 通报 circulates it).
   */
  scopeOf?: (request: FastifyRequest) => AccessScope | undefined;
}

/** Register with `{ prefix: '/api/stats' }`. */
export const statsRoutes: FastifyPluginAsync<StatsRoutesOptions> = async (app, options) => {
  installCamundaConventions(app);
  const service = app.services.stats;
  const tags = ['stats'];
  const regionScope = (request: FastifyRequest): AccessScope | undefined => {
    const scope = options.scopeOf?.(request);
    return scope && scope.region !== null ? { ...scope, units: null } : undefined;
  };
  const filterOf = (request: FastifyRequest, q: Static<typeof FilterQuery>) => ({ ...parseOrderFilter(q), scope: regionScope(request) });

  app.get('/figures', { schema: { tags, summary: 'Figures per region, unit or month (docs/statistics.md)', querystring: FiguresQuery } }, async (request) => {
    const q = request.query as Static<typeof FiguresQuery>;
    const groupBy = (q.groupBy ?? 'none') as stats.GroupBy;
    return { groupBy, dispatchLimitHours: stats.DISPATCH_LIMIT_HOURS, groups: await service.figures(filterOf(request, q), groupBy) };
  });

  app.get('/ranking', { schema: { tags, summary: '月排名: units of a month by score (satisfaction 50, on time 30, completion 20)', querystring: RankingQuery } }, async (request) => {
    const q = request.query as Static<typeof RankingQuery>;
    const from = `${q.month}-01`;
    const next = addDays(from, 32).slice(0, 7) + '-01';
    const filter = { region: q.region, scope: regionScope(request), from: zonedTimeToInstant(from, 0, DEFAULT_TIME_ZONE), to: zonedTimeToInstant(next, 0, DEFAULT_TIME_ZONE) };
    return { month: q.month, weights: stats.RANKING_WEIGHTS, units: await service.ranking(filter) };
  });

  app.get('/hot-topics', { schema: { tags, summary: 'Orders per category, and the words most requests contain', querystring: HotTopicsQuery } }, async (request) => {
    const q = request.query as Static<typeof HotTopicsQuery>;
    const limit = q.limit === undefined ? 20 : Number(q.limit);
    if (limit < 1 || limit > MAX_WORDS) throw new InvalidLedgerQueryError('limit', `must be between 1 and ${MAX_WORDS}`);
    return service.hotTopics(filterOf(request, q), limit);
  });

  app.get('/accountability', { schema: { tags, summary: '获嘉: units with 3 consecutive or 5 cumulative overdue orders', querystring: FilterQuery } }, async (request) => ({
    consecutiveLimit: stats.CONSECUTIVE_LIMIT,
    cumulativeLimit: stats.CUMULATIVE_LIMIT,
    units: await service.accountability(filterOf(request, request.query as Static<typeof FilterQuery>)),
  }));

  app.get('/weekly-report', { schema: { tags, summary: '一周受理情况报告 (seed 000): JSON, or ?format=markdown', querystring: WeeklyQuery } }, async (request, reply) => {
    const q = request.query as Static<typeof WeeklyQuery>;
    if (!isLocalDate(q.week)) throw new InvalidLedgerQueryError('week', `'${q.week}' is not a date`);
    const report = await stats.weeklyReport(service, q.week, q.region, regionScope(request));
    if (q.format === 'markdown') return reply.type('text/markdown; charset=utf-8').send(stats.renderWeeklyReport(report));
    return report;
  });
};
