/**
 * Statements of the database calendar store (pg-overrides.ts). Every edit first bumps the
 * region's `revision` (creating the row on first use): that row lock queues concurrent edits
 * of one region, and the new revision tells every process its cached calendar is stale.
 * A removal locks the row first too, and bumps it only when it removed something.
 */

/** $1 region, $2 now. Resolves the current settings so a patch can be merged into them. */
export const bumpRegion = `
  INSERT INTO calendar_region (region, revision, updated_at) VALUES ($1, 1, $2)
  ON CONFLICT (region) DO UPDATE SET revision = calendar_region.revision + 1, updated_at = excluded.updated_at
  RETURNING revision, time_zone, end_of_day`;

export const regionRevision = `SELECT revision FROM calendar_region WHERE region = $1`;

/** For removals: locks the region's row if there is one, without creating it. */
export const lockRegion = `SELECT revision FROM calendar_region WHERE region = $1 FOR UPDATE`;

export const listRegions = `SELECT region FROM calendar_region ORDER BY region`;

/** $1 region, $2 time zone, $3 end of day. */
export const updateSettings = `UPDATE calendar_region SET time_zone = $2, end_of_day = $3 WHERE region = $1`;

/** $1 region, $2 'YYYY-MM-DD', $3 kind, $4 note, $5 now. */
export const upsertDay = `
  INSERT INTO calendar_day_override (region, day, kind, note, updated_at) VALUES ($1, $2::date, $3, $4, $5)
  ON CONFLICT (region, day) DO UPDATE SET kind = excluded.kind, note = excluded.note, updated_at = excluded.updated_at`;

export const deleteDay = `DELETE FROM calendar_day_override WHERE region = $1 AND day = $2::date RETURNING kind`;

/** $1 region, $2 year, $3 now. */
export const upsertYear = `
  INSERT INTO calendar_year (region, year, loaded_at) VALUES ($1, $2, $3)
  ON CONFLICT (region, year) DO UPDATE SET loaded_at = excluded.loaded_at`;

export const deleteYearDays = `DELETE FROM calendar_year_day WHERE region = $1 AND year = $2`;

/** $1 region, $2 year, $3 holidays text[], $4 make-up working days text[]. */
export const insertYearDays = `
  INSERT INTO calendar_year_day (region, year, day, kind)
  SELECT $1::text, $2::integer, d::date, 'holiday' FROM unnest($3::text[]) AS d
  UNION ALL
  SELECT $1::text, $2::integer, d::date, 'workday' FROM unnest($4::text[]) AS d`;

export const deleteYear = `DELETE FROM calendar_year WHERE region = $1 AND year = $2 RETURNING year`;

/**
 * Everything one region has, in ONE statement so it reads one consistent state (an edit
 * committing in between cannot mix old days with new years), with the revision it belongs to.
 * Always one row; revision 0 and NULL settings for a region never edited.
 */
export const snapshot = `
  SELECT coalesce(r.revision, 0) AS revision, r.time_zone, r.end_of_day,
    coalesce((
      SELECT json_agg(json_build_object('date', to_char(d.day, 'YYYY-MM-DD'), 'kind', d.kind, 'note', d.note) ORDER BY d.day)
      FROM calendar_day_override d WHERE d.region = k.region
    ), '[]'::json) AS days,
    coalesce((
      SELECT json_agg(json_build_object(
        'year', y.year,
        'holidays', coalesce((SELECT json_agg(to_char(x.day, 'YYYY-MM-DD') ORDER BY x.day) FROM calendar_year_day x
                              WHERE x.region = y.region AND x.year = y.year AND x.kind = 'holiday'), '[]'::json),
        'workdays', coalesce((SELECT json_agg(to_char(x.day, 'YYYY-MM-DD') ORDER BY x.day) FROM calendar_year_day x
                              WHERE x.region = y.region AND x.year = y.year AND x.kind = 'workday'), '[]'::json)
      ) ORDER BY y.year)
      FROM calendar_year y WHERE y.region = k.region
    ), '[]'::json) AS years
  FROM (SELECT $1::text AS region) k
  LEFT JOIN calendar_region r ON r.region = k.region`;
