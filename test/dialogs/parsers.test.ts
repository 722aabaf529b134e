import assert from 'node:assert/strict';
import { describePreferredTime, memberNow, PreferredTimeParser, whenParams, type PartOfDay } from '../../dialogs/appointment/when';

const times = new PreferredTimeParser();
const parsePreferredTime = times.parse.bind(times);
import { parseRx } from '../../dialogs/refill/rxNumber';
import { TEST_NOW } from '../support/chat';

const parts: Record<PartOfDay, string> = { morning: 'in the morning', afternoon: 'in the afternoon', evening: 'in the evening', night: 'at night' };

describe('preferred day and time (Microsoft date-time recognizers)', () => {
  const parse = (text: string, locale: 'en' | 'es' = 'en') => parsePreferredTime(text, locale, TEST_NOW);
  const value = (text: string, locale: 'en' | 'es' = 'en') => {
    const result = parse(text, locale);
    assert.ok(result.ok, `${text}: ${JSON.stringify(result)}`);
    return result.value;
  };

  it('reads days and parts of the day, in English and Spanish', () => {
    assert.deepEqual(value('next Tuesday afternoon'), { date: '2025-06-10', until: null, time: null, partOfDay: 'afternoon' });
    assert.deepEqual(value('tomorrow morning'), { date: '2025-06-06', until: null, time: null, partOfDay: 'morning' });
    assert.deepEqual(value('mañana por la tarde', 'es'), { date: '2025-06-06', until: null, time: null, partOfDay: 'afternoon' });
    assert.deepEqual(value('el próximo martes', 'es'), { date: '2025-06-10', until: null, time: null, partOfDay: null });
    assert.deepEqual(value('June 20 at 3pm'), { date: '2025-06-20', until: null, time: '15:00', partOfDay: null });
    assert.deepEqual(value('in the afternoon'), { date: null, until: null, time: null, partOfDay: 'afternoon' });
  });

  it('an ambiguous weekday or date means the next one, not the last one', () => {
    assert.equal(value('Tuesday').date, '2025-06-10');
    assert.equal(value('June 1').date, '2026-06-01');
  });

  it('"la semana que viene", "la otra semana" and "la siguiente semana" are next week, as "la próxima semana" is (not the rest of the month)', () => {
    const next = value('la próxima semana', 'es');
    assert.deepEqual(next, { date: '2025-06-09', until: '2025-06-15', time: null, partOfDay: null });
    for (const said of ['la semana que viene', 'semana que viene', 'la otra semana', 'la siguiente semana']) assert.deepEqual(value(said, 'es'), next, said);
  });

  it('a range that began already starts today', () => {
    assert.deepEqual(value('this week'), { date: '2025-06-05', until: '2025-06-08', time: null, partOfDay: null });
  });

  it('never in the past; unreadable text is said so', () => {
    assert.deepEqual(parse('yesterday'), { ok: false, error: 'appointment.when.past' });
    assert.deepEqual(parse('last Monday'), { ok: false, error: 'appointment.when.past' });
    assert.deepEqual(parse('purple'), { ok: false, error: 'appointment.when.unclear' });
  });

  it('"tomorrow" is the member\'s tomorrow when the channel gives their time zone', () => {
    const late = new Date(Date.UTC(2025, 5, 6, 2, 0)); // 19:00 on 5 June in Los Angeles
    const la = memberNow(late, 'America/Los_Angeles');
    assert.deepEqual([la.getFullYear(), la.getMonth(), la.getDate(), la.getHours()], [2025, 5, 5, 19]);
    const result = parsePreferredTime('tomorrow', 'en', la);
    assert.ok(result.ok && result.value.date === '2025-06-06');
    assert.equal(memberNow(late, 'Not/AZone'), late);
    assert.equal(memberNow(late, undefined), late);
  });

  it('becomes portal parameters and a sentence in the member\'s language', () => {
    const p = value('next Tuesday afternoon');
    assert.deepEqual(whenParams(p), { when: '2025-06-10', time: 'afternoon' });
    assert.equal(describePreferredTime(p, 'en', parts), 'Tuesday, June 10, in the afternoon');
    assert.equal(describePreferredTime(p, 'es', { ...parts, afternoon: 'por la tarde' }), 'martes, 10 de junio, por la tarde');
  });
});

describe('Rx numbers', () => {
  const rule = { minDigits: 7, maxDigits: 12 };

  it('accepts 7–12 digits with at most one dash, also inside a sentence', () => {
    assert.deepEqual(parseRx('1234567', rule), { ok: true, value: { kind: 'rx', rx: '1234567' } });
    assert.deepEqual(parseRx('1234-567890', rule), { ok: true, value: { kind: 'rx', rx: '1234567890' } });
    assert.deepEqual(parseRx("it's rx #7654321 thanks", rule), { ok: true, value: { kind: 'rx', rx: '7654321' } });
  });

  it('explains a number of the wrong shape', () => {
    for (const text of ['123456', '1234567890123', '12-34-567']) {
      assert.deepEqual(parseRx(text, rule), { ok: false, error: 'refill.rx.invalid', vars: { min: 7, max: 12 } }, text);
    }
  });

  it('takes a medicine name instead (and keeps only that it was a name)', () => {
    assert.deepEqual(parseRx('lisinopril 10 mg', rule), { ok: true, value: { kind: 'name' } });
    assert.deepEqual(parseRx('the metformin', rule), { ok: true, value: { kind: 'name' } });
    assert.equal(parseRx('I would like to know what is going on with it', rule).ok, false);
    assert.equal(parseRx('???', rule).ok, false);
  });

  it('follows the profile\'s length', () => {
    assert.equal(parseRx('1234567', { minDigits: 8, maxDigits: 10 }).ok, false);
  });
});
