import { DEFAULT_TIME_ZONE, addDays, zonedTimeToInstant, type LocalDate } from '../calendar/index.js';
import type { AccessScope } from '../access/index.js';
import type { UnitAccountability } from './accountability.js';
import type { Figures } from './figures.js';
import type { Count, HotTopics, StatsService } from './stats-service.js';

/**
 * 一周受理情况报告 (seed 000, 四(三)(四)): the week's intake (受理情况), handling (办理情况) and
 * callbacks (回访情况) — the three figures the seed says are published —, the units with the
 * highest unfinished and dissatisfaction rates (which the seed sends to their heads), the hot
 * spots (热点), and the units 获嘉's accountability rule flags.
 */
export interface WeeklyReport {
  title: string;
  region: string | null;
  /** Monday to Sunday, China days; orders requested in [from, to). */
  week: { from: LocalDate; to: LocalDate };
  generatedAt: Date;
  intake: { received: number; byChannel: Count[]; byCategory: Count[] };
  handling: Figures;
  callback: { rated: number; satisfied: number; unsatisfied: number; satisfactionRate: number | null };
  /** At most three each, worst first; only units with a rate above zero. */
  attention: { unfinished: Array<{ unit: string; rate: number; open: number }>; unsatisfied: Array<{ unit: string; rate: number; unsatisfied: number }> };
  hotTopics: HotTopics;
  accountability: UnitAccountability[];
}

export const REPORT_UNITS = 3;
export const REPORT_WORDS = 10;

/** The Monday of the week that contains `day`. */
export function mondayOf(day: LocalDate): LocalDate {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, weekday === 0 ? -6 : 1 - weekday);
}

export async function weeklyReport(stats: StatsService, day: LocalDate, region: string | undefined, scope?: AccessScope): Promise<WeeklyReport> {
  const from = mondayOf(day);
  const to = addDays(from, 7);
  const filter = { region, scope, from: zonedTimeToInstant(from, 0, DEFAULT_TIME_ZONE), to: zonedTimeToInstant(to, 0, DEFAULT_TIME_ZONE) };
  const [[handling], units, byChannel, byCategory, hotTopics, accountability] = [
    await stats.figures(filter, 'none'),
    await stats.figures(filter, 'unit'),
    await stats.countBy(filter, 'channel'),
    await stats.countBy(filter, 'category'),
    await stats.hotTopics(filter, REPORT_WORDS),
    // The rule counts a unit's whole record, not one week's: every order of the region up to the week's end.
    await stats.accountability({ region, to: filter.to }),
  ];
  const all = handling ?? emptyFigures();
  const assigned = units.filter((u): u is Figures & { key: string } => u.key !== null);
  return {
    title: '一周受理情况报告',
    region: region ?? null,
    week: { from, to: addDays(to, -1) },
    generatedAt: stats.now(),
    intake: { received: all.received, byChannel, byCategory },
    handling: all,
    callback: { rated: all.rated, satisfied: all.satisfied, unsatisfied: all.unsatisfied, satisfactionRate: all.satisfactionRate },
    attention: {
      unfinished: top(assigned, (u) => u.unfinishedRate).map((u) => ({ unit: u.key, rate: u.unfinishedRate!, open: u.received - u.cancelled - u.completed })),
      unsatisfied: top(assigned, (u) => u.unsatisfiedRate).map((u) => ({ unit: u.key, rate: u.unsatisfiedRate!, unsatisfied: u.unsatisfied })),
    },
    hotTopics,
    accountability: accountability.filter((a) => a.flagged),
  };
}

function top<T extends Figures & { key: string }>(units: T[], rate: (u: T) => number | null): T[] {
  return units
    .filter((u) => (rate(u) ?? 0) > 0)
    .sort((a, b) => rate(b)! - rate(a)! || b.received - a.received || a.key.localeCompare(b.key))
    .slice(0, REPORT_UNITS);
}

function emptyFigures(): Figures {
  return {
    key: null, received: 0, cancelled: 0, dispatched: 0, dispatchedOnTime: 0, completed: 0, completedOnTime: 0, closed: 0, overdue: 0,
    overdueSeconds: 0, overdueAverageSeconds: null, rated: 0, satisfied: 0, unsatisfied: 0, returns: 0, extensions: 0, redos: 0,
    dispatchRate: null, completionRate: null, onTimeRate: null, satisfactionRate: null, unsatisfiedRate: null, unfinishedRate: null,
  };
}
