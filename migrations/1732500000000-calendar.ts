import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The business calendar's per-region data (docs/calendar.md): what administrators change on
 * top of the national schedule shipped in chinese-days.
 *
 * - `calendar_region`: one row per region that has ever been edited. Its settings columns are
 *   NULL until set (the defaults apply), and `revision` goes up with every edit of the region,
 *   so a process can tell with one primary-key read whether its cached calendar is stale.
 * - `calendar_day_override`: single-day overrides (holiday, make-up working day, or back to
 *   normal), one per region and date.
 * - `calendar_year` + `calendar_year_day`: whole years loaded by administrators; a loaded year
 *   replaces chinese-days for that region and year.
 *
 * Dates are `date` so the database refuses 2026-02-30; the store reads them back with
 * to_char, never through the driver's Date parsing (which would apply the server's zone).
 */
export class Calendar1732500000000 implements MigrationInterface {
  name = 'Calendar1732500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_region (
        region text PRIMARY KEY,
        time_zone text,
        end_of_day text,
        revision bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE calendar_day_override (
        region text NOT NULL REFERENCES calendar_region(region) ON DELETE CASCADE,
        day date NOT NULL,
        kind text NOT NULL CHECK (kind IN ('holiday', 'workday', 'normal')),
        note text,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (region, day)
      )`);
    await q.query(`
      CREATE TABLE calendar_year (
        region text NOT NULL REFERENCES calendar_region(region) ON DELETE CASCADE,
        year integer NOT NULL,
        loaded_at timestamptz NOT NULL,
        PRIMARY KEY (region, year)
      )`);
    await q.query(`
      CREATE TABLE calendar_year_day (
        region text NOT NULL,
        year integer NOT NULL,
        day date NOT NULL,
        kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
        PRIMARY KEY (region, day),
        FOREIGN KEY (region, year) REFERENCES calendar_year(region, year) ON DELETE CASCADE,
        CHECK (extract(year FROM day) = year)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_year_day`);
    await q.query(`DROP TABLE calendar_year`);
    await q.query(`DROP TABLE calendar_day_override`);
    await q.query(`DROP TABLE calendar_region`);
  }
}
