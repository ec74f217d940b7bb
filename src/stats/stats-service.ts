import type { DataSource } from 'typeorm';
import type { Clock } from '../clock/index.js';
import type { Queryable } from '../engine/index.js';
import { orderConditions, type OrderFilter } from '../ledger/index.js';
import { CATEGORIES, CHANNELS, nameOf } from '../work-orders/index.js';
import { judgeUnits, type UnitAccountability } from './accountability.js';
import { DISPATCH_LIMIT_HOURS, toFigures, type Figures } from './figures.js';
import { rankUnits, type RankedUnit } from './ranking.js';
import { wordsOf } from './words.js';
import * as sql from './sql/figures.js';

export interface Count {
  code: string;
  name: string;
  count: number;
}

export interface HotTopics {
  /** Orders per category, most first. */
  categories: Count[];
  /** Words by the number of orders whose request contains them, most first. */
  words: Array<{ word: string; orders: number }>;
}

/** Requests read per page for the word counts (one page in memory at a time). */
const CONTENT_PAGE = 2000;

/** Every figure of docs/statistics.md, over the orders of a filter (region, unit, period of request). */
export class StatsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Figures per group; one REPEATABLE READ snapshot. */
  async figures(filter: OrderFilter, groupBy: sql.GroupBy, tx?: Queryable): Promise<Figures[]> {
    if (!tx) return this.dataSource.transaction('REPEATABLE READ', (own) => this.figures(filter, groupBy, own));
    const f = orderConditions(filter);
    const query = sql
      .figures(sql.GROUP_KEYS[groupBy], f.clause)
      .replaceAll('{now}', f.param(this.clock.now()))
      .replace('{dispatchHours}', f.param(DISPATCH_LIMIT_HOURS));
    const rows = (await tx.query(query, f.params)) as Array<Record<string, unknown>>;
    return rows.map(toFigures);
  }

  async ranking(filter: OrderFilter, tx?: Queryable): Promise<RankedUnit[]> {
    return rankUnits(await this.figures({ ...filter, unit: undefined }, 'unit', tx));
  }

  async countBy(filter: OrderFilter, what: 'channel' | 'category', tx?: Queryable): Promise<Count[]> {
    if (!tx) return this.dataSource.transaction('REPEATABLE READ', (own) => this.countBy(filter, what, own));
    const f = orderConditions(filter);
    const rows = (await tx.query(sql.countBy(`w.${what}`, f.clause), f.params)) as Array<{ code: string; count: number }>;
    const terms = what === 'channel' ? CHANNELS : CATEGORIES;
    return rows.map((r) => ({ code: r.code, name: nameOf(terms, r.code) ?? r.code, count: Number(r.count) }));
  }

  /**
   * Categories, and words by document frequency (an order that says 噪音 five times counts
   * once). Texts are read in keyset pages, each in its own short transaction, so a year of
   * orders neither sits in memory nor holds embedded PGlite's one connection.
   */
  async hotTopics(filter: OrderFilter, limit: number): Promise<HotTopics> {
    const categories = await this.countBy(filter, 'category');
    const counts = new Map<string, number>();
    let after: { key: string; id: string } | null = null;
    for (;;) {
      const f = orderConditions(filter);
      const afterKey: string | null = after ? `${f.param(after.key)}::timestamptz, ${f.param(after.id)}` : null;
      const query = sql.contents(f.clause, afterKey, f.param(CONTENT_PAGE));
      const rows = (await this.dataSource.transaction((tx) => tx.query(query, f.params))) as Array<{ id: string; requested_key: string; content: string }>;
      for (const r of rows) for (const w of wordsOf(r.content)) counts.set(w, (counts.get(w) ?? 0) + 1);
      if (rows.length < CONTENT_PAGE) break;
      after = { key: rows.at(-1)!.requested_key, id: rows.at(-1)!.id };
    }
    const words = [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh'))
      .slice(0, limit)
      .map(([word, orders]) => ({ word, orders }));
    return { categories, words };
  }

  /** 获嘉's rule per unit (accountability.ts); flagged units first. */
  async accountability(filter: OrderFilter, tx?: Queryable): Promise<UnitAccountability[]> {
    if (!tx) return this.dataSource.transaction('REPEATABLE READ', (own) => this.accountability(filter, own));
    const f = orderConditions({ ...filter, unit: undefined });
    const query = sql.verdicts(f.clause).replaceAll('{now}', f.param(this.clock.now()));
    const rows = (await tx.query(query, f.params)) as Array<{ unit: string; number: string; due_at: Date | string; overdue: boolean }>;
    const units = judgeUnits(rows.map((r) => ({ unit: r.unit === '' ? null : r.unit, number: r.number, dueAt: new Date(r.due_at), overdue: r.overdue === true })));
    const wanted = filter.unit === undefined ? units : units.filter((u) => u.unit === filter.unit);
    return wanted.sort((a, b) => Number(b.flagged) - Number(a.flagged) || b.overdue - a.overdue || String(a.unit).localeCompare(String(b.unit)));
  }

  now(): Date {
    return this.clock.now();
  }
}
