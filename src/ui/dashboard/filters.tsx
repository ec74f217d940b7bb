/**
 * The filter bar of the dashboard and the ledger: region (a region-bound user sees only theirs),
 * a month range with the quick picks 本月 / 本季度 / 本年, and optionally a unit.
 */
import { useApi } from '../shared/use-api.js';
import { useSession } from '../shared/session.js';
import { QUICK_PERIODS, quickPeriod, sameRange, type MonthRange } from './period.js';

export interface Filter {
  region: string;
  range: MonthRange;
  unit?: string;
}

export interface Region {
  id: string;
  name: string;
}

export interface Unit {
  id: string;
  name: string;
  regionId: string | null;
}

export function useRegions(): Region[] {
  return useApi<Region[]>('/api/regions').data ?? [];
}

export function useUnits(): Unit[] {
  return useApi<Unit[]>('/api/units').data ?? [];
}

/** Unit id → name; the statistics' `null` unit is an order not yet dispatched. */
export function unitName(units: readonly Unit[], id: string | null): string {
  if (id === null || id === '') return '未分办';
  return units.find((u) => u.id === id)?.name ?? id;
}

export function FilterBar({ filter, onChange, units }: { filter: Filter; onChange: (f: Filter) => void; units?: readonly Unit[] }) {
  const session = useSession();
  const regions = useRegions();
  const bound = session?.user.region ?? null;
  const choices = bound ? regions.filter((r) => r.id === bound) : regions;
  const set = (patch: Partial<Filter>) => onChange({ ...filter, ...patch });
  const setRange = (range: MonthRange) => {
    if (!range.from || !range.to) return; // a month input being cleared
    set({ range: range.from > range.to ? { from: range.to, to: range.from } : range });
  };
  return (
    <form class="toolbar dash-filters" role="search" aria-label="筛选条件" onSubmit={(e) => e.preventDefault()}>
      <label class="field">
        <span>区域</span>
        <select value={filter.region} disabled={!!bound} onChange={(e) => set({ region: e.currentTarget.value })}>
          {!bound && <option value="">全部区域</option>}
          {choices.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      {units && (
        <label class="field">
          <span>承办单位</span>
          <select value={filter.unit ?? ''} onChange={(e) => set({ unit: e.currentTarget.value || undefined })}>
            <option value="">全部单位</option>
            {units
              .filter((u) => !filter.region || !u.regionId || u.regionId === filter.region)
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
          </select>
        </label>
      )}
      <label class="field">
        <span>起始月份</span>
        <input type="month" value={filter.range.from} onChange={(e) => setRange({ ...filter.range, from: e.currentTarget.value })} />
      </label>
      <label class="field">
        <span>截止月份</span>
        <input type="month" value={filter.range.to} onChange={(e) => setRange({ ...filter.range, to: e.currentTarget.value })} />
      </label>
      <div class="quick-periods" role="group" aria-label="快捷时段">
        {QUICK_PERIODS.map((q) => {
          const range = quickPeriod(q.id);
          const active = sameRange(range, filter.range);
          return (
            <button key={q.id} type="button" class={active ? 'primary' : ''} aria-pressed={active} onClick={() => set({ range })}>
              {q.label}
            </button>
          );
        })}
      </div>
    </form>
  );
}

const KEY = 'suqiu.dashboard.filter';

/**
 * The last filter, kept for the tab (sessionStorage) and shared by 统计分析 and 工作台账, so
 * moving between them keeps the region and period: the menu's links carry no query, so a
 * filter in the address would be lost on every switch.
 * A region-bound user always gets their region; the default period is 本月.
 */
export function readFilter(boundRegion: string | null): Filter {
  const month = /^\d{4}-(0[1-9]|1[0-2])$/;
  let saved: Partial<Filter> = {};
  try {
    saved = JSON.parse(sessionStorage.getItem(KEY) ?? '{}') as Partial<Filter>;
  } catch {
    /* unreadable: start afresh */
  }
  const range = saved.range && month.test(saved.range.from) && month.test(saved.range.to) && saved.range.from <= saved.range.to ? saved.range : quickPeriod('month');
  return { region: boundRegion ?? saved.region ?? '', range, unit: saved.unit };
}

export function writeFilter(filter: Filter): void {
  sessionStorage.setItem(KEY, JSON.stringify(filter));
}
