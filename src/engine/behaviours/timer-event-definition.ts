import { TimerEventDefinition } from 'bpmn-elements';
import { ISOInterval, getDate } from '@0dep/piso';
import type { Clock } from '../../clock/index.js';

const timerTypes = ['timeDuration', 'timeDate', 'timeCycle'] as const;

/* eslint-disable @typescript-eslint/no-explicit-any -- bpmn-elements behaviours are untyped prototypes */

/**
 * bpmn-elements' TimerEventDefinition reads `new Date()` when it computes a due time and when it
 * decides on resume whether a timer has already expired. Both must use the service clock, or a
 * test that moves the clock would see timers computed from the real date. Only `parse` and
 * `_getTimers` read the time, so only they are replaced; the rest (cycles, cancel, discard,
 * resume) is bpmn-elements' own code.
 *
 * One departure: bpmn-elements completes a timer that is past due when its engine resumes.
 * Here every command resumes an engine, so any command on the instance (a task completion a
 * second after the deadline) would fire the deadline first and fail if the timer's path
 * fails. Instead a resumed, past-due timer stays armed and only the scheduler fires it, as
 * its own command (Camunda: the job executor, not the next API call, runs a due timer job).
 */
export function clockedTimerEventDefinition(clock: Clock) {
  function ClockedTimerEventDefinition(this: any, activity: unknown, eventDefinition: unknown) {
    (TimerEventDefinition as any).call(this, activity, eventDefinition);
  }
  ClockedTimerEventDefinition.prototype = Object.create((TimerEventDefinition as any).prototype);
  ClockedTimerEventDefinition.prototype.constructor = ClockedTimerEventDefinition;

  ClockedTimerEventDefinition.prototype.parse = function parse(timerType: string, value: string) {
    const now = clock.now();
    if (timerType === 'timeDate') {
      const expireAt = getDate(value);
      return { expireAt, delay: expireAt.getTime() - now.getTime(), repeat: undefined };
    }
    const parsed = new ISOInterval(value).parse();
    const expireAt = parsed.getExpireAt(now, now);
    return { expireAt, repeat: parsed.repeat, delay: expireAt.getTime() - now.getTime() };
  };

  ClockedTimerEventDefinition.prototype._getTimers = function getTimers(this: any, executeMessage: any) {
    const content = executeMessage.content;
    const result: any = { ...('expireAt' in content && { expireAt: new Date(content.expireAt) }) };
    const now = clock.now();

    for (const timerType of timerTypes) {
      if (timerType in content) result[timerType] = content[timerType];
      else if (timerType in this) result[timerType] = this.environment.resolveExpression(this[timerType], executeMessage);
      else continue;

      const timerStr = result[timerType];
      let expireAtDate: Date = now;
      let repeat: number | undefined;
      if (timerStr) {
        const parsed = this.parse(timerType, timerStr instanceof Date ? timerStr.toISOString() : String(timerStr));
        if (!parsed.expireAt?.getTime) {
          throw new TypeError(`Parsed ${timerType} "${timerStr}" expireAt failed to resolve to a date`);
        }
        expireAtDate = parsed.expireAt;
        repeat = parsed.repeat;
      }
      if (!('expireAt' in result) || result.expireAt > expireAtDate) {
        result.timerType = timerType;
        result.expireAt = expireAtDate;
        result.repeat = repeat;
      }
    }

    if ('expireAt' in result) result.timeout = result.expireAt - now.getTime();
    else if ('timeout' in content) result.timeout = content.timeout;
    else if (!Object.keys(result).length) result.timeout = 0;
    // Recorded, never waited for: DurableTimers keeps the original expireAt as the due time.
    if (executeMessage.fields?.redelivered && 'expireAt' in result && result.timeout <= 0) result.timeout = 1;

    if (content.inbound?.[0] && 'repeat' in content.inbound[0]) result.repeat = content.inbound[0].repeat;
    return result;
  };

  return ClockedTimerEventDefinition;
}
