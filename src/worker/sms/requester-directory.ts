import { InvalidRecipientError } from '../errors.js';
import * as sql from '../sql/requester.js';
import type { SqlRunner } from './sms-outbox.js';
import { isPhoneNumber } from './compose.js';

/** The role a diagram names to write to the citizen or company who made the request. */
export const REQUESTER_ROLE = 'requester';

/** A work order's number (the task's business key) → the requester's phone as registered. */
export interface RequesterDirectory {
  phoneOf(orderNo: string): Promise<string | undefined>;
}

/** From the service's database (`DATABASE_URL`): the phone on the work order. */
export class PgRequesterDirectory implements RequesterDirectory {
  constructor(private readonly run: SqlRunner) {}

  async phoneOf(orderNo: string): Promise<string | undefined> {
    const [row] = await this.run(sql.requesterPhone, [orderNo]);
    return row ? String(row.phone) : undefined;
  }
}

/**
 * The requester's number for an SMS, from the order. The form accepts `+86 138-1234 5678` or
 * `(0393) 1234567`; gateways want the bare number, so separators and the country code go.
 */
export async function resolveRequester(orderNo: string | null, directory: RequesterDirectory): Promise<string> {
  if (!orderNo) throw new InvalidRecipientError(`${REQUESTER_ROLE} (the task has no business key, so no work order)`);
  const phone = await directory.phoneOf(orderNo);
  const bare = phone?.replace(/[\s()-]/g, '').replace(/^(\+|00)86/, '');
  if (!bare) throw new InvalidRecipientError(`${REQUESTER_ROLE} of ${orderNo} (no such work order)`);
  if (!isPhoneNumber(bare)) throw new InvalidRecipientError(`${REQUESTER_ROLE} of ${orderNo} (${phone} is not a number an SMS can reach)`);
  return bare;
}
