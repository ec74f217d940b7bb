import { CATEGORIES, type CategoryCode } from './vocabulary.js';
import type { WorkOrder } from './work-order.js';
import type { AccessScope } from '../access/index.js';

/**
 * Who is looking, built by src/auth from the signed-in user (`viewerOf`); callers that pass
 * nothing (internal use) see everything.
 *
 * - admin, dispatcher (hotline office, centre, task force): register, dispatch and call back,
 *   so they see the requester.
 * - handler (a handling unit): contacts the requester to handle the order, so sees them, except
 *   for 举报 (reports): the unit may be the one reported on, and a reporter's identity is
 *   protected.
 * - observer (leaders, supervision, statistics, publication): sees the order, not the person.
 */
export type ViewerRole = 'admin' | 'dispatcher' | 'handler' | 'observer';
export const VIEWER_ROLES: readonly ViewerRole[] = ['admin', 'dispatcher', 'handler', 'observer'];

export interface Viewer {
  role: ViewerRole;
  userId?: string | null;
  /** Which orders the viewer may see at all (src/access); absent: all. */
  scope?: AccessScope;
}

const ALL: readonly CategoryCode[] = CATEGORIES.map((c) => c.code);
const CONTACT_CATEGORIES: Record<ViewerRole, readonly CategoryCode[]> = {
  admin: ALL,
  dispatcher: ALL,
  handler: ALL.filter((c) => c !== 'report'),
  observer: [],
};

/** The categories whose requester the viewer may see (also limits what text search matches). */
export function contactCategories(viewer: Viewer | undefined): readonly CategoryCode[] {
  return viewer ? CONTACT_CATEGORIES[viewer.role] : ALL;
}

export function seesRequester(viewer: Viewer | undefined, category: CategoryCode): boolean {
  return contactCategories(viewer).includes(category);
}

/** The order as the viewer may see it: person names and phone numbers masked when not allowed. */
export function forViewer<T extends WorkOrder>(order: T, viewer: Viewer | undefined): T {
  if (seesRequester(viewer, order.category)) return order;
  return {
    ...order,
    // A unit's name is not personal data; its contact person's is.
    requesterName: order.requesterType === 'unit' ? order.requesterName : maskName(order.requesterName),
    unitContact: order.unitContact === null ? null : maskName(order.unitContact),
    phone: maskPhone(order.phone),
    masked: true,
  };
}

/** 张三 → 张*, 欧阳娜娜 → 欧***: the family name stays, which is what a callback script says. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** 13812345678 → 138****5678; shorter numbers keep only their last two digits. */
export function maskPhone(phone: string): string {
  const digits = [...phone].filter((c) => c >= '0' && c <= '9').length;
  const keepHead = digits >= 11 ? 3 : 0;
  const keepTail = digits >= 7 ? 4 : 2;
  let seen = 0;
  return [...phone]
    .map((c) => {
      if (c < '0' || c > '9') return c;
      seen += 1;
      return seen <= keepHead || seen > digits - keepTail ? c : '*';
    })
    .join('');
}
