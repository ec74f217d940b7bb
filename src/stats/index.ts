/**
 * Statistics of work orders (docs/statistics.md): figures per region, unit or month, the
 * monthly ranking of units, hot topics (categories and words), 获嘉's accountability rule and
 * the weekly report of seed 000. Read from the work-order projection, through the ledger's
 * filter (region, unit, period of request).
 *
 *   const stats = new StatsService(dataSource, clock);
 *   await stats.figures({ region: 'puyang', from, to }, 'unit');
 *   renderWeeklyReport(await weeklyReport(stats, '2026-11-23', 'puyang'));
 */
export { StatsService, type Count, type HotTopics } from './stats-service.js';
export { DISPATCH_LIMIT_HOURS, toFigures, type Figures } from './figures.js';
export { GROUP_KEYS, type GroupBy } from './sql/figures.js';
export { rankUnits, score, RANKING_WEIGHTS, type RankedUnit } from './ranking.js';
export { judgeUnits, CONSECUTIVE_LIMIT, CUMULATIVE_LIMIT, type UnitAccountability, type Verdict } from './accountability.js';
export { wordsOf, STOP_WORDS } from './words.js';
export { weeklyReport, mondayOf, REPORT_UNITS, REPORT_WORDS, type WeeklyReport } from './weekly-report.js';
export { renderWeeklyReport } from './render-weekly-report.js';
