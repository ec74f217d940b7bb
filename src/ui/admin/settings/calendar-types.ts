/** Shapes of /api/calendar answers (src/rest/calendar/schemas.ts). */
export type OverrideKind = 'holiday' | 'workday' | 'normal';

export interface CalendarStatus {
  region: string;
  timeZone: string;
  endOfDay: string;
  years: Array<{ year: number; source: 'override' | 'chinese-days'; holidays: number; workdays: number; dayOverrides: number }>;
  currentYear: number;
  missingCurrentYear: boolean;
  missingNextYear: boolean;
}

export interface YearSchedule {
  region: string;
  year: number;
  source: 'override' | 'chinese-days';
  holidays: string[];
  workdays: string[];
}

export interface DayOverride {
  date: string;
  kind: OverrideKind;
  note?: string;
}

export interface DayView {
  region: string;
  date: string;
  override: { kind: OverrideKind; note?: string } | null;
  effective: { working: boolean; kind: 'weekday' | 'weekend' | 'holiday' | 'makeUpWorkday'; decidedBy: 'regionDay' | 'override' | 'chinese-days' } | null;
}

export interface RegionSettings {
  region: string;
  timeZone: string;
  endOfDay: string;
}

export type DeadlineUnit = 'hours' | 'naturalDays' | 'workingDays';

export interface DeadlinePreview {
  region: string;
  timeZone: string;
  endOfDay: string;
  start: string;
  amount: number;
  unit: DeadlineUnit;
  spec: string;
  due: string;
}

export const OVERRIDE_KIND_NAMES: Record<OverrideKind, string> = {
  holiday: '放假（本地休息日）',
  workday: '调休上班',
  normal: '恢复正常（按周一至周五）',
};

export const EFFECTIVE_KIND_NAMES: Record<NonNullable<DayView['effective']>['kind'], string> = {
  weekday: '工作日',
  weekend: '周末休息',
  holiday: '放假',
  makeUpWorkday: '调休上班',
};

/** Which source decided a date (docs/calendar.md's precedence). */
export const DECIDED_BY_NAMES: Record<NonNullable<DayView['effective']>['decidedBy'], string> = {
  regionDay: '本地单日设置',
  override: '管理员载入的年度安排',
  'chinese-days': '国务院节假日安排（内置数据）',
};

export const SOURCE_NAMES: Record<YearSchedule['source'], string> = {
  'chinese-days': '内置数据（chinese-days）',
  override: '管理员载入',
};

export const calendarPath = (region: string, rest = '') => `/api/calendar/regions/${encodeURIComponent(region)}${rest}`;
