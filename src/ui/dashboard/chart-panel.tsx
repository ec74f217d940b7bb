/**
 * A chart with its figures: the canvas (aria-label naming the chart) and under it a compact
 * `table.data` with the same numbers, captioned with the chart's name — what a screen reader
 * reads, and what the tests compare with the API.
 */
import type { ComponentChildren } from 'preact';
import type { Ref } from 'preact';
import { ErrorBanner } from '../shared/components.js';

export interface Column<R> {
  header: string;
  title?: string;
  num?: boolean;
  cell: (row: R) => string;
}

export function ChartPanel<R>(props: {
  title: string;
  hint?: string;
  canvas: Ref<HTMLCanvasElement>;
  rows: readonly R[];
  columns: ReadonlyArray<Column<R>>;
  loading: boolean;
  error?: Error;
  empty?: string;
  children?: ComponentChildren;
}) {
  const { title, rows, columns } = props;
  return (
    <section class="panel chart-panel" aria-busy={props.loading} aria-label={title}>
      <h2 title={props.hint}>{title}</h2>
      <ErrorBanner error={props.error} />
      <div class="chart-box">
        <canvas ref={props.canvas} role="img" aria-label={`${title}图表`} />
        {!props.loading && rows.length === 0 && <div class="chart-empty">{props.empty ?? '所选区域和时段内没有工单'}</div>}
      </div>
      {props.children}
      <div class="chart-table">
        <table class="data compact">
          <caption>{title}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.header} class={c.num ? 'num' : undefined} title={c.title}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                {columns.map((c) => (
                  <td key={c.header} class={c.num ? 'num' : undefined}>
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
