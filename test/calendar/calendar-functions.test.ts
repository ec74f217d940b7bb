import t from 'tap';
import { Environment } from 'bpmn-elements';
import { TestClock } from '../../src/clock/index.js';
import {
  BusinessCalendar,
  chineseDaysHolidaySource,
  createCalendarFunctions,
  InMemoryCalendarOverrides,
} from '../../src/calendar/index.js';

const overrides = new InMemoryCalendarOverrides();
const calendar = new BusinessCalendar(chineseDaysHolidaySource(), await overrides.snapshot('puyang'));
const clock = new TestClock(new Date('2026-09-30T10:00:00+08:00'));
const fns = createCalendarFunctions(calendar, clock);

t.test('each function returns an ISO string with the region offset', async (t) => {
  t.equal(fns.addWorkingDays(3), '2026-10-10T18:00:00.000+08:00');
  t.equal(fns.addNaturalDays(3), '2026-10-03T18:00:00.000+08:00');
  t.equal(fns.addHours(24), '2026-10-01T10:00:00.000+08:00');
  t.equal(fns.deadline('3 workingDays'), '2026-10-10T18:00:00.000+08:00');
  t.equal(fns.deadline('5wd'), '2026-10-13T18:00:00.000+08:00');
  t.equal(fns.deadline('24h'), '2026-10-01T10:00:00.000+08:00');
  t.equal(fns.deadline({ amount: 1, unit: 'workingDays' }), '2026-10-08T18:00:00.000+08:00');
  t.equal(fns.addWorkingDays('3'), '2026-10-10T18:00:00.000+08:00', 'numeric strings from forms');
});

t.test('they follow the injected clock, never the wall clock', async (t) => {
  const moving = new TestClock(new Date('2026-03-12T10:00:00+08:00'));
  const own = createCalendarFunctions(calendar, moving);
  t.equal(own.deadline('5wd'), '2026-03-19T18:00:00.000+08:00');
  moving.set(new Date('2026-03-13T10:00:00+08:00'));
  t.equal(own.deadline('5wd'), '2026-03-20T18:00:00.000+08:00');
});

t.test('an explicit start', async (t) => {
  t.equal(fns.deadline('5wd', '2026-03-12T10:00:00+08:00'), '2026-03-19T18:00:00.000+08:00');
  t.equal(fns.deadline('5wd', '2026-03-12T02:00:00Z'), '2026-03-19T18:00:00.000+08:00');
  t.equal(fns.deadline('5wd', new Date('2026-03-12T10:00:00+08:00')), '2026-03-19T18:00:00.000+08:00');
  t.equal(fns.deadline('5wd', Date.parse('2026-03-12T10:00:00+08:00')), '2026-03-19T18:00:00.000+08:00');
  t.equal(fns.deadline('24h', '2026-03-12'), '2026-03-13T00:00:00.000+08:00', "a bare date is the region's midnight");
  t.equal(fns.addWorkingDays(5, '2026-03-12T10:00+08:00'), '2026-03-19T18:00:00.000+08:00');
});

t.test('a missing or ambiguous start is an error, not "now"', async (t) => {
  t.throws(() => fns.deadline('5wd', undefined), { name: 'InvalidCalendarDateError' });
  t.throws(() => fns.deadline('5wd', null), { name: 'InvalidCalendarDateError' });
  t.throws(() => fns.deadline('5wd', '2026-03-12T10:00:00'), { name: 'InvalidCalendarDateError', message: /offset/ });
  t.throws(() => fns.deadline('5wd', 'yesterday'), { name: 'InvalidCalendarDateError' });
  t.throws(() => fns.deadline('5wd', new Date(Number.NaN)), { name: 'InvalidCalendarDateError' });
  t.throws(() => fns.addWorkingDays({ environment: {} }), { name: 'InvalidDeadlineSpecError' }, 'bpmn-elements passes the context to fn()');
  t.throws(() => fns.addWorkingDays(0), { name: 'InvalidDeadlineSpecError' });
  t.throws(() => fns.deadline('P3D'), { name: 'InvalidDeadlineSpecError' });
});

t.test('they do not depend on `this`', async (t) => {
  const detached = fns.deadline;
  t.equal(detached.apply({ variables: { urgency: 'urgent' } }, ['3wd']), '2026-10-10T18:00:00.000+08:00');
  t.equal(fns.addHours.call(undefined, 2), '2026-09-30T12:00:00.000+08:00');
});

t.test('through a bpmn-elements expression', async (t) => {
  const environment = new Environment({
    services: fns,
    variables: { receivedAt: '2026-03-12T10:00:00+08:00', deadlineSpec: '5wd' },
  });
  const resolve = (expression: string) => environment.resolveExpression(expression);
  t.equal(resolve("${environment.services.deadline('3 workingDays')}"), '2026-10-10T18:00:00.000+08:00');
  t.equal(resolve("${environment.services.deadline('5个工作日')}"), '2026-10-13T18:00:00.000+08:00');
  t.equal(resolve('${environment.services.addWorkingDays(3)}'), '2026-10-10T18:00:00.000+08:00');
  t.equal(
    resolve('${environment.services.deadline(environment.variables.deadlineSpec, environment.variables.receivedAt)}'),
    '2026-03-19T18:00:00.000+08:00',
  );
  t.equal(
    resolve('${environment.services.addWorkingDays(5, environment.variables.receivedAt)}'),
    '2026-03-19T18:00:00.000+08:00',
  );
});
