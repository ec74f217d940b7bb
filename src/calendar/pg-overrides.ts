import type { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '../clock/index.js';
import type { CalendarOverrides, RegionOverridesSnapshot, SqlRunner } from './calendar-overrides.js';
import { InvalidCalendarDateError } from './errors.js';
import { parseLocalDate } from './local-date.js';
import { DEFAULT_REGION_SETTINGS, resolveRegionSettings } from './region-settings.js';
import type { DayOverride, DayOverrideKind, LocalDate, RegionSettings, RegionSettingsPatch, YearScheduleInput } from './schemas.js';
import { yearScheduleFromInput, type YearSchedule } from './year-schedule.js';
import * as sql from './sql/overrides.js';

export interface PgCalendarOverridesOptions {
  dataSource: DataSource;
  clock: Clock;
}

interface SnapshotRow {
  revision: string | number;
  time_zone: string | null;
  end_of_day: string | null;
  days: Array<{ date: LocalDate; kind: DayOverrideKind; note: string | null }>;
  years: Array<{ year: number; holidays: LocalDate[]; workdays: LocalDate[] }>;
}

const DAY_KINDS = new Set(['holiday', 'workday', 'normal']);

/**
 * The calendar overrides in PostgreSQL (or the embedded PGlite): the store used in
 * production. It validates with the same helpers as InMemoryCalendarOverrides and so throws
 * the same error classes; each edit is one transaction that also bumps the region's revision.
 */
export class PgCalendarOverrides implements CalendarOverrides {
  readonly #dataSource: DataSource;
  readonly #clock: Clock;

  constructor(options: PgCalendarOverridesOptions) {
    this.#dataSource = options.dataSource;
    this.#clock = options.clock;
  }

  async snapshot(region: string, db: SqlRunner = this.#dataSource): Promise<RegionOverridesSnapshot> {
    // The statement always yields exactly one row, also for a region never edited.
    const row = ((await db.query(sql.snapshot, [region])) as SnapshotRow[])[0]!;
    const days = new Map<LocalDate, DayOverride>();
    for (const d of row.days) days.set(d.date, d.note === null ? { date: d.date, kind: d.kind } : { date: d.date, kind: d.kind, note: d.note });
    const years = new Map<number, YearSchedule>();
    for (const y of row.years) {
      years.set(y.year, { year: y.year, holidays: new Set(y.holidays), workdays: new Set(y.workdays), source: 'override' });
    }
    const settings = resolveRegionSettings({
      ...(row.time_zone !== null && { timeZone: row.time_zone }),
      ...(row.end_of_day !== null && { endOfDay: row.end_of_day }),
    });
    return { region, settings, days, years, revision: Number(row.revision) };
  }

  async revision(region: string, db: SqlRunner = this.#dataSource): Promise<number> {
    const [row] = (await db.query(sql.regionRevision, [region])) as Array<{ revision: string | number }>;
    return row ? Number(row.revision) : 0;
  }

  async regions(): Promise<string[]> {
    return ((await this.#dataSource.query(sql.listRegions)) as Array<{ region: string }>).map((r) => r.region);
  }

  async setDay(region: string, override: DayOverride): Promise<void> {
    const date = parseLocalDate(override.date);
    if (!DAY_KINDS.has(override.kind)) {
      throw new InvalidCalendarDateError(override, "kind must be 'holiday', 'workday' or 'normal'");
    }
    await this.#edit(region, async (tx, now) => {
      await tx.query(sql.upsertDay, [region, date, override.kind, override.note ?? null, now]);
    });
  }

  async clearDay(region: string, date: LocalDate): Promise<boolean> {
    const day = parseLocalDate(date);
    return this.#remove(region, async (tx) => rowsOf(await tx.query(sql.deleteDay, [region, day])).length > 0);
  }

  async loadYear(region: string, input: YearScheduleInput): Promise<YearSchedule> {
    const schedule = yearScheduleFromInput(input);
    await this.#edit(region, async (tx, now) => {
      await tx.query(sql.upsertYear, [region, schedule.year, now]);
      await tx.query(sql.deleteYearDays, [region, schedule.year]);
      await tx.query(sql.insertYearDays, [region, schedule.year, [...schedule.holidays].sort(), [...schedule.workdays].sort()]);
    });
    return schedule;
  }

  async deleteYear(region: string, year: number): Promise<boolean> {
    return this.#remove(region, async (tx) => rowsOf(await tx.query(sql.deleteYear, [region, year])).length > 0);
  }

  async updateSettings(region: string, patch: RegionSettingsPatch): Promise<RegionSettings> {
    // Checked before the transaction too, so a bad patch never even bumps the revision.
    resolveRegionSettings(patch);
    return this.#edit(region, async (tx, _now, current) => {
      const settings = resolveRegionSettings(patch, current);
      await tx.query(sql.updateSettings, [region, settings.timeZone, settings.endOfDay]);
      return settings;
    });
  }

  /** One edit: bump the region's revision (locking its row), then `work`, in one transaction. */
  async #edit<T>(region: string, work: (tx: EntityManager, now: Date, settings: RegionSettings) => Promise<T>): Promise<T> {
    const now = this.#clock.now();
    return this.#dataSource.transaction(async (tx) => {
      const [row] = rowsOf(await tx.query(sql.bumpRegion, [region, now])) as Array<{ time_zone: string | null; end_of_day: string | null }>;
      const settings: RegionSettings = {
        timeZone: row?.time_zone ?? DEFAULT_REGION_SETTINGS.timeZone,
        endOfDay: row?.end_of_day ?? DEFAULT_REGION_SETTINGS.endOfDay,
      };
      return work(tx, now, settings);
    });
  }

  /**
   * One removal: lock the region's row (a region never edited has nothing to remove), `work`,
   * and bump the revision only if something went, like the in-memory store.
   */
  async #remove(region: string, work: (tx: EntityManager) => Promise<boolean>): Promise<boolean> {
    const now = this.#clock.now();
    return this.#dataSource.transaction(async (tx) => {
      if (rowsOf(await tx.query(sql.lockRegion, [region])).length === 0) return false;
      const removed = await work(tx);
      if (removed) await tx.query(sql.bumpRegion, [region, now]);
      return removed;
    });
  }
}

/** TypeORM answers UPDATE/DELETE … RETURNING with [rows, count], other statements with rows. */
function rowsOf(result: unknown): unknown[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0];
  return Array.isArray(result) ? result : [];
}
