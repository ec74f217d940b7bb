import { ISOInterval } from '@0dep/piso';
import { InvalidClockRequestError } from '../../scheduler/index.js';

/** An instant with an explicit offset: a zone-less time would be read in the server's zone. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$/;
const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+([.,]\d+)?S)?)?$/;

/** The instant `{"set": …}` or `{"advance": …}` asks for, from the clock's current time. */
export function targetOf(body: { set?: string; advance?: string }, now: Date): Date {
  if (body.set !== undefined) {
    const at = INSTANT.test(body.set) ? new Date(body.set) : undefined;
    if (!at || Number.isNaN(at.getTime())) throw new InvalidClockRequestError('set', body.set, 'is not an ISO 8601 date-time with an offset (Z or +08:00)');
    return at;
  }
  const advance = body.advance ?? '';
  if (!DURATION.test(advance)) throw new InvalidClockRequestError('advance', advance, 'is not an ISO 8601 duration such as PT1H or P5D');
  // piso, as the engine's timers use it: P1M from 31 January is the end of February.
  return new ISOInterval(advance).parse().getExpireAt(now, now);
}
