import assert from 'node:assert/strict';
import { linksOf, textOf } from '../support/chat';
import { realChat } from './memberWords';
import { has, hasNot, say } from './replyChecks';

/**
 * Newcomer run v16, through the whole bot with the real recognizer (the run's sentences and others
 * with the same meaning). X01: the when said in the first message is kept, and a later correction
 * ("actually ... is better", "instead") replaces it, typos of day parts read ("aftrnoon", "mornin").
 * X13: a visit asked for in the same message as "we called Poison Control" starts the booking with
 * what was said (her, her doctor, tomorrow) after the acknowledgement. W13: a day part said after a
 * day refines that day. W01: asking to see someone about a body part is a booking, not the nurse line.
 */

const bookLink = (replies: Parameters<typeof linksOf>[0]): string =>
  decodeURIComponent(linksOf(replies).find((url) => url.includes('/appointments/book')) ?? '');

describe('v16: booking details kept (X01, X13, W13, W01)', function () {
  this.timeout(120_000);

  const FIRST_WHEN = [
    { first: 'hi do u have any openings next wk for a checkup', range: true },
    { first: 'any appointments free next week for a physical?', range: true },
    { first: 'can i book a checkup for friday morning', range: false, time: 'morning' },
  ];
  for (const c of FIRST_WHEN) {
    it(`sms en: "${c.first}" keeps the when and does not ask it again`, async () => {
      const chat = await realChat('sms');
      await say(chat, 'sms', c.first);
      await say(chat, 'sms', '1');
      const replies = await say(chat, 'sms', 'in person');
      hasNot('en', replies, 'appointment.ask.when');
      const link = bookLink(replies);
      assert.match(link, c.range ? /when=\d{4}-\d\d-\d\d\/\d{4}-\d\d-\d\d/ : /when=\d{4}-\d\d-\d\d(&|$)/, link);
      if (c.time) assert.match(link, new RegExp(`time=${c.time}`));
    });
  }

  const CORRECTIONS = [
    { said: 'i said next week.. actually thursday aftrnoon is better', day: 'Thursday', time: 'afternoon' },
    { said: 'next week. no wait, friday mornin instead', day: 'Friday', time: 'morning' },
    { said: 'monday would work, actually tuesday afternon is better', day: 'Tuesday', time: 'afternoon' },
  ];
  for (const c of CORRECTIONS) {
    it(`sms en: "${c.said}" at the when question takes the correction`, async () => {
      const chat = await realChat('sms');
      await say(chat, 'sms', 'i need a checkup');
      await say(chat, 'sms', '1');
      const asked = await say(chat, 'sms', 'in person');
      has('en', asked, 'appointment.ask.when');
      const replies = await say(chat, 'sms', c.said);
      const link = bookLink(replies);
      assert.match(link, /when=\d{4}-\d\d-\d\d(&|$)/, link);
      assert.match(link, new RegExp(`time=${c.time}`), link);
      assert.match(textOf(replies), new RegExp(c.day));
    });
  }
  it('sms en: "i said next week.. actually thursday aftrnoon is better" after the page changes it', async () => {
    const chat = await realChat('sms');
    await say(chat, 'sms', 'hi do u have any openings next wk for a checkup');
    await say(chat, 'sms', '1');
    await say(chat, 'sms', 'in person');
    const replies = await say(chat, 'sms', 'i said next week.. actually thursday aftrnoon is better');
    const link = bookLink(replies);
    assert.match(link, /when=\d{4}-\d\d-\d\d&time=afternoon/, link);
    assert.match(textOf(replies), /Thursday/);
  });

  const PART_AFTER_DAY = [
    { locale: 'es' as const, first: 'necesito cancelar mi cita del martes', day: 'no espera mejor cambiarla para el viernes', part: 'en la mañana de preferencia', time: 'morning' },
    { locale: 'es' as const, first: 'quiero cambiar mi cita', day: 'para el jueves', part: 'mejor por la tarde', time: 'afternoon' },
    { locale: 'en' as const, first: 'i need to reschedule my appointment', day: 'move it to friday', part: 'mornings preferably', time: 'morning' },
  ];
  for (const c of PART_AFTER_DAY) {
    it(`msteams ${c.locale}: "${c.part}" after "${c.day}" refines that day`, async () => {
      const chat = await realChat('msteams', { locale: c.locale });
      await say(chat, 'msteams', c.first);
      const dayReplies = await say(chat, 'msteams', c.day);
      const dayLink = bookLink(dayReplies);
      const date = /when=(\d{4}-\d\d-\d\d)/.exec(dayLink)?.[1];
      assert.ok(date, dayLink);
      const replies = await say(chat, 'msteams', c.part);
      hasNot(c.locale, replies, 'appointment.ask.when');
      const link = bookLink(replies);
      assert.ok(link.includes(`when=${date}&time=${c.time}`), link);
    });
  }

  it('msteams en: "i want an appointment about my back" starts a booking, not the nurse-line answer', async () => {
    const chat = await realChat('msteams');
    const replies = await say(chat, 'msteams', 'i want an appointment about my back');
    hasNot('en', replies, 'symptoms.answer');
    assert.match(textOf(replies), /Who is the appointment for\?|What kind of care do you need\?|How would you like to be seen\?/);
  });
  it('msteams en: "my knee is swollen and hot, should I see someone?" keeps the nurse line', async () => {
    const chat = await realChat('msteams');
    const replies = await say(chat, 'msteams', 'my knee is swollen and hot, should I see someone?');
    assert.match(textOf(replies), /nurse advice line/);
  });
});
