import { ISOInterval, getDate } from '@0dep/piso';

export type TimerType = 'timeDuration' | 'timeDate' | 'timeCycle';
const TIMER_TYPES: readonly TimerType[] = ['timeDate', 'timeCycle', 'timeDuration'];

/** A timer start event of a process, with its value as written in the diagram (maybe `${…}`). */
export interface TimerStartEvent {
  activityId: string;
  timerType: TimerType;
  value: string;
}

/**
 * One occurrence of a timer start job. `repeat` counts the occurrences left including this
 * one (`R3/PT1H`: 3, 2, 1), -1 for an unbounded cycle (`R/PT4H`), null for a single firing
 * (timeDate, timeDuration).
 */
export interface Occurrence {
  dueAt: Date;
  repeat: number | null;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the serialized moddle context is untyped JSON */

/**
 * The timer start events of a definition's top-level processes, from its serialized moddle
 * context (`process_definition.source_context`). Start events inside (event) sub-processes
 * belong to a running instance and are the engine's own timers.
 */
export function timerStartEvents(serializedContext: any): TimerStartEvent[] {
  const processIds = new Set<string>((serializedContext?.processes ?? []).map((p: any) => p.id));
  const result: TimerStartEvent[] = [];
  for (const a of serializedContext?.activities ?? []) {
    if (a?.type !== 'bpmn:StartEvent' || a.parent?.type !== 'bpmn:Process' || !processIds.has(a.parent.id)) continue;
    for (const ed of a.behaviour?.eventDefinitions ?? []) {
      if (ed?.type !== 'bpmn:TimerEventDefinition') continue;
      // bpmn-elements takes the earliest of several values; a modelled start timer has one.
      const timerType = TIMER_TYPES.find((t) => typeof ed.behaviour?.[t] === 'string' && ed.behaviour[t].trim());
      if (timerType) result.push({ activityId: a.id, timerType, value: ed.behaviour[timerType].trim() });
    }
  }
  return result;
}

/**
 * The first occurrence of a timer start job created at `now` (the deployment): a timeDate at
 * its date (at once when it has passed, as Camunda does), a timeDuration `now` + duration, a
 * cycle at its start date when it names one, else one period from now. Undefined when the
 * cycle has no occurrence left (`R0/…`, or its end has passed). Throws RangeError when the
 * value is not ISO 8601.
 */
export function firstOccurrence(timerType: TimerType, value: string, now: Date): Occurrence | undefined {
  if (timerType === 'timeDate') return { dueAt: getDate(value), repeat: null };
  const interval = new ISOInterval(value).parse();
  if (timerType === 'timeDuration') return { dueAt: interval.getExpireAt(now, now), repeat: null };
  let repeat = interval.repeat ?? 1;
  if (repeat === 0) return undefined;
  if (!interval.start) return within(interval, { dueAt: interval.getExpireAt(now, now), repeat });
  // A cycle that started in the past continues at its next slot; the missed ones are skipped.
  let dueAt = interval.startDate;
  while (dueAt.getTime() < now.getTime() && repeat !== 1) {
    dueAt = step(interval, dueAt);
    if (repeat > 0) repeat--;
  }
  return within(interval, { dueAt, repeat });
}

/**
 * The occurrence after `previous` of a cycle, counted from the previous due time rather than
 * from when it fired, so a late firing does not shift the rest of the cycle. Undefined when
 * the cycle is done (and always for timeDate / timeDuration).
 */
export function nextOccurrence(timerType: TimerType, value: string, previous: Occurrence): Occurrence | undefined {
  if (timerType !== 'timeCycle' || previous.repeat === null) return undefined;
  if (previous.repeat !== -1 && previous.repeat <= 1) return undefined;
  const interval = new ISOInterval(value).parse();
  return within(interval, { dueAt: step(interval, previous.dueAt), repeat: previous.repeat === -1 ? -1 : previous.repeat - 1 });
}

function step(interval: ISOInterval, from: Date): Date {
  if (!interval.duration) throw new RangeError(`timeCycle '${interval.source}' has no period`);
  return interval.duration.getExpireAt(from);
}

/** A cycle with an end date (`R/PT1H/2027-01-01T00:00:00Z`) has no occurrence after it. */
function within(interval: ISOInterval, o: Occurrence): Occurrence | undefined {
  if (interval.end && o.dueAt.getTime() > interval.endDate.getTime()) return undefined;
  return o;
}
