import type { Figures } from './figures.js';

/**
 * 月排名 of units (seed 000: “周报告、月排名、季通报”; “把办结率和群众满意率等作为评价指标”;
 * seed 002: “以群众满意度为核心的考核体系，全方位评价承办单位服务态度、工作效率、答复质量”).
 * Score out of 100: satisfaction carries half (the core, seed 002), on-time completion 30
 * (efficiency), completion 20 (seed 000's second indicator). A component without a denominator
 * (nothing called back yet) is left out and the other weights are scaled up, so a unit is not
 * punished for the office's missing callbacks.
 */
export const RANKING_WEIGHTS = { satisfactionRate: 50, onTimeRate: 30, completionRate: 20 } as const;

export interface RankedUnit {
  rank: number;
  unit: string;
  score: number;
  figures: Figures;
}

/** Highest score first; equal scores share a rank (1, 2, 2, 4); ties listed by more orders, then unit id. */
export function rankUnits(units: readonly Figures[]): RankedUnit[] {
  const scored = units
    .filter((f): f is Figures & { key: string } => f.key !== null && f.received - f.cancelled > 0)
    .map((f) => ({ unit: f.key, score: score(f), figures: f }))
    .sort((a, b) => b.score - a.score || b.figures.received - a.figures.received || a.unit.localeCompare(b.unit));
  return scored.map((s, i) => ({ ...s, rank: scored.findIndex((o) => o.score === s.score) + 1 }));
}

export function score(f: Figures): number {
  let total = 0;
  let weights = 0;
  for (const [name, weight] of Object.entries(RANKING_WEIGHTS) as Array<[keyof typeof RANKING_WEIGHTS, number]>) {
    const value = f[name];
    if (value === null) continue;
    total += value * weight;
    weights += weight;
  }
  return weights ? Math.round((total / weights) * 100 * 100) / 100 : 0;
}
