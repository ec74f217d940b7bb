/** 办结率、按时办结率、满意率 month by month (figures grouped by month of request). */
import { useMemo } from 'preact/hooks';
import type { Loaded } from '../shared/use-api.js';
import { ChartPanel, type Column } from './chart-panel.js';
import { DEFINITIONS } from './definitions.js';
import { percent, type Figures, type FiguresAnswer } from './stats-types.js';
import { useChart } from './use-chart.js';

const SERIES = [
  { field: 'completionRate', label: '办结率', color: '#1d5fbf' },
  { field: 'onTimeRate', label: '按时办结率', color: '#2e7d32' },
  { field: 'satisfactionRate', label: '满意率', color: '#d98b00' },
] as const;

const COLUMNS: ReadonlyArray<Column<Figures>> = [
  { header: '月份', cell: (f) => f.key ?? '' },
  { header: '受理量', num: true, title: DEFINITIONS.received, cell: (f) => String(f.received) },
  ...SERIES.map((s) => ({ header: s.label, num: true, title: DEFINITIONS[s.field], cell: (f: Figures) => percent(f[s.field]) })),
];

export function RatesChart({ loaded }: { loaded: Loaded<FiguresAnswer> }) {
  const groups = loaded.data?.groups ?? [];
  const data = useMemo(
    () => ({
      labels: groups.map((g) => g.key ?? ''),
      datasets: SERIES.map((s) => ({ label: s.label, data: groups.map((g) => g[s.field]), borderColor: s.color, backgroundColor: s.color, spanGaps: true })),
    }),
    [loaded.data],
  );
  const canvas = useChart<'line'>(
    {
      type: 'line',
      options: {
        scales: { y: { min: 0, max: 1, ticks: { callback: (v) => `${Math.round(Number(v) * 100)}%` } } },
        plugins: { tooltip: { callbacks: { label: (c) => `${c.dataset.label}：${percent(c.parsed.y)}` } } },
      },
    },
    data,
  );
  return (
    <ChartPanel
      title="办结率、按时办结率、满意率（按月）"
      hint={`${DEFINITIONS.completionRate}\n${DEFINITIONS.onTimeRate}\n${DEFINITIONS.satisfactionRate}`}
      canvas={canvas}
      rows={groups}
      columns={COLUMNS}
      loading={loaded.loading}
      error={loaded.error}
    />
  );
}
