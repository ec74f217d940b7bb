/**
 * Twelve small month tables: weekends grey, holidays red, make-up working days blue, the
 * region's single-day overrides outlined. What a day shows follows docs/calendar.md's
 * precedence: the override first, then the year's schedule, then Monday–Friday.
 */
import type { DayOverride, YearSchedule } from './calendar-types.js';
import { OVERRIDE_KIND_NAMES } from './calendar-types.js';
import { daysInMonth, isoDate, isWeekend, mondayIndex } from './china-date.js';

type DayLook = 'holiday' | 'makeup' | 'weekend' | 'weekday';

const LOOK_NAMES: Record<DayLook, string> = { holiday: '休息（节假日）', makeup: '调休上班', weekend: '周末', weekday: '工作日' };
const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

function lookOf(date: string, schedule: YearSchedule | null, override: DayOverride | undefined): DayLook {
  const weekend = isWeekend(date);
  if (override) {
    if (override.kind === 'holiday') return 'holiday';
    if (override.kind === 'workday') return 'makeup';
    return weekend ? 'weekend' : 'weekday';
  }
  if (schedule?.holidays.includes(date)) return 'holiday';
  if (schedule?.workdays.includes(date)) return 'makeup';
  return weekend ? 'weekend' : 'weekday';
}

export function YearGrid(props: {
  year: number;
  schedule: YearSchedule | null;
  overrides: DayOverride[];
  selected: string | null;
  today: string;
  onSelect: (date: string) => void;
}) {
  const byDate = new Map(props.overrides.map((o) => [o.date, o]));
  return (
    <div class="year-grid" role="group" aria-label={`${props.year}年日历`}>
      {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => {
        const lead = mondayIndex(props.year, month, 1);
        const count = daysInMonth(props.year, month);
        const cells: Array<string | null> = [...Array<null>(lead).fill(null), ...Array.from({ length: count }, (_, d) => isoDate(props.year, month, d + 1))];
        const weeks: Array<Array<string | null>> = [];
        for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
        return (
          <table class="month" key={month}>
            <caption>{month}月</caption>
            <thead>
              <tr>{WEEKDAYS.map((w) => <th key={w}>{w}</th>)}</tr>
            </thead>
            <tbody>
              {weeks.map((week, w) => (
                <tr key={w}>
                  {Array.from({ length: 7 }, (_, d) => {
                    const date = week[d] ?? null;
                    if (!date) return <td key={d} />;
                    const override = byDate.get(date);
                    const look = lookOf(date, props.schedule, override);
                    const classes = [`day-${look}`, override && 'day-override', date === props.selected && 'day-selected', date === props.today && 'day-today'].filter(Boolean).join(' ');
                    const label = `${date} ${LOOK_NAMES[look]}${override ? `，本地设置：${OVERRIDE_KIND_NAMES[override.kind]}${override.note ? `（${override.note}）` : ''}` : ''}`;
                    return (
                      <td key={d} class={classes} data-date={date} data-look={look}>
                        <button type="button" aria-label={label} title={label} aria-pressed={date === props.selected} onClick={() => props.onSelect(date)}>
                          {Number(date.slice(8))}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </div>
  );
}

export function GridLegend() {
  return (
    <div class="grid-legend" aria-label="图例">
      <span class="swatch day-weekday">工作日</span>
      <span class="swatch day-weekend">周末</span>
      <span class="swatch day-holiday">法定节假日 / 放假</span>
      <span class="swatch day-makeup">调休上班</span>
      <span class="swatch day-weekday day-override">本地单日设置</span>
    </div>
  );
}
