import { Type, type Static } from '@sinclair/typebox';
import { CATEGORIES, spellings } from '../work-orders/index.js';

/** Who acts, when authentication does not say (until src/auth provides `request.user`). */
const ActorSchema = Type.String({ minLength: 1, maxLength: 128, pattern: '^\\S(.*\\S)?$', description: 'user id recorded as proposer / reviewer; ignored when signed in' });
const Text = (maxLength: number, description: string) => Type.String({ minLength: 1, maxLength, pattern: '\\S', description });

/** POST /api/guiding-cases: propose a closed work order as a guiding case. */
export const ProposeSchema = Type.Object(
  {
    workOrder: Type.String({ minLength: 1, maxLength: 128, description: 'work order id or number; it must be closed (已办结)' }),
    title: Text(200, '标题'),
    summary: Text(5000, '基本情况: what was asked, in general terms — no names, phone numbers or addresses'),
    handling: Text(10000, '办理过程与结果'),
    basis: Text(5000, '政策法规依据'),
    actor: Type.Optional(ActorSchema),
  },
  { additionalProperties: false },
);
export type ProposeInput = Static<typeof ProposeSchema>;

export const ReviewSchema = Type.Object(
  {
    decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')], { description: 'approve publishes the case; reject ends it' }),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
    actor: Type.Optional(ActorSchema),
  },
  { additionalProperties: false },
);
export type ReviewInput = Static<typeof ReviewSchema>;

export const WithdrawSchema = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 2000 })), actor: Type.Optional(ActorSchema) },
  { additionalProperties: false },
);
export type WithdrawInput = Static<typeof WithdrawSchema>;

const CategorySchema = Type.Unsafe<string>({ type: 'string', enum: spellings(CATEGORIES), description: 'code or Chinese name' });

/** GET /api/guiding-cases: published cases by category and text (reviewers add `state`). */
export const SearchQuerySchema = Type.Object(
  {
    text: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    category: Type.Optional(CategorySchema),
    region: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    state: Type.Optional(Type.Union(['proposed', 'published', 'rejected', 'withdrawn'].map((s) => Type.Literal(s)), { description: 'default published' })),
    firstResult: Type.Optional(Type.String({ pattern: '^\\d{1,9}$' })),
    maxResults: Type.Optional(Type.String({ pattern: '^\\d{1,3}$' })),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuerySchema>;

/** GET /api/guiding-cases/similar: the dispatcher's "has this been solved before?" */
export const SimilarQuerySchema = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 5000 }),
    category: Type.Optional(CategorySchema),
    maxResults: Type.Optional(Type.String({ pattern: '^\\d{1,2}$' })),
  },
  { additionalProperties: false },
);
export type SimilarQuery = Static<typeof SimilarQuerySchema>;
