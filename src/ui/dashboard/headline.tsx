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

/** Without any order the API answers no group at all: every count is 0, every rate undefined. */
const NO_ORDERS: Figures = {
  key: null,
  received: 0,
  cancelled: 0,
  completed: 0,
  completedOnTime: 0,
  overdue: 0,
  overdueAverageSeconds: null,
  rated: 0,
  satisfied: 0,
  dispatchRate: null,
  completionRate: null,
  onTimeRate: null,
  satisfactionRate: null,
};

export function Headline({ loaded }: { loaded: Loaded<FiguresAnswer> }) {
  const f = loaded.data && (loaded.data.groups[0] ?? NO_ORDERS);
  return (
    <dl class="headline" aria-label="主要指标" aria-busy={loaded.loading}>
      {TILES.map((t) => (
        <div key={t.label} class={t.warn && f && f.overdue > 0 ? 'tile warn' : 'tile'} title={t.title}>
          <dt>{t.label}</dt>
          <dd>{f ? t.value(f) : '…'}</dd>
        </div>
      ))}
    </dl>
  );
}
