/**
 * Guiding cases (指导案例, seed 001 art. 11): solved, representative work orders written up as
 * guidance for similar ones. A closed order is proposed (title, summary, handling, legal
 * basis; category from the order; never the requester), reviewed (approve publishes it, reject
 * ends it) and may be withdrawn. Published cases are found by category and Chinese text, and a
 * dispatcher asks for the cases most similar to a new order. docs/guiding-cases.md.
 *
 *   const cases = new GuidingCaseService({ dataSource, clock, workOrders: workOrders.queries });
 *   const search = new CaseSearch(dataSource, workOrders.queries);
 *   const c = await cases.propose({ workOrder: 'puyang-20261123-0001', title, summary, handling, basis }, 'li.si');
 *   await cases.review(c.id, 'approve', 'wang.wu', '典型');
 *   await search.search(parseSearchQuery({ text: '下水道堵塞', category: 'complaint' }));
 *   await search.similarToOrder('puyang-20261130-0003');
 */
export { GuidingCaseService, type GuidingCaseServiceOptions } from './guiding-case-service.js';
export { CaseSearch, parseSearchQuery, parseSimilarQuery, DEFAULT_CASE_PAGE, MAX_CASE_PAGE, DEFAULT_SIMILAR, MAX_SIMILAR, type CaseSearchRequest } from './case-search.js';
export { searchTerms } from './search-terms.js';
export { TRANSITIONS, type GuidingCaseAction } from './transitions.js';
export type { GuidingCase, GuidingCaseState, ScoredGuidingCase } from './guiding-case.js';
export { ProposeSchema, ReviewSchema, WithdrawSchema, SearchQuerySchema, SimilarQuerySchema, type ProposeInput, type ReviewInput, type WithdrawInput, type SearchQuery, type SimilarQuery } from './schemas.js';
export * from './errors.js';
