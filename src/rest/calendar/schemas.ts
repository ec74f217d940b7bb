import { Type, type Static } from '@sinclair/typebox';
import {
  CalendarStatusSchema,
  DayOverrideKindSchema,
  DeadlineUnitSchema,
  LocalDateSchema,
  RegionSettingsSchema,
  ScheduleSourceSchema,
} from '../../calendar/index.js';

/*
 * Route shapes of /api/calendar. Bodies reuse the calendar's own schemas; the body and
 * parameter checks happen in Fastify, so a 400 names the field before any handler runs.
 * No `additionalProperties: false` (see rest/camunda/plugin.ts): unknown keys are ignored.
 */

/** A region is a definition's tenant id ('default' for definitions without one). */
export const RegionSchema = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$',
  description: "the region: a definition's tenant id, or 'default' for definitions without one",
});

export const RegionParams = Type.Object({ region: RegionSchema });
export const DayParams = Type.Object({ region: RegionSchema, date: LocalDateSchema });
export const YearParams = Type.Object({ region: RegionSchema, year: Type.String({ pattern: '^\\d{4}$', description: 'e.g. 2027' }) });

export const StatusQuery = Type.Object({ region: Type.Optional(RegionSchema) });
export const StatusResponse = Type.Object({ regions: Type.Array(CalendarStatusSchema) });

export const DaysQuery = Type.Object({ year: Type.Optional(Type.String({ pattern: '^\\d{4}$' })) });

export const DayOverrideBody = Type.Object({
  kind: DayOverrideKindSchema,
  note: Type.Optional(Type.String({ maxLength: 200 })),
});

const DayOverrideView = Type.Object({ kind: DayOverrideKindSchema, note: Type.Optional(Type.String()) });
export const DayOverrideListResponse = Type.Object({
  region: Type.String(),
  days: Type.Array(Type.Object({ date: Type.String(), kind: DayOverrideKindSchema, note: Type.Optional(Type.String()) })),
});

export const DayResponse = Type.Object({
  region: Type.String(),
  date: Type.String(),
  override: Type.Union([DayOverrideView, Type.Null()], { description: "the region's single-day override, if any" }),
  effective: Type.Union(
    [
      Type.Object({
        working: Type.Boolean(),
        kind: Type.Union([Type.Literal('weekday'), Type.Literal('weekend'), Type.Literal('holiday'), Type.Literal('makeUpWorkday')]),
        decidedBy: Type.Union([Type.Literal('regionDay'), Type.Literal('override'), Type.Literal('chinese-days')]),
      }),
      Type.Null(),
    ],
    { description: "what the calendar makes of the date; null when the date's year has no schedule" },
  ),
});
export type DayResponseDto = Static<typeof DayResponse>;

export const YearScheduleBody = Type.Object({
  year: Type.Integer({ minimum: 1900, maximum: 9999 }),
  holidays: Type.Array(LocalDateSchema, { maxItems: 366, description: 'days off that would otherwise be working days' }),
  workdays: Type.Array(LocalDateSchema, { maxItems: 366, description: 'make-up working days on a Saturday or Sunday (调休)' }),
});

export const YearScheduleResponse = Type.Object({
  region: Type.String(),
  year: Type.Integer(),
  source: ScheduleSourceSchema,
  holidays: Type.Array(Type.String()),
  workdays: Type.Array(Type.String()),
});

export const SettingsPatchBody = Type.Partial(Type.Object(RegionSettingsSchema.properties));
export const SettingsBody = Type.Object(RegionSettingsSchema.properties);
export const SettingsResponse = Type.Object({ region: Type.String(), ...RegionSettingsSchema.properties });

export const DeadlineQuery = Type.Object({
  amount: Type.String({ pattern: '^\\d+(?:\\.\\d+)?$', description: 'hours may be fractional (1.5); days are whole' }),
  unit: DeadlineUnitSchema,
  start: Type.Optional(
    Type.String({ description: "ISO 8601 instant with an offset ('2026-09-30T10:00:00+08:00') or 'YYYY-MM-DD' (the region's midnight); default now" }),
  ),
});

export const DeadlineResponse = Type.Object({
  region: Type.String(),
  timeZone: Type.String(),
  endOfDay: Type.String(),
  start: Type.String(),
  amount: Type.Number(),
  unit: DeadlineUnitSchema,
  spec: Type.String({ description: "the compact form a diagram can write, e.g. '3wd'" }),
  due: Type.String({ description: "ISO 8601 with the region's offset, as the expression functions return it" }),
});
