/** The answers of /api/stats (src/stats, docs/statistics.md), as far as the dashboard reads them. */
export interface Figures {
  key: string | null;
  received: number;
  cancelled: number;
  completed: number;
  completedOnTime: number;
  overdue: number;
  overdueAverageSeconds: number | null;
  rated: number;
  satisfied: number;
  dispatchRate: number | null;
  completionRate: number | null;
  onTimeRate: number | null;
  satisfactionRate: number | null;
}

export interface FiguresAnswer {
  groupBy: 'none' | 'region' | 'unit' | 'month';
  groups: Figures[];
}

export interface RankingAnswer {
  month: string;
  units: Array<{ rank: number; unit: string; score: number; figures: Figures }>;
}

export interface HotTopicsAnswer {
  categories: Array<{ code: string; name: string; count: number }>;
  words: Array<{ word: string; orders: number }>;
}

/** Rates with two decimals of a percent: the API rounds them to four decimals, so nothing is lost. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(2)}%`;
}
