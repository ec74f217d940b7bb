import t from 'tap';
import { deriveProjection, maskName, maskPhone, type Projection, type ProjectionFacts } from '../../src/work-orders/index.js';

// The projection mapping on its own (projection-rules.ts), with facts shaped like the schemes'.
const at = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00+08:00`);
const now = at('12:00');
const previous: Projection = {
  status: 'dispatching', currentUnit: null, dueAt: null, extensionCount: 0, returnCount: 0, returnedAt: null, reminderCount: 0, remindedAt: null,
  supervisionCount: 0, supervisedAt: null, redoCount: 0, redoneAt: null, completedAt: null, callbackAt: null, satisfaction: null,
  handlingUnit: null, coUnits: [], dispatchedAt: null, urgency: null,
};
const activity = (activityId: string, open = false, count = 1, lastStart = at('09:00'), lastEnd: Date | null = open ? null : at('10:00')) => ({ activityId, count, lastStart, lastEnd, open });
const facts = (over: Partial<ProjectionFacts>): ProjectionFacts => ({ processKey: 'huojia', state: 'ACTIVE', endTime: null, tasks: [], activities: [], variables: {}, ...over });

t.test('紧急程度: the form\'s until dispatch decides it; a level outside the vocabulary is not taken', async (t) => {
  t.equal(deriveProjection(facts({}), { ...previous, urgency: 'general' }, now).urgency, 'general', 'the form\'s stays');
  t.equal(deriveProjection(facts({ variables: { urgency: 'extraUrgent' } }), { ...previous, urgency: 'general' }, now).urgency, 'extraUrgent', 'dispatch decides');
  t.equal(deriveProjection(facts({ variables: { urgency: 'someday' } }), { ...previous, urgency: 'urgent' }, now).urgency, 'urgent', 'an unknown level keeps the last known');
});

t.test('status and unit come from the main line; side steps only when nothing else waits', async (t) => {
  const waiting = facts({
    processKey: 'puyang',
    tasks: [
      { activityId: 'Emergency', candidateGroups: ['hotline-office'], due: null },
      { activityId: 'Handle', candidateGroups: ['water-bureau'], due: at('18:00') },
    ],
    activities: [activity('Dispatch'), activity('Emergency', true), activity('Handle', true)],
  });
  t.match(deriveProjection(waiting, previous, now), { status: 'handling', currentUnit: 'water-bureau', dueAt: at('18:00') });
  const sideOnly = facts({ tasks: [{ activityId: 'Accountability', candidateGroups: ['water-bureau'], due: null }], activities: [activity('Accountability', true)] });
  t.match(deriveProjection(sideOnly, { ...previous, status: 'callback' }, now), { status: 'handling', currentUnit: 'water-bureau' });
});

t.test('the most advanced stage wins; an unknown user task counts as handling; unmapped waits keep the status', async (t) => {
  const both = facts({
    tasks: [
      { activityId: 'PreReview', candidateGroups: ['hotline-office'], due: null },
      { activityId: 'SomethingNew', candidateGroups: ['roads'], due: null },
    ],
    activities: [activity('PreReview', true), activity('SomethingNew', true)],
  });
  t.match(deriveProjection(both, previous, now), { status: 'reviewing', currentUnit: 'hotline-office', completedAt: now });
  const unknown = facts({ tasks: [{ activityId: 'SomethingNew', candidateGroups: ['roads'], due: null }], activities: [activity('SomethingNew', true)] });
  t.match(deriveProjection(unknown, previous, now), { status: 'handling', currentUnit: 'roads' });
  const onlySms = facts({ activities: [activity('SmsDispatch', true)] });
  t.match(deriveProjection(onlySms, { ...previous, status: 'handling' }, now), { status: 'handling', currentUnit: null });
  const reported = facts({ activities: [activity('PreReview'), activity('ReportToCity', true)] });
  t.match(deriveProjection(reported, previous, now), { status: 'callback', currentUnit: null }, 'Huojia: the city platform calls back');
});

t.test('ledger facts: returns, reminders, supervision, redo, with their last time', async (t) => {
  const f = facts({
    tasks: [{ activityId: 'Handle', candidateGroups: ['water'], due: at('11:00') }],
    activities: [
      activity('ReviewReturn', false, 2, at('09:30')),
      activity('SmsPreOverdue', false, 1, at('10:00')),
      activity('SmsSupervise', false, 1, at('10:30')),
      activity('SmsCityRedo', false, 1, at('11:00')),
      activity('Handle', true),
    ],
    variables: { dueAt: '2026-11-26T18:00:00.000+08:00', extensionCount: 1 },
  });
  t.match(deriveProjection(f, previous, now), {
    returnCount: 2, returnedAt: at('09:30'),
    reminderCount: 1, remindedAt: at('10:00'),
    supervisionCount: 2, supervisedAt: at('11:00'),
    redoCount: 1, redoneAt: at('11:00'),
    extensionCount: 1,
    dueAt: new Date('2026-11-26T18:00:00+08:00'),
  }, 'the `dueAt` variable is the deadline, not the task due (Huojia: the pre-review time)');
});

t.test('the end: closed keeps the first completion time; terminated is cancelled; callbacks and satisfaction', async (t) => {
  const closed = facts({ processKey: 'xiangtan', state: 'COMPLETED', endTime: at('11:30'), activities: [activity('Check', false, 1, at('11:00'), at('11:30'))], variables: { callbackResult: 'unsatisfiedOther' } });
  t.match(deriveProjection(closed, { ...previous, status: 'callback', completedAt: at('10:00') }, now), {
    status: 'closed', currentUnit: null, completedAt: at('10:00'), callbackAt: at('11:30'), satisfaction: 'unsatisfied',
  });
  t.match(deriveProjection(facts({ state: 'COMPLETED', endTime: at('11:30') }), previous, now), { completedAt: at('11:30') }, 'closed without a handling step (forwarded)');
  t.match(deriveProjection(facts({ state: 'EXTERNALLY_TERMINATED' }), { ...previous, completedAt: at('10:00') }, now), { status: 'cancelled', completedAt: null });
  t.match(deriveProjection(facts({ variables: { satisfied: false } }), previous, now), { satisfaction: 'unsatisfied' }, 'Pingdingshan');
  t.match(deriveProjection(facts({ variables: { satisfaction: 'basicallySatisfied' } }), previous, now), { satisfaction: 'basicallySatisfied' }, 'Puyang');
  const open = facts({ activities: [activity('Callback', true)] });
  t.match(deriveProjection(open, previous, now), { callbackAt: null }, 'an open callback has not happened yet');
});

t.test('masking keeps what a callback script needs and nothing more', async (t) => {
  t.equal(maskName('张三'), '张*');
  t.equal(maskName('欧阳娜娜'), '欧***');
  t.equal(maskName('A'), '*');
  t.equal(maskPhone('13812345678'), '138****5678');
  t.equal(maskPhone('+86 138 1234 5678'), '+86 1** **** 5678');
  t.equal(maskPhone('12345'), '***45');
});
