/** 热点：the words most requests contain (counted once per order). */
import { useMemo } from 'preact/hooks';
import type { Loaded } from '../shared/use-api.js';
import { ChartPanel, type Column } from './chart-panel.js';
import { DEFINITIONS } from './definitions.js';
import type { HotTopicsAnswer } from './stats-types.js';
import { useChart } from './use-chart.js';

type Word = HotTopicsAnswer['words'][number];
const COLUMNS: ReadonlyArray<Column<Word>> = [
  { header: '高频词', title: DEFINITIONS.hotWords, cell: (w) => w.word },
  { header: '件数', num: true, cell: (w) => String(w.orders) },
];

export function WordsChart({ loaded }: { loaded: Loaded<HotTopicsAnswer> }) {
  const rows = loaded.data?.words ?? [];
  const data = useMemo(() => ({ labels: rows.map((w) => w.word), datasets: [{ label: '件数', data: rows.map((w) => w.orders), backgroundColor: '#8a6fb8', maxBarThickness: 16 }] }), [loaded.data]);
  const canvas = useChart<'bar'>({ type: 'bar', options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { ticks: { autoSkip: false } } } } }, data);
  return <ChartPanel title="热点高频词" hint={DEFINITIONS.hotWords} canvas={canvas} rows={rows} columns={COLUMNS} loading={loaded.loading} error={loaded.error} />;
}
