/**
 * Loads a whole year's schedule from the State Council's notice (POST …/years): the way to
 * cover a year the built-in data does not know yet. The dates can be typed, or a JSON
 * `{ year, holidays, workdays }` pasted; the service checks them (a date outside the year, a
 * make-up day that is not a weekend) and its 400 is shown as it is.
 */
import { useState } from 'preact/hooks';
import { api } from '../../shared/api.js';
import { ConfirmDialog, ErrorBanner, Notice } from '../../shared/components.js';
import { calendarPath, type YearSchedule } from './calendar-types.js';

function dateList(text: string): string[] {
  return text.split(/[\s,，、;；]+/).map((s) => s.trim()).filter(Boolean);
}

export function YearLoadForm(props: { region: string; defaultYear: number; onLoaded: (year: number) => void }) {
  const [year, setYear] = useState(String(props.defaultYear));
  const [holidays, setHolidays] = useState('');
  const [workdays, setWorkdays] = useState('');
  const [json, setJson] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const fillFromJson = () => {
    setError(null);
    try {
      const parsed = JSON.parse(json) as Partial<{ year: number; holidays: string[]; workdays: string[] }>;
      if (parsed.year !== undefined) setYear(String(parsed.year));
      setHolidays((parsed.holidays ?? []).join('\n'));
      setWorkdays((parsed.workdays ?? []).join('\n'));
    } catch (e) {
      setError(new Error(`JSON 无法解析：${(e as Error).message}`));
    }
  };

  const load = async () => {
    setConfirming(false);
    setError(null);
    setDone(null);
    try {
      const body = { year: Number(year), holidays: dateList(holidays), workdays: dateList(workdays) };
      const stored = await api<YearSchedule>(calendarPath(props.region, '/years'), { method: 'POST', body });
      setDone(`已载入 ${stored.year} 年：放假 ${stored.holidays.length} 天，调休上班 ${stored.workdays.length} 天`);
      props.onLoaded(stored.year);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <form
        class="year-load"
        aria-label="载入全年节假日安排"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setConfirming(true);
        }}
      >
        <h2>载入全年节假日安排</h2>
        <p class="muted">按国务院办公厅当年发布的节假日安排通知填写；载入后替换该区域该年的内置数据。</p>
        <label class="field">
          <span>年份</span>
          <input type="number" value={year} min={1900} max={9999} onInput={(e) => setYear(e.currentTarget.value)} />
        </label>
        <div class="grid-2">
          <label class="field">
            <span>放假日期（每行一个，YYYY-MM-DD）</span>
            <textarea rows={5} value={holidays} onInput={(e) => setHolidays(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>调休上班日期（周六或周日）</span>
            <textarea rows={5} value={workdays} onInput={(e) => setWorkdays(e.currentTarget.value)} />
          </label>
        </div>
        <details>
          <summary>粘贴 JSON</summary>
          <label class="field">
            <span>JSON 内容</span>
            <textarea rows={4} value={json} placeholder='{"year":2027,"holidays":["2027-01-01"],"workdays":[]}' onInput={(e) => setJson(e.currentTarget.value)} />
          </label>
          <button type="button" onClick={fillFromJson}>
            填入上方表格
          </button>
        </details>
        <div class="toolbar">
          <button type="submit" class="primary">
            载入该年安排
          </button>
        </div>
        <ErrorBanner error={error} />
        {done && <Notice>{done}</Notice>}
      </form>
      <ConfirmDialog open={confirming} title="载入全年节假日安排" confirmLabel="确认载入" onConfirm={() => void load()} onCancel={() => setConfirming(false)}>
        <p>
          为 {props.region} 区域载入 {year} 年安排：放假 {dateList(holidays).length} 天，调休上班 {dateList(workdays).length} 天。
        </p>
        <p class="muted">将替换该区域该年已有的安排，此后计算的办理时限按新安排计算。</p>
      </ConfirmDialog>
    </>
  );
}
