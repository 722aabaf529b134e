import assert from 'node:assert/strict';
import { assertChannelRules, Chat, choicesOf, linksOf, textOf } from '../support/chat';
import { FakeTriage, fakeTriageForLines, TRIAGE_LINES, UNSURE_LINES } from '../support/fakeTriage';

/** Characters of the GSM 03.38 basic set and its extension: what an English SMS may use. */
const GSM7 = /^[@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&'()*+,\-./0-9:;<=>?¡A-ZÄÖÑÜ§¿a-zäöñüà^{}\\[~\]|€]*$/;

const CHANNELS = ['webchat', 'msteams', 'sms'] as const;
const LOCALES = ['en', 'es'] as const;

function chat(channelId: string, locale: 'en' | 'es'): Chat {
  return new Chat({
    channelId,
    ...(channelId === 'sms' ? {} : { locale: locale === 'es' ? 'es-US' : 'en-US' }),
    overrides: { triageCheck: fakeTriageForLines() },
  });
}

describe('safety triage: every outcome on every channel, in both languages', () => {
  for (const channelId of CHANNELS) {
    for (const locale of LOCALES) {
      describe(`${channelId}, ${locale}`, () => {
        for (const line of TRIAGE_LINES) {
          it(`${line.outcome}: the reply carries ${line.numbers.join(', ')}`, async () => {
            const c = chat(channelId, locale);
            await c.open(locale === 'es' ? 'hola' : 'hi');
            const replies = await c.say(line[locale]);
            const text = textOf(replies);
            for (const n of line.numbers) assert.ok(text.includes(n), `${n} missing from: ${text}`);
            assertChannelRules(channelId, replies);
            if (locale === 'es') assert.match(text, /Llame|llame|Gracias|Siento|No puedo/, 'answered in Spanish');
            if (channelId === 'sms' && locale === 'en') for (const r of replies) assert.match(r.text ?? '', GSM7, `not GSM-7: ${r.text}`);
            assert.doesNotMatch(text, /Just to be sure|is this about|Take care|Thanks for visiting/i);
            if (line.intent === 'abuse') assert.ok(choicesOf(replies).length === 1, 'an offer of a person');
            if (line.intent === 'mental_health') {
              assert.ok(linksOf(replies).some((u) => /care=mentalHealth|reason=mentalHealth/.test(u)), 'a mental-health visit link');
            }
            if (line.intent === 'emergency' || line.intent === 'abuse') assert.deepEqual(await c.dialogStack(), [], 'dialogs ended');
          });
        }
        it('unsure: the safety net (911, 988, nurse line), then what the member needs', async () => {
          const c = chat(channelId, locale);
          await c.open(locale === 'es' ? 'hola' : 'hi');
          const replies = await c.say(UNSURE_LINES[locale]);
          const text = textOf(replies);
          for (const n of ['911', '988', '1-800-555-0111']) assert.ok(text.includes(n), `${n} missing from: ${text}`);
          assert.match(text, locale === 'es' ? /¿En qué necesita ayuda\?/ : /What do you need help with\?/);
          assert.doesNotMatch(text, /Just to be sure|is this about|Pick a topic/i);
          assertChannelRules(channelId, replies);
          if (channelId === 'sms' && locale === 'en') for (const r of replies) assert.match(r.text ?? '', GSM7, `not GSM-7: ${r.text}`);
        });
      });
    }
  }
});

describe('safety triage: an abuse disclosure whose kind is uncertain names both hotlines', () => {
  const lines = {
    en: 'my partner hits me in front of the kids',
    es: 'mi pareja me pega enfrente de los niños',
  } as const;
  for (const channelId of CHANNELS) {
    for (const locale of LOCALES) {
      it(`${channelId}, ${locale}: the domestic-violence hotline and Childhelp, once each`, async () => {
        const fake = new FakeTriage().on(lines[locale], { intent: 'abuse', kind: 'dv', alsoKind: 'child', locale });
        const c = new Chat({ channelId, ...(channelId === 'sms' ? {} : { locale: locale === 'es' ? 'es-US' : 'en-US' }), overrides: { triageCheck: fake } });
        await c.open(locale === 'es' ? 'hola' : 'hi');
        const text = textOf(await c.say(lines[locale]));
        for (const n of ['911', '1-800-799-7233', '1-800-422-4453']) assert.ok(text.includes(n), `${n} missing from: ${text}`);
        assert.equal(text.split('1-800-422-4453').length, 2, 'Childhelp named once');
      });
    }
  }

  it('the same kind twice is named once (no second line)', async () => {
    const fake = new FakeTriage().on(lines.en, { intent: 'abuse', kind: 'dv', alsoKind: 'dv', locale: 'en' });
    const c = new Chat({ overrides: { triageCheck: fake } });
    await c.open('hi');
    const text = textOf(await c.say(lines.en));
    assert.equal(text.split('1-800-799-7233').length, 2);
    assert.ok(!text.includes('1-800-422-4453'));
  });
});

describe('safety triage: a medical emergency also read as an exposure, as distress or as abuse names that line after 911', () => {
  const lines = {
    poison: { en: 'breathed in fumes from the pool chemicals and my chest is tight now', es: 'respire los gases del cloro de la alberca y ahora me aprieta el pecho' },
    crisis: { en: 'panicking so bad i cant get air in', es: 'tengo tanto panico que no me entra el aire' },
    dv: { en: 'my ex says he will come over and end me tonight', es: 'mi ex dice que va a venir a acabar conmigo hoy' },
  } as const;
  const numbers = { poison: '1-800-222-1222', crisis: '988', dv: '1-800-799-7233' } as const;
  for (const also of ['poison', 'crisis', 'dv'] as const) {
    for (const channelId of CHANNELS) {
      for (const locale of LOCALES) {
        it(`${channelId}, ${locale}: medical with ${also}: 911 first, then ${numbers[also]}, once`, async () => {
          const fake = new FakeTriage().on(lines[also][locale], { intent: 'emergency', kind: 'medical', alsoKind: also, locale });
          const c = new Chat({ channelId, ...(channelId === 'sms' ? {} : { locale: locale === 'es' ? 'es-US' : 'en-US' }), overrides: { triageCheck: fake } });
          await c.open(locale === 'es' ? 'hola' : 'hi');
          const replies = await c.say(lines[also][locale]);
          const text = textOf(replies);
          assert.ok(text.indexOf('911') >= 0 && text.indexOf('911') < text.indexOf(numbers[also]), `911 before ${numbers[also]}: ${text}`);
          assert.equal(text.split(numbers[also]).length, 2, `${numbers[also]} named once: ${text}`);
          assertChannelRules(channelId, replies);
          if (channelId === 'sms' && locale === 'en') for (const r of replies) assert.match(r.text ?? '', GSM7, `not GSM-7: ${r.text}`);
        });
      }
    }
  }

  it('a medical emergency with no second reading has neither line', async () => {
    const fake = new FakeTriage().on('my dad collapsed and is not breathing', { intent: 'emergency', kind: 'medical', locale: 'en' });
    const c = new Chat({ overrides: { triageCheck: fake } });
    await c.open('hi');
    const text = textOf(await c.say('my dad collapsed and is not breathing'));
    assert.ok(text.includes('911'));
    assert.ok(!text.includes('1-800-222-1222') && !text.includes('988'), text);
  });
});
