import { InvalidRegionSettingsError } from './errors.js';
import type { RegionSettings, RegionSettingsPatch } from './schemas.js';
import { assertTimeZone } from './time-zone.js';

/**
 * 18:00 rather than 17:30: the county offices in the seeds (Henan, Hunan) close at 17:30 in
 * winter and 18:00 in summer. Taking the later hour means no unit is ever marked overdue while
 * its office is still open; a region that wants 17:30 (or 24:00) sets it.
 */
export const DEFAULT_END_OF_DAY = '18:00';
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export const DEFAULT_REGION_SETTINGS: Readonly<RegionSettings> = Object.freeze({
  timeZone: DEFAULT_TIME_ZONE,
  endOfDay: DEFAULT_END_OF_DAY,
});

const HH_MM = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;

/** Applies a patch to settings (the defaults when none are stored yet) and validates the result. */
export function resolveRegionSettings(
  patch: RegionSettingsPatch = {},
  base: RegionSettings = DEFAULT_REGION_SETTINGS,
): RegionSettings {
  const settings: RegionSettings = {
    timeZone: patch.timeZone ?? base.timeZone,
    endOfDay: patch.endOfDay ?? base.endOfDay,
  };
  if (typeof settings.timeZone !== 'string' || settings.timeZone.trim() === '') {
    throw new InvalidRegionSettingsError('timeZone', settings.timeZone, 'must be an IANA time zone name');
  }
  assertTimeZone(settings.timeZone);
  endOfDayMinutes(settings.endOfDay);
  return settings;
}

/** 'HH:MM' → minutes after local midnight; '24:00' → 1440. */
export function endOfDayMinutes(endOfDay: string): number {
  const match = typeof endOfDay === 'string' ? HH_MM.exec(endOfDay) : null;
  if (!match) throw new InvalidRegionSettingsError('endOfDay', endOfDay, "expected 'HH:MM' between 00:00 and 24:00");
  const hours = Number(match[1] ?? match[3]);
  const minutes = Number(match[2] ?? match[4]);
  return hours * 60 + minutes;
}
