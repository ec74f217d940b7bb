import t from 'tap';
import { judgeUnits, rankUnits, score, wordsOf, mondayOf, toFigures } from '../../src/stats/index.js';

// Pure rules of docs/statistics.md, on hand-made inputs.
const v = (unit: string, pattern: string) => [...pattern].map((c, i) => ({ unit, number: `${unit}-${i + 1}`, dueAt: new Date(i * 1000), overdue: c === 'x' }));

t.test('获嘉: 3 consecutive or 5 cumulative overdue orders flag a unit', async (t) => {
  const [a, b, c, d] = judgeUnits([...v('a', 'xx.xx.x.x'), ...v('b', '.xxx.'), ...v('c', 'xx.xx.'), ...v('d', 'xxxxx')]);
  t.match(a, { overdue: 6, longestRun: 2, flagged: true, reasons: ['cumulative'] }, 'five in all, never three in a row');
  t.match(b, { overdue: 3, longestRun: 3, currentRun: 0, flagged: true, reasons: ['consecutive'] });
  t.match(c, { overdue: 4, longestRun: 2, flagged: false, reasons: [] });
  t.match(d, { longestRun: 5, currentRun: 5, reasons: ['consecutive', 'cumulative'] });
});

t.test('ranking score: weights rescaled when a rate has no denominator', async (t) => {
  const f = (key: string, over: Record<string, number>) => toFigures({ key, received: 10, cancelled: 0, ...over });
  t.equal(score(f('a', { completed: 10, completed_on_time: 10, rated: 10, satisfied: 10 })), 100);
  t.equal(score(f('b', { completed: 8, completed_on_time: 4, rated: 0 })), 56, 'no callbacks: (0.4 × 30 + 0.8 × 20) / 50');
  const ranked = rankUnits([f('b', { completed: 8, completed_on_time: 4 }), f('a', { completed: 10, completed_on_time: 10, rated: 1, satisfied: 1 }), toFigures({ key: '', received: 3 })]);
  t.same(ranked.map((r) => [r.rank, r.unit]), [[1, 'a'], [2, 'b']], 'orders of no unit are not ranked');
});

t.test('words: ICU segmentation, two characters at least, stop words out', async (t) => {
  t.same(wordsOf('群众反映小区门口下水道堵塞，污水漫到路面，希望尽快解决。'), ['小区', '门口', '下水道', '堵塞', '污水', '路面']);
  t.same(wordsOf('2026年11月 路灯路灯'), ['路灯'], 'numbers out, each word once');
});

t.test('the week of a day starts on Monday', async (t) => {
  t.equal(mondayOf('2026-11-22'), '2026-11-16', 'Sunday');
  t.equal(mondayOf('2026-11-16'), '2026-11-16');
  t.equal(mondayOf('2026-11-18'), '2026-11-16');
});
