/**
 * /admin/calendar: a region's business calendar — the years it covers (and the warning when
 * next year is missing), the year's twelve months, single-day overrides, whole years loaded
 * from the State Council's notice, the region's settings and a deadline preview.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../shared/api.js';
import { useServerNow } from '../../shared/clock.js';
import { ErrorBanner, Loading, Notice, Page } from '../../shared/components.js';
import { useApi } from '../../shared/use-api.js';
import { CalendarStatusPanel } from './calendar-status.js';
import { calendarPath, OVERRIDE_KIND_NAMES, type CalendarStatus, type DayOverride, type YearSchedule } from './calendar-types.js';
import { chinaToday, chinaYear } from './china-date.js';
import { DayOverrideForm } from './day-override-form.js';
import { DeadlinePreview } from './deadline-preview.js';
import { RegionSettingsForm } from './region-settings-form.js';
import { GridLegend, YearGrid } from './year-grid.js';
import { YearLoadForm } from './year-load-form.js';

interface RegionRow {
  id: string;
  name: string;
}

function regionFromHash(): string {
  const query = location.hash.split('?')[1] ?? '';
  return new URLSearchParams(query).get('region') ?? 'default';
}

export function CalendarPage() {
  // The service's clock ("this year" must not follow a wrong office PC); re-renders once it is read.
  const now = useServerNow();
  const thisYear = chinaYear(now);
  const [region, setRegion] = useState(regionFromHash);
  const [year, setYear] = useState<number | null>(null);
  const shownYear = year ?? thisYear;
  const [selected, setSelected] = useState<string>(chinaToday(now));

  const regions = useApi<RegionRow[]>('/api/regions');
  const allStatus = useApi<{ regions: CalendarStatus[] }>('/api/calendar/status');
  const status = useApi<{ regions: CalendarStatus[] }>('/api/calendar/status', { region });
  const schedule = useApi<YearSchedule>(calendarPath(region, `/years/${shownYear}`));
  const overrides = useApi<{ days: DayOverride[] }>(calendarPath(region, '/days'), { year: String(shownYear) });

  const changed = () => {
    status.reload();
    schedule.reload();
    overrides.reload();
    allStatus.reload();
  };

  const regionIds = [...new Set(['default', ...(regions.data ?? []).map((r) => r.id), ...(allStatus.data?.regions ?? []).map((s) => s.region), region])];
  const regionName = (id: string) => (id === 'default' ? '默认（未分区域的流程）' : (regions.data?.find((r) => r.id === id)?.name ?? id));
  const notCovered = schedule.error instanceof ApiError && schedule.error.status === 404;
  const regionStatus = status.data?.regions[0];

  return (
    <Page
      title="工作日历"
      actions={
        <label class="inline-field">
          <span>区域</span>
          <select
            aria-label="区域"
            value={region}
            onChange={(e) => {
              setRegion(e.currentTarget.value);
              setYear(null);
            }}
          >
            {regionIds.map((id) => (
              <option key={id} value={id}>
                {regionName(id)}
              </option>
            ))}
          </select>
        </label>
      }
    >
      <ErrorBanner error={regions.error ?? status.error} />
      {regionStatus ? <CalendarStatusPanel status={regionStatus} thisYear={thisYear} onChanged={changed} /> : status.loading && <Loading />}

      <section class="panel calendar-year" aria-label="全年日历">
        <div class="toolbar year-nav">
          <button type="button" aria-label="上一年" onClick={() => setYear(shownYear - 1)}>
            ‹
          </button>
          <h2 data-testid="shown-year">{shownYear} 年</h2>
          <button type="button" aria-label="下一年" onClick={() => setYear(shownYear + 1)}>
            ›
          </button>
          {shownYear !== thisYear && (
            <button type="button" class="link" onClick={() => setYear(null)}>
              回到本年
            </button>
          )}
          <span class="muted">{schedule.data ? `来源：${schedule.data.source === 'override' ? '管理员载入' : '内置数据（chinese-days）'}` : ''}</span>
          <GridLegend />
        </div>
        {notCovered && <Notice>{shownYear} 年尚无节假日安排，下表仅显示周末和本地单日设置。</Notice>}
        {schedule.error && !notCovered && <ErrorBanner error={schedule.error} />}
        <YearGrid
          year={shownYear}
          schedule={schedule.data && schedule.data.year === shownYear ? schedule.data : null}
          overrides={overrides.data?.days ?? []}
          selected={selected}
          today={chinaToday(now)}
          onSelect={setSelected}
        />
      </section>

      <div class="grid-2 calendar-tools">
        <section class="panel">
          <DayOverrideForm key={region} region={region} date={selected} onDate={setSelected} onChanged={changed} />
          <OverrideList days={overrides.data?.days ?? []} year={shownYear} onSelect={setSelected} />
        </section>
        <section class="panel">
          <DeadlinePreview key={region} region={region} />
        </section>
      </div>

      <div class="grid-2 calendar-tools">
        <section class="panel">
          <YearLoadForm key={region} region={region} defaultYear={thisYear + 1} onLoaded={(y) => (setYear(y), changed())} />
        </section>
        <section class="panel">
          <RegionSettingsForm key={region} region={region} onChanged={changed} />
        </section>
      </div>
    </Page>
  );
}

function OverrideList(props: { days: DayOverride[]; year: number; onSelect: (date: string) => void }) {
  return (
    <>
      <h2>{props.year} 年本地单日设置</h2>
      {props.days.length === 0 ? (
        <p class="muted">无</p>
      ) : (
        <table class="data" aria-label="本地单日设置">
          <tbody>
            {props.days.map((d) => (
              <tr key={d.date}>
                <td>{d.date}</td>
                <td>{OVERRIDE_KIND_NAMES[d.kind]}</td>
                <td>{d.note ?? ''}</td>
                <td>
                  <button type="button" class="link" onClick={() => props.onSelect(d.date)}>
                    修改
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
