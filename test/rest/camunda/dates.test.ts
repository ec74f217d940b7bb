import t from 'tap';
import { formatCamundaDate, InvalidRequestError, parseCamundaDate, tryParseCamundaDate } from '../../../src/rest/camunda/index.js';

t.test('formatCamundaDate: yyyy-MM-dd\'T\'HH:mm:ss.SSSZ, offset without colon', async (t) => {
  const d = new Date('2026-11-23T02:00:00.000Z');
  t.equal(formatCamundaDate(d), '2026-11-23T10:00:00.000+0800');
  t.equal(formatCamundaDate(new Date('2026-11-23T15:59:59.999Z')), '2026-11-23T23:59:59.999+0800');
  t.equal(formatCamundaDate(new Date('2026-11-23T16:00:00.007Z')), '2026-11-24T00:00:00.007+0800', 'midnight is 00, not 24');
  t.equal(formatCamundaDate(d, 'UTC'), '2026-11-23T02:00:00.000+0000');
  t.equal(formatCamundaDate(d, 'Asia/Kolkata'), '2026-11-23T07:30:00.000+0530');
  t.equal(formatCamundaDate(d, 'America/New_York'), '2026-11-22T21:00:00.000-0500');
  t.equal(formatCamundaDate(new Date('2026-07-01T12:00:00Z'), 'America/New_York'), '2026-07-01T08:00:00.000-0400', 'DST from Intl');
  t.equal(formatCamundaDate(new Date('1969-12-31T23:59:59.500Z'), 'UTC'), '1969-12-31T23:59:59.500+0000');
  t.throws(() => formatCamundaDate(new Date(NaN)), RangeError);
});

t.test('parseCamundaDate accepts Camunda, ISO and URL-decoded forms', async (t) => {
  const expected = '2026-11-23T02:00:00.000Z';
  for (const s of [
    '2026-11-23T10:00:00.000+0800',
    '2026-11-23T10:00:00.000+08:00',
    '2026-11-23T10:00:00+0800',
    '2026-11-23T02:00:00.000Z',
    '2026-11-23T02:00:00Z',
    '2026-11-23T02:00Z',
    '2026-11-23T02:00:00.000+0000', // the worker client's Date form
    '2026-11-23T10:00:00.000 0800', // `+` decoded to a space in a query string
    '2026-11-23T10:00:00.000 08:00',
    '2026-11-22T21:00:00.000-0500',
    '2026-11-23T02:00:00.000123Z',
  ]) {
    t.equal(parseCamundaDate(s).toISOString(), expected, s);
  }
  t.equal(parseCamundaDate('2026-11-23T10:00:00.5+0800').toISOString(), '2026-11-23T02:00:00.500Z');
  t.equal(parseCamundaDate(formatCamundaDate(new Date('2030-01-01T00:00:00.123Z'))).toISOString(), '2030-01-01T00:00:00.123Z');
});

t.test('parseCamundaDate rejects other input, naming the field', async (t) => {
  for (const s of ['2026-11-23', '2026-11-23T10:00:00', '2026-13-01T00:00:00Z', '2026-02-29T00:00:00Z', '2026-11-23T24:00:00Z', '2026-11-23T10:00:00+2500', 'tomorrow', '']) {
    t.equal(tryParseCamundaDate(s), undefined, s);
    t.throws(() => parseCamundaDate(s, 'dueBefore'), InvalidRequestError, s);
  }
  try {
    parseCamundaDate('x', 'dueBefore');
  } catch (err) {
    const e = err as InvalidRequestError;
    t.equal(e.field, 'dueBefore');
    t.match(e.message, /'dueBefore'/);
    t.match(e.message, /yyyy-MM-dd'T'HH:mm:ss\.SSSZ/);
    t.equal(e.statusCode, 400);
  }
  t.throws(() => parseCamundaDate(123, 'due'), InvalidRequestError);
  t.equal(parseCamundaDate('2024-02-29T00:00:00Z').toISOString(), '2024-02-29T00:00:00.000Z', 'leap day');
});
