import type { DataSource } from 'typeorm';
import { SqlFilter } from '../db/index.js';
import { CATEGORIES, codeOf, type CategoryCode, type WorkOrderQueries } from '../work-orders/index.js';
import { toScoredGuidingCase, type GuidingCaseState, type ScoredGuidingCase } from './guiding-case.js';
import type { SearchQuery, SimilarQuery } from './schemas.js';
import { searchTerms } from './search-terms.js';
import * as sql from './sql/guiding-cases.js';

export interface CaseSearchRequest {
  state: GuidingCaseState;
  category?: CategoryCode;
  region?: string;
  text?: string;
  /** Leave out the cases of this order (a case is not "similar" to its own order). */
  excludeWorkOrderId?: string;
  firstResult: number;
  maxResults: number;
}

export const DEFAULT_CASE_PAGE = 20;
export const MAX_CASE_PAGE = 100;
export const DEFAULT_SIMILAR = 5;
export const MAX_SIMILAR = 20;

/** The query string of GET /api/guiding-cases, already schema-checked, as a search request. */
export function parseSearchQuery(q: SearchQuery): CaseSearchRequest {
  return {
    state: (q.state as GuidingCaseState | undefined) ?? 'published',
    category: q.category === undefined ? undefined : codeOf(CATEGORIES, q.category),
    region: q.region,
    text: q.text,
    firstResult: q.firstResult === undefined ? 0 : Number(q.firstResult),
    maxResults: Math.min(MAX_CASE_PAGE, q.maxResults === undefined ? DEFAULT_CASE_PAGE : Math.max(1, Number(q.maxResults))),
  };
}

export function parseSimilarQuery(q: SimilarQuery): CaseSearchRequest {
  return {
    state: 'published',
    category: q.category === undefined ? undefined : codeOf(CATEGORIES, q.category),
    text: q.text,
    firstResult: 0,
    maxResults: Math.min(MAX_SIMILAR, q.maxResults === undefined ? DEFAULT_SIMILAR : Math.max(1, Number(q.maxResults))),
  };
}

/**
 * Finds cases by category and text (docs/guiding-cases.md, "Search"). With text, only cases
 * sharing a search term are returned, best match first; without, the newest.
 */
export class CaseSearch {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workOrders: WorkOrderQueries,
  ) {}

  async search(r: CaseSearchRequest): Promise<{ total: number; items: ScoredGuidingCase[] }> {
    const terms = r.text === undefined ? [] : searchTerms(r.text);
    const f = new SqlFilter().eq('c.state', r.state).eq('c.category', r.category).eq('c.region', r.region);
    if (r.excludeWorkOrderId !== undefined) f.where('c.work_order_id <> {}', r.excludeWorkOrderId);
    // Text that yields no term (only punctuation, single characters) matches nothing rather than everything.
    if (r.text !== undefined) f.where('c.terms && {}::text[]', terms);
    const countParams = [...f.params];
    const termsParam = f.param(terms);
    const page = f.page(r.firstResult, r.maxResults);
    // One transaction: the count agrees with the page (and embedded PGlite never interleaves them).
    return this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      const [{ count }] = (await tx.query(sql.count(f.clause), countParams)) as [{ count: number }];
      const rows = (await tx.query(sql.search(f.clause, termsParam, page), f.params)) as Array<Record<string, unknown>>;
      return { total: Number(count), items: rows.map(toScoredGuidingCase) };
    });
  }

  /** The published cases most like a new order: its content, within its category. */
  async similarToOrder(reference: string, maxResults = DEFAULT_SIMILAR): Promise<{ workOrder: string; items: ScoredGuidingCase[] }> {
    const order = await this.workOrders.get(reference);
    const { items } = await this.search({ state: 'published', category: order.category, text: order.content, excludeWorkOrderId: order.id, firstResult: 0, maxResults });
    return { workOrder: order.number, items };
  }
}
