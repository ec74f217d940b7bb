/** The period's headline figures (figures without grouping), each with its definition on hover. */
import { formatDuration } from '../shared/format.js';
import type { Loaded } from '../shared/use-api.js';
import { DEFINITIONS } from './definitions.js';
import { percent, type Figures, type FiguresAnswer } from './stats-types.js';

const TILES: ReadonlyArray<{ label: string; title: string; value: (f: Figures) => string; warn?: boolean }> = [
  { label: '受理量', title: DEFINITIONS.received, value: (f) => String(f.received) },
  { label: '办结率', title: DEFINITIONS.completionRate, value: (f) => percent(f.completionRate) },
  { label: '按时办结率', title: DEFINITIONS.onTimeRate, value: (f) => percent(f.onTimeRate) },
  { label: '满意率', title: DEFINITIONS.satisfactionRate, value: (f) => percent(f.satisfactionRate) },
  { label: '及时转办率', title: DEFINITIONS.dispatchRate, value: (f) => percent(f.dispatchRate) },
  { label: '超期件数', title: DEFINITIONS.overdue, value: (f) => String(f.overdue), warn: true },
  { label: '平均超期时长', title: DEFINITIONS.overdueAverage, value: (f) => (f.overdueAverageSeconds === null ? '—' : formatDuration(f.overdueAverageSeconds * 1000)) },
];

export function Headline({ loaded }: { loaded: Loaded<FiguresAnswer> }) {
  // Without any order the API answers no group; every count is then 0 and every rate undefined.
  const f = loaded.data?.groups[0];
  return (
    <dl class="headline" aria-label="主要指标" aria-busy={loaded.loading}>
      {TILES.map((t) => (
        <div key={t.label} class={t.warn && f && f.overdue > 0 ? 'tile warn' : 'tile'} title={t.title}>
          <dt>{t.label}</dt>
          <dd>{f ? t.value(f) : t.label === '受理量' || t.label === '超期件数' ? '0' : '—'}</dd>
        </div>
      ))}
    </dl>
  );
}
