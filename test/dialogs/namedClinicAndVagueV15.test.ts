import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';
import { has, hasNot, noLink, say } from './replyChecks';

/**
 * Newcomer run v15, through the whole bot with the real recognizer (sentences differ from the run's).
 * YX12: after the clinic hours, a clinic named with its area after the word clinic ("la clinica
 * downtown") gets the short per-clinic answer, not the hours paragraph again; a restaurant "por ahi
 * cerca" is out of scope, never "it's all on the page below". YX14: a request that names nothing
 * ("question about my thing", "una pregunta", "lo mío") gets "what is it about?" with the topics,
 * never the contact menu guessed from it, and no later "go back to contacting your care team?".
 */

const NAMED = [
  { locale: 'es' as const, hours: 'a que hora abren el sabado', named: 'la clinica downtown' },
  { locale: 'es' as const, hours: 'a que hora abren el sabado', named: 'y la clinica del centro?' },
  { locale: 'en' as const, hours: 'what time do you open saturday', named: 'the clinic downtown' },
  { locale: 'en' as const, hours: 'what time do you open saturday', named: 'ok the clinic in midtown' },
];

const OUTSIDE = [
  { locale: 'es' as const, hours: 'a que hora abren el sabado', outside: 'ok. y me recomiendas un restaurante por ahi cerca?' },
  { locale: 'en' as const, hours: 'what time do you open saturday', outside: 'can you recommend a restaurant around there' },
];

const VAGUE = [
  { locale: 'en' as const, vague: 'question about my thing' },
  { locale: 'en' as const, vague: 'i have a question' },
  { locale: 'en' as const, vague: 'something' },
  { locale: 'es' as const, vague: 'una pregunta' },
  { locale: 'es' as const, vague: 'tengo una duda sobre lo mío' },
  { locale: 'es' as const, vague: 'lo mío' },
];

describe('v15: a named clinic, a question outside the topic, a request that names nothing (YX12, YX14)', function () {
  this.timeout(120_000);
  for (const c of NAMED) {
    it(`msteams ${c.locale}: "${c.named}" after the hours gets that clinic's short answer`, async () => {
      const chat = await realChat('msteams', { locale: c.locale });
      await say(chat, 'msteams', c.hours);
      const replies = await say(chat, 'msteams', c.named);
      has(c.locale, replies, 'followUp.about.placeHours');
    });
  }
  for (const c of OUTSIDE) {
    it(`msteams ${c.locale}: "${c.outside}" after the hours is out of scope`, async () => {
      const chat = await realChat('msteams', { locale: c.locale });
      await say(chat, 'msteams', c.hours);
      const replies = await say(chat, 'msteams', c.outside);
      has(c.locale, replies, 'main.outOfScope');
      hasNot(c.locale, replies, 'followUp.again');
      noLink(replies, '/locations');
    });
  }
  for (const c of VAGUE) {
    it(`msteams ${c.locale}: "${c.vague}" asks what it is about, no contact menu`, async () => {
      const chat = await realChat('msteams', { locale: c.locale });
      const replies = await say(chat, 'msteams', c.vague);
      has(c.locale, replies, 'main.whatAbout');
      hasNot(c.locale, replies, 'contact.ask.topic');
    });
    it(`sms ${c.locale}: "${c.vague}" gets a short numbered list of the topics`, async () => {
      const chat = await realChat('sms', { locale: c.locale });
      const text = textOf(await say(chat, 'sms', c.vague));
      assert.match(text, c.locale === 'es' ? /De qué se trata/ : /What is it about/);
      assert.match(text, /^1\. /m);
      assert.doesNotMatch(text, /Suspicious|sospechos/i);
    });
  }
  it('teams en: the blood test after a vague request gets no "go back to contacting your care team"', async () => {
    const chat = await realChat('msteams');
    await say(chat, 'msteams', 'question about my thing');
    const replies = await say(chat, 'msteams', 'the thing from last week. the blood test');
    assert.doesNotMatch(textOf(replies), /go back to contacting/i);
  });
});
