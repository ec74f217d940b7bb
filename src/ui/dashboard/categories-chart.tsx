/** 热点：orders per category (诉求类别), most first. */
import { useMemo } from 'preact/hooks';
import type { Loaded } from '../shared/use-api.js';
import { ChartPanel, type Column } from './chart-panel.js';
import type { HotTopicsAnswer } from './stats-types.js';
import { useChart } from './use-chart.js';

type Category = HotTopicsAnswer['categories'][number];
const COLUMNS: ReadonlyArray<Column<Category>> = [
  { header: '诉求类别', cell: (c) => c.name },
  { header: '件数', num: true, cell: (c) => String(c.count) },
];

export function CategoriesChart({ loaded }: { loaded: Loaded<HotTopicsAnswer> }) {
  const rows = loaded.data?.categories ?? [];
  const data = useMemo(() => ({ labels: rows.map((c) => c.name), datasets: [{ label: '件数', data: rows.map((c) => c.count), backgroundColor: '#5c7cb8', maxBarThickness: 48 }] }), [loaded.data]);
  const canvas = useChart<'bar'>({ type: 'bar', options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } } }, data);
  return <ChartPanel title="热点诉求类别" canvas={canvas} rows={rows} columns={COLUMNS} loading={loaded.loading} error={loaded.error} />;
}
