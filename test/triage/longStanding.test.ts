import assert from 'node:assert/strict';
import { assertChannelRules, linksOf, textOf } from '../support/chat';
import { CHANNELS, chatOn } from './channelChat';
import { catalog } from '../dialogs/support';

const NURSE = '1-800-555-0111';
const SAME_DAY = /when=asap/;
const REGULAR = /reason=primary/;


const symptomsLine = (locale: 'en' | 'es'): string => catalog.text(locale, 'symptoms.answer').split(',')[0]!;

/**
 * Newcomer run v17: a complaint that had lasted months got "Book a same-day visit" (the urgent
 * reason, as soon as possible). A complaint the member says is long-standing gets the nurse line,
 * an e-visit and a regular visit; one that is sudden, worse or severe now keeps the same-day visit.
 * Real triage and recognizer; the sentences are not the run's.
 */
describe('a long-standing complaint gets a regular visit, not a same-day one (dialogs/longStanding.ts)', function () {
  this.timeout(120_000);

  const lasting = [
    { locale: 'en' as const, text: 'my lower back has been aching for months, should i see someone about it' },
    { locale: 'es' as const, text: 'tengo dolor en la rodilla desde hace meses, con quien me puedo atender' },
    { locale: 'en' as const, text: 'I get these headaches on and off, should I get checked' },
    { locale: 'es' as const, text: 'me salen ronchas en los brazos de vez en cuando, que hago' },
  ];
  for (const [i, c] of lasting.entries()) {
    for (const channelId of i < 2 ? CHANNELS : (['webchat'] as const)) {
      it(`${channelId} ${c.locale}: "${c.text}" gets the nurse line and a regular visit`, async () => {
        const chat = chatOn(channelId, c.locale);
        const replies = await chat.say(c.text);
        const text = textOf(replies);
        assert.ok(text.includes(symptomsLine(c.locale)), text);
        assert.ok(text.includes(NURSE), text);
        const links = linksOf(replies);
        assert.ok(links.some((u) => REGULAR.test(u)), links.join(' '));
        assert.ok(!links.some((u) => SAME_DAY.test(u)), links.join(' '));
        if (channelId !== 'sms') assert.ok(text.includes(catalog.text(c.locale, 'triageLinks.regularVisit')) || JSON.stringify(replies).includes(catalog.text(c.locale, 'triageLinks.regularVisit')), JSON.stringify(replies));
        assertChannelRules(channelId, replies);
      });
    }
  }

  const now = [
    { locale: 'en' as const, text: 'my back has hurt for months but today it suddenly got much worse' },
    { locale: 'es' as const, text: 'me duele la rodilla desde hace meses y hoy empeoro mucho' },
    { locale: 'en' as const, text: 'my knee started hurting yesterday, should i see someone' },
    { locale: 'en' as const, text: 'severe stomach pain for weeks' },
  ];
  for (const c of now) {
    it(`webchat ${c.locale}: "${c.text}" keeps the same-day visit`, async () => {
      const replies = await chatOn('webchat', c.locale).say(c.text);
      const links = linksOf(replies);
      assert.ok(links.some((u) => SAME_DAY.test(u)) || /911/.test(textOf(replies)), `${textOf(replies)}\n${links.join(' ')}`);
      assert.ok(!links.some((u) => REGULAR.test(u)), links.join(' '));
    });
  }
});
