/** 超期件数 per accountable unit (figures grouped by unit), most overdue first. */
import { useMemo } from 'preact/hooks';
import { formatDuration } from '../shared/format.js';
import type { Loaded } from '../shared/use-api.js';
import { ChartPanel, type Column } from './chart-panel.js';
import { DEFINITIONS } from './definitions.js';
import { unitName, type Unit } from './filters.js';
import type { Figures, FiguresAnswer } from './stats-types.js';
import { useChart } from './use-chart.js';

/** Most overdue first; equal ones keep the API's order (by unit id). */
export function byOverdue(groups: readonly Figures[]): Figures[] {
  return [...groups].sort((a, b) => b.overdue - a.overdue);
}

export function OverdueChart({ loaded, units }: { loaded: Loaded<FiguresAnswer>; units: readonly Unit[] }) {
  const rows = useMemo(() => byOverdue(loaded.data?.groups ?? []), [loaded.data]);
  const columns: ReadonlyArray<Column<Figures>> = [
    { header: '承办单位', cell: (f) => unitName(units, f.key) },
    { header: '受理量', num: true, title: DEFINITIONS.received, cell: (f) => String(f.received) },
    { header: '超期件数', num: true, title: DEFINITIONS.overdue, cell: (f) => String(f.overdue) },
    { header: '平均超期时长', num: true, title: DEFINITIONS.overdueAverage, cell: (f) => (f.overdueAverageSeconds === null ? '—' : formatDuration(f.overdueAverageSeconds * 1000)) },
  ];
  const data = useMemo(
    () => ({ labels: rows.map((f) => unitName(units, f.key)), datasets: [{ label: '超期件数', data: rows.map((f) => f.overdue), backgroundColor: '#c62828', maxBarThickness: 48 }] }),
    [rows, units],
  );
  const canvas = useChart<'bar'>({ type: 'bar', options: { plugins: { legend: { display: false } }, scales: { x: { ticks: { autoSkip: false } }, y: { beginAtZero: true, ticks: { precision: 0 } } } } }, data);
  return <ChartPanel title="各单位超期件数" hint={DEFINITIONS.overdue} canvas={canvas} rows={rows} columns={columns} loading={loaded.loading} error={loaded.error} />;
}
