import assert from 'node:assert/strict';
import { assertChannelRules, linksOf, textOf } from '../support/chat';
import { CHANNELS, chatOn } from './channelChat';
import { catalog } from '../dialogs/support';

const NURSE = '1-800-555-0111';
const TEST_RESULTS = 'https://member.evergreen-health.example/secure/medical-record/test-results';
/** Characters of the GSM 03.38 basic set and its extension: what an English SMS may use. */
const GSM7 = /^[@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&'()*+,\-./0-9:;<=>?¡A-ZÄÖÑÜ§¿a-zäöñüà^{}\\[~\]|€]*$/;
/** The same-day visit the symptoms answer offers. */
const SAME_DAY = /when=asap/;


/** The lab-value answer's first sentence, before any number. */
const labLine = (locale: 'en' | 'es'): string => catalog.text(locale, 'labValue.answer').split(/[.,]/)[0]!;
const symptomsLine = (locale: 'en' | 'es'): string => catalog.text(locale, 'symptoms.answer').split(',')[0]!;

/**
 * Newcomer runs v11 XP07 ("my ldl says 190 is that bad") and v10 SN14 ("y que significa si sale en
 * rojo el colesterol"): a question about one's own lab value was read by the safety triage as
 * symptoms and got a same-day urgent visit and "if it becomes severe, call 911". It gets where to
 * read the result with its range (the test-results page), the care team who reviews it (a secure
 * message) and the nurse line for questions now: no judgement on the value, no 911, no same-day
 * visit. Real triage and recognizer, every channel, both languages; the other sentences are not
 * the runs'. A lab value said with a sign of illness keeps the symptoms or emergency answer.
 */
describe('a question about a lab value read as symptoms (dialogs/labQuestion.ts, XP07, SN14)', function () {
  this.timeout(120_000);

  const asks = [
    { locale: 'en' as const, text: 'my ldl says 190 is that bad' },
    { locale: 'es' as const, text: 'si sale en rojo el colesterol que significa' },
    { locale: 'en' as const, text: 'my a1c is 8.2 is that high' },
    { locale: 'es' as const, text: 'mi azucar salio en 250 es malo' },
    { locale: 'en' as const, text: 'my tsh is 6.1, is that bad?' },
    { locale: 'es' as const, text: 'la hemoglobina me salio baja, es grave?' },
  ];

  for (const [i, c] of asks.entries()) {
    for (const channelId of i < 2 ? CHANNELS : (['webchat'] as const)) {
      it(`${channelId} ${c.locale}: "${c.text}" gets the results page, the care team and the nurse line; no 911, no same-day visit`, async () => {
        const chat = chatOn(channelId, c.locale);
        const replies = await chat.say(c.text);
        const text = textOf(replies);
        assert.ok(text.includes(labLine(c.locale)), text);
        assert.ok(text.includes(NURSE), text);
        assert.doesNotMatch(text, /911/);
        assert.ok(!text.includes(symptomsLine(c.locale)), text);
        const links = linksOf(replies);
        assert.ok(links.includes(TEST_RESULTS), links.join(' '));
        assert.ok(links.some((u) => /message/i.test(u)), links.join(' '));
        assert.ok(!links.some((u) => SAME_DAY.test(u)), links.join(' '));
        assertChannelRules(channelId, replies);
        if (channelId === 'sms' && c.locale === 'en') for (const r of replies) assert.match(r.text ?? '', GSM7, `not GSM-7: ${r.text}`);
      });
    }
  }

  it('webchat en: after the results page (XP07), the lab value gets the lab answer', async () => {
    const chat = chatOn('webchat', 'en');
    await chat.say('where can i see my blood work results');
    const text = textOf(await chat.say('my ldl says 190 is that bad'));
    assert.ok(text.includes(labLine('en')), text);
    assert.doesNotMatch(text, /911/);
  });

  // A value said with a sign of illness, or a reading with no result word: the answer stays.
  const kept = [
    { locale: 'en' as const, text: 'my blood sugar is 400 and I feel dizzy and confused', expect: /911/ },
    { locale: 'es' as const, text: 'mi azucar esta en 400 y me siento mareada', expect: /911/ },
    { locale: 'en' as const, text: 'my cholesterol is high and i have chest pain', expect: /911/ },
    { locale: 'en' as const, text: 'my a1c is 9 and my feet are numb', expect: SAME_DAY },
    // A doubt between an emergency and a symptom (the fifteenth session's model): the safety net's 911 line is kept too.
    { locale: 'en' as const, text: 'my hemoglobin is 7 and i feel weak', expect: new RegExp(`${SAME_DAY.source}|911`) },
    { locale: 'es' as const, text: 'mi potasio salio alto y tengo el corazon acelerado', expect: SAME_DAY },
    { locale: 'en' as const, text: 'my son has a fever of 102 is that bad', expect: SAME_DAY },
    { locale: 'es' as const, text: 'tengo fiebre de 39 es malo', expect: SAME_DAY },
    { locale: 'en' as const, text: 'my blood sugar is 400', expect: SAME_DAY },
  ];
  for (const c of kept) {
    it(`webchat ${c.locale}: "${c.text}" keeps the symptoms or emergency answer`, async () => {
      const chat = chatOn('webchat', c.locale);
      const replies = await chat.say(c.text);
      const text = textOf(replies);
      assert.ok(!text.includes(labLine(c.locale)), text);
      assert.ok(c.expect.test(text) || linksOf(replies).some((u) => c.expect.test(u)), `${text}\n${linksOf(replies).join(' ')}`);
    });
  }
});
