import assert from 'node:assert/strict';
import { choicesOf, textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { catalog } from './support';
import { RecordingEscalation, signedInChat } from './memberWords';

/**
 * Booking on Web Chat, signed in (newcomer run v7, WJ25): asked what kind of care, the member
 * answered how to be seen and corrected themself ("por video... no mejor en persona") and got the
 * video-visits menu; then a frustrated "no!! en persona, para mi hija, atención primaria" was
 * handed to a person. A kind of visit said to another of the booking's questions is kept (the last
 * one named), "in person" / "en persona" is a visit mode, and the booking goes on. Real
 * recognizer; sentences differ from the run's.
 */
describe('booking: a visit mode said early, with a self-correction (newcomer run v7, WJ25)', function () {
  this.timeout(400_000);

  const cases = [
    {
      locale: 'en' as const,
      start: 'I need to book a visit for my son',
      early: 'in person... hmm no, actually by phone',
      angry: 'no!!! by phone, for my son, primary care please',
      kept: { mode: 'phone', slot: /phone/, notSlot: /in-person|video/i },
      forSelf: 'I would like to book an appointment for myself',
      care: 'primary care',
      modeFix: 'in person... no wait, video is better',
      mode: 'video',
      slot: /video visit/,
      noMode: { start: 'I want to book a visit for my son', care: 'primary care', angry: 'NO!!! for my son. primary care' },
      atWhen: { first: 'by phone', fix: 'phone... no wait, make it in person', slot: /in-person visit/, notSlot: /video|phone/i },
      notSlot: /in-person/i,
    },
    {
      locale: 'es' as const,
      start: 'necesito sacar una cita para mi hijo',
      early: 'por teléfono... no, mejor en persona',
      angry: 'que no!! en persona, para mi hijo, atención primaria',
      kept: { mode: 'inPerson', slot: /en persona/, notSlot: /video|tel[eé]fono/i },
      forSelf: 'necesito hacer una cita para mí',
      care: 'atención primaria',
      modeFix: 'en persona... no, mejor por video',
      mode: 'video',
      slot: /video/,
      noMode: { start: 'quiero sacar una cita para mi hijo', care: 'atención primaria', angry: 'NO!!! es para mi hijo. atención primaria' },
      atWhen: { first: 'en persona', fix: 'en persona... no, mejor por teléfono', slot: /tel[eé]fono/i, notSlot: /video|en persona/i },
      notSlot: /en persona/i,
    },
  ];

  for (const c of cases) {
    it(`Web Chat ${c.locale}: the mode said to "what kind of care" is kept, the last one named; a frustrated correction is no hand-off`, async () => {
      const escalation = new RecordingEscalation();
      const chat = await signedInChat(ALEX.memberId, { locale: c.locale, escalation });
      const care = await chat.say(c.start);
      assert.ok(choicesOf(care).includes(catalog.text(c.locale, 'options.appointment.care.primary')), textOf(care));
      const kept = await chat.say(c.early);
      assert.ok(textOf(kept).includes(catalog.text(c.locale, `options.appointment.mode.${c.kept.mode}`)), textOf(kept));
      assert.ok(choicesOf(kept).includes(catalog.text(c.locale, 'options.appointment.care.primary')), textOf(kept));
      const when = await chat.say(c.angry);
      assert.deepEqual(escalation.requests, []);
      assert.ok(choicesOf(when).includes(catalog.text(c.locale, 'options.appointment.when.any')), textOf(when));
      assert.ok(!choicesOf(when).includes(catalog.text(c.locale, 'options.appointment.mode.video')), textOf(when));
      const slots = await chat.say(catalog.text(c.locale, 'options.appointment.when.any'));
      assert.match(choicesOf(slots).join(' | '), c.kept.slot, textOf(slots));
      assert.ok(!c.kept.notSlot.test(choicesOf(slots).join(' | ')), choicesOf(slots).join(' | '));
    });

    it(`Web Chat ${c.locale}: a corrected mode to "how would you like to be seen" is the last one named`, async () => {
      const chat = await signedInChat(ALEX.memberId, { locale: c.locale });
      await chat.say(c.forSelf);
      const mode = await chat.say(c.care);
      assert.ok(choicesOf(mode).includes(catalog.text(c.locale, 'options.appointment.mode.video')), textOf(mode));
      const when = await chat.say(c.modeFix);
      assert.ok(choicesOf(when).includes(catalog.text(c.locale, 'options.appointment.when.any')), textOf(when));
      const slots = await chat.say(catalog.text(c.locale, 'options.appointment.when.any'));
      assert.match(choicesOf(slots).join(' | '), c.slot, textOf(slots));
      assert.ok(!c.notSlot.test(choicesOf(slots).join(' | ')), choicesOf(slots).join(' | '));
    });

    it(`Web Chat ${c.locale}: a corrected mode to "when would you prefer" changes the mode, the last one named`, async () => {
      const chat = await signedInChat(ALEX.memberId, { locale: c.locale });
      await chat.say(c.forSelf);
      await chat.say(c.care);
      await chat.say(c.atWhen.first);
      const when = await chat.say(c.atWhen.fix);
      assert.ok(choicesOf(when).includes(catalog.text(c.locale, 'options.appointment.when.any')), textOf(when));
      const slots = await chat.say(catalog.text(c.locale, 'options.appointment.when.any'));
      assert.match(choicesOf(slots).join(' | '), c.atWhen.slot, textOf(slots));
      assert.ok(!c.atWhen.notSlot.test(choicesOf(slots).join(' | ')), choicesOf(slots).join(' | '));
    });

    it(`Web Chat ${c.locale}: a frustrated repeat of the booking's details is no hand-off; the open question is asked again`, async () => {
      const escalation = new RecordingEscalation();
      const chat = await signedInChat(ALEX.memberId, { locale: c.locale, escalation });
      await chat.say(c.noMode.start);
      await chat.say(c.noMode.care);
      const again = await chat.say(c.noMode.angry);
      assert.deepEqual(escalation.requests, []);
      assert.ok(choicesOf(again).includes(catalog.text(c.locale, 'options.appointment.mode.inPerson')), textOf(again));
    });
  }
});
