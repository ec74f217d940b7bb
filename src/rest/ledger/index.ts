/**
 * `/api/ledger`: 工作台账 (seed 001 annex 3). JSON pages (`firstResult`, `maxResults`), or
 * the whole filtered ledger as a download: `?format=xlsx` / `/api/ledger.xlsx`, `?format=csv`
 * / `/api/ledger.csv`. Downloads are streamed (docs/ledger.md): bad parameters are answered
 * 400 before the first byte; a failure halfway can only cut the download short, and is logged.
 */
import { PassThrough } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import * as ledger from '../../ledger/index.js';
import type { Viewer } from '../../work-orders/index.js';
import { installCamundaConventions, registerErrorMapping, InvalidRequestError } from '../camunda/index.js';
import '../engine-rest/services-decorator.js';

registerErrorMapping(ledger.InvalidLedgerQueryError, (e) => new InvalidRequestError(e.message, e.parameter));

export const DEFAULT_LEDGER_PAGE = 50;
export const MAX_LEDGER_PAGE = 500;

const digits = Type.String({ pattern: '^\\d+$' });
const DayOrInstant = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}($|T)', description: 'YYYY-MM-DD (China day) or ISO 8601 date-time with offset' });
/** Shared by the statistics routes: which orders, by region, unit and period of request. */
export const FilterQuerySchema = {
  region: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  unit: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'handling, co-handling, lead or responsible unit' })),
  from: Type.Optional(DayOrInstant),
  to: Type.Optional(DayOrInstant),
};
const LedgerQuery = Type.Object({
  ...FilterQuerySchema,
  format: Type.Optional(Type.Unsafe<string>({ type: 'string', enum: ['json', 'xlsx', 'csv'] })),
  firstResult: Type.Optional(digits),
  maxResults: Type.Optional(digits),
});
type LedgerQuery = Static<typeof LedgerQuery>;

const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

export interface LedgerRoutesOptions {
  /**
   * Who is asking: their access scope limits the rows (another region's or unit's orders are not
   * in their ledger) and their role masks requesters as the work-order list does. Undefined:
   * every row unmasked (apps built without src/auth).
   */
  viewerOf?: (request: FastifyRequest) => Viewer | undefined;
}

/** Register with `{ prefix: '/api/ledger' }` (each /api scope sets its own 404 handler). */
export const ledgerRoutes: FastifyPluginAsync<LedgerRoutesOptions> = async (app, options) => {
  installCamundaConventions(app);
  const reader = app.services.ledger;
  const viewerOf = options.viewerOf ?? (() => undefined);

  const handle = (format: 'json' | 'xlsx' | 'csv' | undefined) => async (request: FastifyRequest, reply: FastifyReply) => {
    const q = request.query as LedgerQuery;
    const viewer = viewerOf(request);
    const filter = { ...ledger.parseOrderFilter(q), scope: viewer?.scope };
    const chosen = format ?? (q.format as 'json' | 'xlsx' | 'csv' | undefined) ?? 'json';
    if (chosen === 'json') {
      const firstResult = q.firstResult === undefined ? 0 : Number(q.firstResult);
      const maxResults = q.maxResults === undefined ? DEFAULT_LEDGER_PAGE : Number(q.maxResults);
      if (maxResults < 1 || maxResults > MAX_LEDGER_PAGE) throw new ledger.InvalidLedgerQueryError('maxResults', `must be between 1 and ${MAX_LEDGER_PAGE}`);
      const { total, items } = await reader.page(filter, firstResult, maxResults, viewer);
      return { columns: ledger.LEDGER_COLUMNS, total, firstResult, maxResults, items };
    }
    return download(request, reply, chosen, filter, viewer);
  };

  const download = (request: FastifyRequest, reply: FastifyReply, format: 'xlsx' | 'csv', filter: ledger.OrderFilter, viewer: Viewer | undefined) => {
    const body = new PassThrough();
    const write = format === 'xlsx' ? ledger.writeLedgerXlsx : ledger.writeLedgerCsv;
    const started = Date.now();
    write(reader.rows(filter, undefined, viewer), body).then(
      (rows) => request.log.info({ format, rows, ms: Date.now() - started }, 'ledger exported'),
      (err: unknown) => {
        request.log.error({ err, format }, 'ledger export failed halfway; the download is cut short');
        body.destroy(err instanceof Error ? err : new Error(String(err)));
      },
    );
    const name = `工作台账.${format}`;
    reply.header('content-type', CONTENT_TYPES[format]);
    reply.header('content-disposition', `attachment; filename="ledger.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`);
    return reply.send(body);
  };

  const schema = (summary: string) => ({ schema: { tags: ['ledger'], summary, querystring: LedgerQuery } });
  app.get('/', schema('工作台账 (seed 001 annex 3): JSON pages, or ?format=xlsx / csv as a streamed download'), handle(undefined));
  // The prefix is /api/ledger: Fastify joins `.xlsx` to it as /api/ledger.xlsx.
  app.get('.xlsx', schema('工作台账 as an Excel workbook, streamed'), handle('xlsx'));
  app.get('.csv', schema('工作台账 as CSV (UTF-8 with BOM), streamed'), handle('csv'));
};
