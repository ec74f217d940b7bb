import type { GuidingCaseState } from './guiding-case.js';

export type GuidingCaseAction = 'approve' | 'reject' | 'withdraw';

/**
 * The life of a case: a proposal is approved (published at once: review is the publication
 * decision of art. 11) or rejected; a proposal or a published case can be withdrawn (the
 * proposer changed their mind; a published case turned out wrong or outdated). Rejected and
 * withdrawn are final: a new proposal of the same order starts a new case, with its own review.
 */
export const TRANSITIONS: Readonly<Record<GuidingCaseAction, { from: readonly GuidingCaseState[]; to: GuidingCaseState }>> = {
  approve: { from: ['proposed'], to: 'published' },
  reject: { from: ['proposed'], to: 'rejected' },
  withdraw: { from: ['proposed', 'published'], to: 'withdrawn' },
};
