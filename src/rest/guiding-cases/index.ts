/**
 * `/api/guiding-cases` (指导案例): propose a closed work order as a case, review it (approve
 * publishes, reject ends it), withdraw it, search published cases by category and text, and
 * `/api/work-orders/{id}/similar-cases` for the dispatcher of a new order. docs/guiding-cases.md.
 *
 * Who proposes or reviews is recorded. `actorOf` is the seam to authentication: once a user is
 * signed in, that user is recorded and the body's `actor` is ignored (nobody reviews in someone
 * else's name); until then the body must name the actor, else 400.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import * as gc from '../../guiding-cases/index.js';
import { installCamundaConventions, registerErrorMapping, NotFoundError, InvalidRequestError, ConflictError } from '../camunda/index.js';
import '../engine-rest/services-decorator.js';
import { guidingCaseDto, scoredCaseDto } from './dto.js';

registerErrorMapping(gc.GuidingCaseNotFoundError, (e) => new NotFoundError(e.message, 'guiding-case', e.caseId));
registerErrorMapping(gc.GuidingCaseStateError, (e) => new ConflictError(e.message, 'GuidingCaseStateException'));
registerErrorMapping(gc.WorkOrderNotClosedError, (e) => new ConflictError(e.message, 'WorkOrderNotClosedException'));
registerErrorMapping(gc.GuidingCaseExistsError, (e) => new ConflictError(e.message, 'GuidingCaseExistsException'));
registerErrorMapping(gc.MissingActorError, (e) => new InvalidRequestError(e.message, e.field));

export interface GuidingCaseRoutesOptions {
  /** The signed-in user's id; default: `request.user` as authentication decorates it, if any. */
  actorOf?: (request: FastifyRequest) => string | undefined;
}

const CaseParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 128 }) });
const OrderParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 128, description: 'work order id or number' }) });
const SimilarForOrderQuery = Type.Object({ maxResults: Type.Optional(Type.String({ pattern: '^\\d{1,2}$' })) }, { additionalProperties: false });

/**
 * Register without prefix. Two scopes of their own, each with the /api conventions: every scope
 * sets a 404 handler for its prefix, and `/api/work-orders` already has one.
 */
export const guidingCaseRoutes: FastifyPluginAsync<GuidingCaseRoutesOptions> = async (app, options) => {
  await app.register(caseRoutes, { ...options, prefix: '/api/guiding-cases' });
  await app.register(similarForOrderRoute, { prefix: '/api/work-orders/:id/similar-cases' });
};

const caseRoutes: FastifyPluginAsync<GuidingCaseRoutesOptions> = async (app, options) => {
  installCamundaConventions(app);
  const { guidingCases, caseSearch } = app.services;
  const signedIn = options.actorOf ?? defaultActorOf;
  const actor = (request: FastifyRequest, body: { actor?: string }): string => {
    const who = signedIn(request) ?? body.actor;
    if (who === undefined) throw new gc.MissingActorError();
    return who;
  };

  app.post('/', { schema: { tags: ['guiding-cases'], summary: 'Propose a closed work order as a guiding case', body: gc.ProposeSchema } }, async (request, reply) => {
    const body = request.body as gc.ProposeInput;
    const created = await guidingCases.propose(body, actor(request, body));
    request.log.info({ guidingCase: created.id, workOrder: created.workOrderNumber }, 'guiding case proposed');
    reply.header('location', `/api/guiding-cases/${created.id}`);
    return reply.code(201).send(guidingCaseDto(created));
  });

  app.get('/', { schema: { tags: ['guiding-cases'], summary: 'Cases by state (default published), category, region and text, best match first', querystring: gc.SearchQuerySchema } }, async (request) => {
    const r = gc.parseSearchQuery(request.query as gc.SearchQuery);
    const { total, items } = await caseSearch.search(r);
    return { total, firstResult: r.firstResult, maxResults: r.maxResults, items: items.map(scoredCaseDto) };
  });

  // Declared before /:id so that "similar" is never taken for a case id.
  app.get('/similar', { schema: { tags: ['guiding-cases'], summary: 'Published cases most similar to a text', querystring: gc.SimilarQuerySchema } }, async (request) => {
    const { items } = await caseSearch.search(gc.parseSimilarQuery(request.query as gc.SimilarQuery));
    return items.map(scoredCaseDto);
  });

  app.get('/:id', { schema: { tags: ['guiding-cases'], params: CaseParams } }, async (request) =>
    guidingCaseDto(await guidingCases.get((request.params as { id: string }).id)),
  );

  app.post('/:id/review', { schema: { tags: ['guiding-cases'], summary: 'approve (publishes) or reject a proposed case', params: CaseParams, body: gc.ReviewSchema } }, async (request) => {
    const body = request.body as gc.ReviewInput;
    const reviewed = await guidingCases.review((request.params as { id: string }).id, body.decision, actor(request, body), body.comment ?? null);
    request.log.info({ guidingCase: reviewed.id, state: reviewed.state }, 'guiding case reviewed');
    return guidingCaseDto(reviewed);
  });

  app.post('/:id/withdraw', { schema: { tags: ['guiding-cases'], summary: 'Withdraw a proposed or published case', params: CaseParams, body: gc.WithdrawSchema } }, async (request) => {
    const body = request.body as gc.WithdrawInput;
    return guidingCaseDto(await guidingCases.withdraw((request.params as { id: string }).id, actor(request, body), body.reason ?? null));
  });

};

const similarForOrderRoute: FastifyPluginAsync = async (app) => {
  installCamundaConventions(app);
  const { caseSearch } = app.services;
  app.get('/', { schema: { tags: ['guiding-cases'], summary: 'Published cases most similar to this order (its content, in its category)', params: OrderParams, querystring: SimilarForOrderQuery } }, async (request) => {
    const q = request.query as { maxResults?: string };
    const max = Math.min(gc.MAX_SIMILAR, Math.max(1, q.maxResults === undefined ? gc.DEFAULT_SIMILAR : Number(q.maxResults)));
    const { workOrder, items } = await caseSearch.similarToOrder((request.params as { id: string }).id, max);
    return { workOrder, items: items.map(scoredCaseDto) };
  });
};

/** Authentication (src/auth, in progress) decorates `request.user`; read its id without depending on its types. */
function defaultActorOf(request: FastifyRequest): string | undefined {
  const user = (request as unknown as { user?: Record<string, unknown> | null }).user;
  if (!user) return undefined;
  for (const key of ['username', 'userId', 'id']) if (typeof user[key] === 'string' && user[key] !== '') return user[key] as string;
  return undefined;
}
