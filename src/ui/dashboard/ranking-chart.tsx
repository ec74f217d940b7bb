/** 月排名: the units of one month by score (satisfaction 50, on time 30, completion 20). */
import { useMemo } from 'preact/hooks';
import type { Loaded } from '../shared/use-api.js';
import { ChartPanel, type Column } from './chart-panel.js';
import { DEFINITIONS } from './definitions.js';
import { unitName, type Unit } from './filters.js';
import { percent, type RankingAnswer } from './stats-types.js';
import { useChart } from './use-chart.js';

type Ranked = RankingAnswer['units'][number];

export function RankingChart({ loaded, month, units }: { loaded: Loaded<RankingAnswer>; month: string; units: readonly Unit[] }) {
  const rows = loaded.data?.units ?? [];
  const columns: ReadonlyArray<Column<Ranked>> = [
    { header: '名次', num: true, cell: (r) => String(r.rank) },
    { header: '承办单位', cell: (r) => unitName(units, r.unit) },
    { header: '得分', num: true, title: DEFINITIONS.score, cell: (r) => r.score.toFixed(2) },
    { header: '满意率', num: true, title: DEFINITIONS.satisfactionRate, cell: (r) => percent(r.figures.satisfactionRate) },
    { header: '按时办结率', num: true, title: DEFINITIONS.onTimeRate, cell: (r) => percent(r.figures.onTimeRate) },
    { header: '办结率', num: true, title: DEFINITIONS.completionRate, cell: (r) => percent(r.figures.completionRate) },
  ];
  const data = useMemo(
    () => ({ labels: rows.map((r) => unitName(units, r.unit)), datasets: [{ label: '得分', data: rows.map((r) => r.score), backgroundColor: '#1d5fbf', maxBarThickness: 22 }] }),
    [loaded.data, units],
  );
  const canvas = useChart<'bar'>({ type: 'bar', options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { min: 0, max: 100 }, y: { ticks: { autoSkip: false } } } } }, data);
  return (
    <ChartPanel
      title={`单位月排名（${month}）`}
      hint={DEFINITIONS.score}
      canvas={canvas}
      rows={rows}
      columns={columns}
      loading={loaded.loading}
      error={loaded.error}
      empty="该月没有可排名的单位"
    />
  );
}
