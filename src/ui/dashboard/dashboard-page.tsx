/**
 * 统计分析 for leaders and auditors: the figures of /api/stats for a region and a month range —
 * headline figures, rates by month, overdue by unit, the monthly ranking (of the range's last
 * month, or the current one: the ranking is monthly by definition) and hot topics.
 */
import { useEffect, useState } from 'preact/hooks';
import { Loading, Page } from '../shared/components.js';
import { useClockReady } from '../shared/clock.js';
import { useSession } from '../shared/session.js';
import { useApi } from '../shared/use-api.js';
import { CategoriesChart } from './categories-chart.js';
import { FilterBar, readFilter, useUnits, writeFilter, type Filter } from './filters.js';
import { Headline } from './headline.js';
import { OverdueChart } from './overdue-chart.js';
import { periodQuery, rankingMonth } from './period.js';
import { RankingChart } from './ranking-chart.js';
import { RatesChart } from './rates-chart.js';
import type { FiguresAnswer, HotTopicsAnswer, RankingAnswer } from './stats-types.js';
import { WordsChart } from './words-chart.js';

export const HOT_WORDS = 10;

export function DashboardPage() {
  // The default period (本月) is the service's month, so wait until its time is known.
  if (!useClockReady()) return <Loading />;
  return <DashboardPageBody />;
}

function DashboardPageBody() {
  const session = useSession();
  const [filter, setFilter] = useState<Filter>(() => readFilter(session?.user.region ?? null));
  useEffect(() => writeFilter(filter), [filter]);
  const units = useUnits();
  const query = { region: filter.region, ...periodQuery(filter.range) };
  const total = useApi<FiguresAnswer>('/api/stats/figures', { ...query, groupBy: 'none' });
  const byMonth = useApi<FiguresAnswer>('/api/stats/figures', { ...query, groupBy: 'month' });
  const byUnit = useApi<FiguresAnswer>('/api/stats/figures', { ...query, groupBy: 'unit' });
  const month = rankingMonth(filter.range);
  const ranking = useApi<RankingAnswer>('/api/stats/ranking', { region: filter.region, month });
  const topics = useApi<HotTopicsAnswer>('/api/stats/hot-topics', { ...query, limit: HOT_WORDS });
  return (
    <Page title="统计分析" actions={<FilterBar filter={filter} onChange={setFilter} />}>
      <Headline loaded={total} />
      <div class="grid-2 dash-charts">
        <RatesChart loaded={byMonth} />
        <OverdueChart loaded={byUnit} units={units} />
        <RankingChart loaded={ranking} month={month} units={units} />
        <CategoriesChart loaded={topics} />
        <WordsChart loaded={topics} />
      </div>
    </Page>
  );
}
