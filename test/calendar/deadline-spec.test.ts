import t from 'tap';
import { formatDeadlineSpec, InvalidDeadlineSpecError, parseDeadlineSpec } from '../../src/calendar/index.js';

t.test('compact, long and Chinese notations', async (t) => {
  const cases: Record<string, [number, string]> = {
    '5wd': [5, 'workingDays'],
    '5 wd': [5, 'workingDays'],
    '3 workingDays': [3, 'workingDays'],
    '3 WorkingDays': [3, 'workingDays'],
    '10 workdays': [10, 'workingDays'],
    '5个工作日': [5, 'workingDays'],
    '5工作日': [5, 'workingDays'],
    '24h': [24, 'hours'],
    '1 hour': [1, 'hours'],
    '1.5h': [1.5, 'hours'],
    '24小时': [24, 'hours'],
    '24个小时': [24, 'hours'],
    'PT24H': [24, 'hours'],
    'PT1H30M': [1.5, 'hours'],
    'PT90M': [1.5, 'hours'],
    '3d': [3, 'naturalDays'],
    '3 days': [3, 'naturalDays'],
    '3 naturalDays': [3, 'naturalDays'],
    '3个自然日': [3, 'naturalDays'],
    '3天': [3, 'naturalDays'],
    ' 3d ': [3, 'naturalDays'],
  };
  for (const [spec, [amount, unit]] of Object.entries(cases)) t.same(parseDeadlineSpec(spec), { amount, unit }, spec);
  t.same(parseDeadlineSpec({ amount: 5, unit: 'workingDays' }), { amount: 5, unit: 'workingDays' });
  t.same(parseDeadlineSpec({ amount: '5', unit: 'workingDays' }), { amount: 5, unit: 'workingDays' }, 'a numeric string from a form');
});

t.test('round trip through the compact form', async (t) => {
  t.equal(formatDeadlineSpec({ amount: 5, unit: 'workingDays' }), '5wd');
  t.equal(formatDeadlineSpec({ amount: 24, unit: 'hours' }), '24h');
  t.equal(formatDeadlineSpec({ amount: 3, unit: 'naturalDays' }), '3d');
  for (const spec of ['5wd', '24h', '3d', '1.5h']) t.equal(formatDeadlineSpec(parseDeadlineSpec(spec)), spec);
});

t.test('refused specs say why', async (t) => {
  const refused: unknown[] = [
    '',
    'wd',
    '5',
    '5 weeks',
    '-1d',
    '0wd',
    '0h',
    '1.5wd',
    '1.5d',
    '99999d',
    'PT',
    'P3D',
    'P1DT2H',
    'P1W',
    '5个',
    null,
    undefined,
    42,
    { amount: 5 },
    { amount: 5, unit: 'weeks' },
    { amount: 'five', unit: 'hours' },
    { amount: Number.POSITIVE_INFINITY, unit: 'hours' },
  ];
  for (const spec of refused) {
    const error = t.throws(() => parseDeadlineSpec(spec), InvalidDeadlineSpecError, JSON.stringify(spec) ?? String(spec));
    t.equal((error as InvalidDeadlineSpecError).spec, spec);
  }
  t.throws(() => parseDeadlineSpec('P3D'), { message: /'3d'.*'72h'/ });
});
