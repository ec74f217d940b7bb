/** A region's time zone and end of day (GET/PUT …/settings): when a deadline day ends. */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../shared/api.js';
import { ConfirmDialog, ErrorBanner, Notice } from '../../shared/components.js';
import { useApi } from '../../shared/use-api.js';
import { calendarPath, type RegionSettings } from './calendar-types.js';

export function RegionSettingsForm(props: { region: string; onChanged: () => void }) {
  const settings = useApi<RegionSettings>(calendarPath(props.region, '/settings'));
  const [timeZone, setTimeZone] = useState('');
  const [endOfDay, setEndOfDay] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);

  useEffect(() => {
    if (!settings.data) return;
    setTimeZone(settings.data.timeZone);
    setEndOfDay(settings.data.endOfDay);
  }, [settings.data]);

  const save = async () => {
    setConfirming(false);
    setError(null);
    setDone(false);
    try {
      await api<RegionSettings>(calendarPath(props.region, '/settings'), { method: 'PUT', body: { timeZone: timeZone.trim(), endOfDay: endOfDay.trim() } });
      setDone(true);
      settings.reload();
      props.onChanged();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <form
        aria-label="区域设置"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setConfirming(true);
        }}
      >
        <h2>区域设置</h2>
        <ErrorBanner error={settings.error} />
        <div class="grid-2">
          <label class="field">
            <span>时区</span>
            <input value={timeZone} placeholder="Asia/Shanghai" onInput={(e) => setTimeZone(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>每日截止时间</span>
            <input value={endOfDay} placeholder="18:00" onInput={(e) => setEndOfDay(e.currentTarget.value)} />
          </label>
        </div>
        <p class="muted">按工作日或自然日计算的时限，截止于当日此时刻（如 17:30、18:00，或 24:00）。</p>
        <button type="submit">保存区域设置</button>
        <ErrorBanner error={error} />
        {done && <Notice>区域设置已保存</Notice>}
      </form>
      <ConfirmDialog open={confirming} title="保存区域设置" confirmLabel="确认保存" onConfirm={() => void save()} onCancel={() => setConfirming(false)}>
        <p>
          {props.region} 区域：时区 {timeZone}，每日截止 {endOfDay}。
        </p>
        <p class="muted">此后计算的办理时限按新设置计算。</p>
      </ConfirmDialog>
    </>
  );
}
