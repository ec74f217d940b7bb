import { ISODate, ISOInterval, getDate } from '@0dep/piso';
import { child, many, text, type ModdleElement } from '../moddle-types.js';
import { hasExpression, type ProcessRule, type RuleContext } from './rule-context.js';

const TIMER_TYPES = ['timeDuration', 'timeDate', 'timeCycle'] as const;
type TimerType = (typeof TIMER_TYPES)[number];
/** Any fixed reference works: only "does it parse" matters at deploy time, not when it is due. */
const REFERENCE_DATE = new Date(0);
const LOOKS_LIKE_CRON = /^\S+(\s+\S+){4,6}$/;

/**
 * Literal timer values are parsed with @0dep/piso, the parser bpmn-elements itself uses, so a
 * diagram that deploys is one whose timers the engine can arm. Expression values are checked
 * by the expression rule and parsed when the timer starts.
 */
export const checkTimers: ProcessRule = (_process, elements, ctx) => {
  for (const element of elements) {
    for (const definition of many(element, 'eventDefinitions')) {
      if (definition.$type !== 'bpmn:TimerEventDefinition') continue;
      const present = TIMER_TYPES.filter((type) => child(definition, type));
      if (!present.length) ctx.problems.error(element, 'Timer has no timeDuration, timeDate or timeCycle');
      for (const type of present) {
        const value = (text(child(definition, type), 'body') ?? '').trim();
        if (!value) ctx.problems.error(element, `${type} is empty`);
        else if (!hasExpression(value)) checkLiteral(element, type, value, ctx);
      }
    }
  }
};

function checkLiteral(element: ModdleElement, type: TimerType, value: string, ctx: RuleContext): void {
  try {
    if (type === 'timeDate') {
      getDate(value);
      if (new ISODate(value).parse().result.Z === undefined) {
        ctx.problems.warn(element, `timeDate '${value}' has no UTC offset and is read in the server's local time; add Z or +08:00`);
      }
    } else {
      new ISOInterval(value).parse().getExpireAt(REFERENCE_DATE, REFERENCE_DATE);
      if (type === 'timeCycle' && !repeatsHere(element)) {
        ctx.problems.warn(element, `timeCycle '${value}' repeats only on non-interrupting boundary events; here it fires once`);
      }
    }
  } catch (err) {
    const hint = LOOKS_LIKE_CRON.test(value) ? ' (cron expressions are not supported; use an ISO 8601 repeating interval such as R/PT4H)' : '';
    ctx.problems.error(element, `${type} '${value}' is not a valid ISO 8601 value: ${(err as Error).message}${hint}`);
  }
}

/** bpmn-elements repeats cycles on non-interrupting boundary events; start events are scheduled by the service. */
function repeatsHere(element: ModdleElement): boolean {
  if (element.$type === 'bpmn:StartEvent') return true;
  return element.$type === 'bpmn:BoundaryEvent' && element.cancelActivity === false;
}
