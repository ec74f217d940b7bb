import { Type, type Static } from '@sinclair/typebox';

/*
 * Shapes that cross a boundary: the HTTP API for administrators, the database store's rows,
 * deadline specs written in diagrams. In-memory shapes with Sets and Maps are in types.ts.
 */

export const LocalDateSchema = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: "a civil date in the region's time zone, 'YYYY-MM-DD'",
});
export type LocalDate = Static<typeof LocalDateSchema>;

export const DeadlineUnitSchema = Type.Union([
  Type.Literal('hours'),
  Type.Literal('naturalDays'),
  Type.Literal('workingDays'),
]);
export type DeadlineUnit = Static<typeof DeadlineUnitSchema>;

export const DeadlineSpecSchema = Type.Object(
  {
    amount: Type.Number({ exclusiveMinimum: 0 }),
    unit: DeadlineUnitSchema,
  },
  { additionalProperties: false },
);
export type DeadlineSpec = Static<typeof DeadlineSpecSchema>;

export const RegionSettingsSchema = Type.Object(
  {
    timeZone: Type.String({ minLength: 1, description: "IANA time zone, e.g. 'Asia/Shanghai'" }),
    endOfDay: Type.String({
      pattern: '^(?:(?:[01]\\d|2[0-3]):[0-5]\\d|24:00)$',
      description: "local time at which a deadline day ends, 'HH:MM' (24:00 = midnight at its end)",
    }),
  },
  { additionalProperties: false },
);
export type RegionSettings = Static<typeof RegionSettingsSchema>;

export const RegionSettingsPatchSchema = Type.Partial(RegionSettingsSchema);
export type RegionSettingsPatch = Static<typeof RegionSettingsPatchSchema>;

/**
 * holiday: a day off even if Monday–Friday; workday: a working day even if Saturday/Sunday
 * (a make-up day, 调休上班); normal: back to the plain Monday–Friday rule, cancelling whatever
 * the national or loaded schedule says for that date.
 */
export const DayOverrideKindSchema = Type.Union([
  Type.Literal('holiday'),
  Type.Literal('workday'),
  Type.Literal('normal'),
]);
export type DayOverrideKind = Static<typeof DayOverrideKindSchema>;

export const DayOverrideSchema = Type.Object(
  {
    date: LocalDateSchema,
    kind: DayOverrideKindSchema,
    note: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type DayOverride = Static<typeof DayOverrideSchema>;

/** A whole year's schedule as an administrator loads it (from the State Council's notice). */
export const YearScheduleInputSchema = Type.Object(
  {
    year: Type.Integer({ minimum: 1900, maximum: 9999 }),
    holidays: Type.Array(LocalDateSchema, { description: 'days off that would otherwise be working days' }),
    workdays: Type.Array(LocalDateSchema, { description: 'make-up working days on a Saturday or Sunday (调休)' }),
  },
  { additionalProperties: false },
);
export type YearScheduleInput = Static<typeof YearScheduleInputSchema>;

export const ScheduleSourceSchema = Type.Union([Type.Literal('chinese-days'), Type.Literal('override')]);
export type ScheduleSource = Static<typeof ScheduleSourceSchema>;

/** Body of GET /api/calendar/status for one region. */
export const CalendarStatusSchema = Type.Object({
  region: Type.String(),
  timeZone: Type.String(),
  endOfDay: Type.String(),
  years: Type.Array(
    Type.Object({
      year: Type.Integer(),
      source: ScheduleSourceSchema,
      holidays: Type.Integer({ description: 'number of holiday dates in the schedule' }),
      workdays: Type.Integer({ description: 'number of make-up working days in the schedule' }),
      dayOverrides: Type.Integer({ description: "number of this region's single-day overrides in the year" }),
    }),
  ),
  currentYear: Type.Integer({ description: "the year of 'now' in the region's time zone" }),
  missingCurrentYear: Type.Boolean(),
  missingNextYear: Type.Boolean(),
});
export type CalendarStatus = Static<typeof CalendarStatusSchema>;
