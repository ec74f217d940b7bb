/**
 * Which years the region's calendar covers, and the warning an office must act on in
 * December: next year's holiday schedule is missing, so working-day deadlines that reach it
 * will be refused (422) until the State Council's notice is loaded.
 */
import { useState } from 'preact/hooks';
import { api } from '../../shared/api.js';
import { ConfirmDialog, ErrorBanner } from '../../shared/components.js';
import { calendarPath, SOURCE_NAMES, type CalendarStatus } from './calendar-types.js';

type YearRow = CalendarStatus['years'][number];

/** 2004–2026 instead of 23 numbers: consecutive years of one source in one run. */
function runsOf(years: YearRow[]): Array<{ from: number; to: number; source: YearRow['source'] }> {
  const runs: Array<{ from: number; to: number; source: YearRow['source'] }> = [];
  for (const y of [...years].sort((a, b) => a.year - b.year)) {
    const last = runs[runs.length - 1];
    if (last && last.source === y.source && last.to === y.year - 1) last.to = y.year;
    else runs.push({ from: y.year, to: y.year, source: y.source });
  }
  return runs;
}

export function CalendarStatusPanel(props: { status: CalendarStatus; thisYear: number; onChanged: () => void }) {
  const { status, thisYear } = props;
  const comingYear = thisYear + 1;
  const covered = new Set(status.years.map((y) => y.year));
  const [removing, setRemoving] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  const remove = async (year: number) => {
    setRemoving(null);
    setError(null);
    try {
      await api(calendarPath(status.region, `/years/${year}`), { method: 'DELETE' });
      props.onChanged();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div class="calendar-status">
      <p>
        已有节假日安排的年份：
        {runsOf(status.years).map((r) => (
          <span key={r.from} class="tag ok year-run">
            {r.from === r.to ? r.from : `${r.from}–${r.to}`} {SOURCE_NAMES[r.source]}
          </span>
        ))}
        <span class="muted">
          　时区 {status.timeZone}，每日截止 {status.endOfDay}
        </span>
      </p>
      {!covered.has(thisYear) && (
        <div class="banner banner-warn" role="alert" data-testid="missing-current-year">
          {thisYear} 年（本年）尚无节假日安排，按工作日计算的时限将无法生成。请立即载入国务院办公厅 {thisYear} 年节假日安排通知。
        </div>
      )}
      {!covered.has(comingYear) && (
        <div class="banner banner-warn" role="alert" data-testid="missing-next-year">
          {comingYear} 年尚无节假日安排：跨入 {comingYear} 年的工作日时限将无法计算。请在国务院办公厅发布《关于 {comingYear}
          年部分节假日安排的通知》后，在下方「载入全年节假日安排」中录入该年的放假和调休上班日期。
        </div>
      )}
      {status.years.some((y) => y.source === 'override') && (
        <p>
          {status.years
            .filter((y) => y.source === 'override')
            .map((y) => (
              <button key={y.year} type="button" class="danger" onClick={() => setRemoving(y.year)}>
                删除载入的 {y.year} 年安排
              </button>
            ))}
        </p>
      )}
      <ErrorBanner error={error} />
      <ConfirmDialog open={removing !== null} title="删除载入的年度安排" confirmLabel="确认删除" onConfirm={() => removing !== null && void remove(removing)} onCancel={() => setRemoving(null)}>
        <p>删除 {status.region} 区域载入的 {removing} 年安排；若内置数据含该年，则恢复使用内置数据，否则该年将无安排。</p>
      </ConfirmDialog>
    </div>
  );
}
