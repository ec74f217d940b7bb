import type { CategoryCode } from '../work-orders/index.js';

export type GuidingCaseState = 'proposed' | 'published' | 'rejected' | 'withdrawn';

/** A guiding case as stored. No requester data: see migrations/1733000000000-guiding-cases.ts. */
export interface GuidingCase {
  id: string;
  workOrderId: string;
  workOrderNumber: string;
  region: string;
  category: CategoryCode;
  title: string;
  summary: string;
  handling: string;
  basis: string;
  state: GuidingCaseState;
  proposedBy: string;
  proposedAt: Date;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  reviewComment: string | null;
  publishedAt: Date | null;
  withdrawnBy: string | null;
  withdrawnAt: Date | null;
  withdrawReason: string | null;
  updatedAt: Date;
}

/** A case found by a search, with how well it matched (shared search terms, title counted twice). */
export interface ScoredGuidingCase extends GuidingCase {
  score: number;
}

const date = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));

export function toGuidingCase(r: Record<string, unknown>): GuidingCase {
  return {
    id: String(r.id),
    workOrderId: String(r.work_order_id),
    workOrderNumber: String(r.work_order_number),
    region: String(r.region),
    category: r.category as CategoryCode,
    title: String(r.title),
    summary: String(r.summary),
    handling: String(r.handling),
    basis: String(r.basis),
    state: r.state as GuidingCaseState,
    proposedBy: String(r.proposed_by),
    proposedAt: date(r.proposed_at)!,
    reviewedBy: (r.reviewed_by as string | null) ?? null,
    reviewedAt: date(r.reviewed_at),
    reviewComment: (r.review_comment as string | null) ?? null,
    publishedAt: date(r.published_at),
    withdrawnBy: (r.withdrawn_by as string | null) ?? null,
    withdrawnAt: date(r.withdrawn_at),
    withdrawReason: (r.withdraw_reason as string | null) ?? null,
    updatedAt: date(r.updated_at)!,
  };
}

export function toScoredGuidingCase(r: Record<string, unknown>): ScoredGuidingCase {
  return { ...toGuidingCase(r), score: Number(r.score) };
}
