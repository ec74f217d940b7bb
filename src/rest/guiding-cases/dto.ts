import { DEFAULT_TIME_ZONE, formatWithOffset } from '../../calendar/index.js';
import { CATEGORIES, nameOf } from '../../work-orders/index.js';
import type { GuidingCase, ScoredGuidingCase } from '../../guiding-cases/index.js';

const time = (d: Date | null): string | null => (d ? formatWithOffset(d, DEFAULT_TIME_ZONE) : null);

/** A case as /api/guiding-cases answers it: category in both spellings, instants in China time. */
export function guidingCaseDto(c: GuidingCase) {
  return {
    id: c.id,
    workOrderId: c.workOrderId,
    workOrderNumber: c.workOrderNumber,
    region: c.region,
    category: nameOf(CATEGORIES, c.category),
    categoryCode: c.category,
    title: c.title,
    summary: c.summary,
    handling: c.handling,
    basis: c.basis,
    state: c.state,
    proposedBy: c.proposedBy,
    proposedAt: time(c.proposedAt),
    reviewedBy: c.reviewedBy,
    reviewedAt: time(c.reviewedAt),
    reviewComment: c.reviewComment,
    publishedAt: time(c.publishedAt),
    withdrawnBy: c.withdrawnBy,
    withdrawnAt: time(c.withdrawnAt),
    withdrawReason: c.withdrawReason,
    updatedAt: time(c.updatedAt),
  };
}

export function scoredCaseDto(c: ScoredGuidingCase) {
  return { ...guidingCaseDto(c), score: c.score };
}
