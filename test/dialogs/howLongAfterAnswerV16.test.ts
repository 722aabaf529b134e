import assert from 'node:assert/strict';
import { realChat } from './memberWords';
import { has, hasNot, say, type Replies } from './replyChecks';
import { promptText } from './support';

/**
 * Newcomer run v16, through the whole bot with the real recognizer (sentences differ from the
 * run's, plus the run's own). Z01/Z05: a short follow-up on an aspect (how long, cost, download)
 * right after the refill or the video-visit answer is answered on that topic, never with the
 * nurse line (no symptom is named), and a bare "how long" alone never gets it either. Z10: after a
 * correction, the billing answer just given is never given again word for word.
 */

type Case = { locale: 'en' | 'es'; channel: 'webchat' | 'msteams' | 'sms'; first: string; then: string; key: string };

const ASPECTS: Case[] = [
  // Z05, the run's own words, and others.
  { locale: 'en', channel: 'webchat', first: 'how do video visits work', then: 'and how long does that take?', key: 'followUp.about.videoTiming' },
  { locale: 'en', channel: 'msteams', first: 'tell me about video visits', then: 'how long do they last?', key: 'followUp.about.videoTiming' },
  { locale: 'en', channel: 'sms', first: 'how do video visits work', then: 'how long is it', key: 'followUp.about.videoTiming' },
  { locale: 'en', channel: 'webchat', first: 'how do video visits work', then: 'do i need to download anything', key: 'followUp.about.videoNeeds' },
  { locale: 'en', channel: 'webchat', first: 'how do video visits work', then: 'how much does it cost', key: 'followUp.about.videoCost' },
  { locale: 'en', channel: 'msteams', first: 'tell me about video visits', then: 'is it free?', key: 'followUp.about.videoCost' },
  { locale: 'es', channel: 'webchat', first: 'como funcionan las visitas por video', then: 'y cuanto tarda eso?', key: 'followUp.about.videoTiming' },
  { locale: 'es', channel: 'msteams', first: 'como funcionan las visitas por video', then: 'tengo que bajar alguna aplicacion?', key: 'followUp.about.videoNeeds' },
  { locale: 'es', channel: 'webchat', first: 'como funcionan las visitas por video', then: '¿cuánto cuesta?', key: 'followUp.about.videoCost' },
  // Z01: refill timing.
  // Z01: how long, after a refill's status answer: when one is ready (the refill's timing).
  { locale: 'en', channel: 'webchat', first: 'whats going on with my blood pressure refill', then: 'and how long does that usually take?', key: 'followUp.about.pickup' },
  { locale: 'en', channel: 'msteams', first: 'whats the status of my refill', then: 'how long will it take', key: 'followUp.about.pickup' },
  { locale: 'en', channel: 'msteams', first: 'where is my refill at', then: 'how long does it usually take', key: 'followUp.about.pickup' },
  { locale: 'es', channel: 'webchat', first: 'quiero saber como va el surtido de mi receta', then: 'y cuanto se tarda?', key: 'followUp.about.pickup' },
  { locale: 'es', channel: 'msteams', first: 'como va mi receta de la presion', then: 'cuanto tiempo tarda normalmente?', key: 'followUp.about.pickup' },
];

/** "How long" with no answer before it and no symptom named: never the nurse line. */
const BARE = [
  { locale: 'en' as const, text: 'how long does that take?' },
  { locale: 'en' as const, text: 'how long will it take' },
  { locale: 'es' as const, text: 'cuanto tarda eso?' },
];

/** A correction right after the billing answer (Z10): never the same answer word for word. */
const CORRECTIONS = [
  { locale: 'es' as const, first: 'nos llego una carta del doctor, cuanto debo y como lo pago?', then: 'no, lo que quiero saber es cuanto debo de la factura y como pagarla' },
  { locale: 'en' as const, first: 'got a letter from the clinic, how much do i owe and how do i pay it', then: 'no, i want to know how much i owe on the bill and how to pay it' },
];

const ANYTHING_ELSE = { en: promptText('en', 'main.anythingElse'), es: promptText('es', 'main.anythingElse') };
const answersOf = (replies: Replies, locale: 'en' | 'es'): string[] =>
  replies.map((r) => (r.text ?? '').trim()).filter((t) => t && t !== ANYTHING_ELSE[locale]);

describe('v16: a short follow-up on an aspect after an answer, and no answer twice after a correction (Z01, Z05, Z10)', function () {
  this.timeout(120_000);
  for (const c of ASPECTS) {
    it(`${c.channel} ${c.locale}: "${c.then}" after "${c.first}" is answered on that topic`, async () => {
      const chat = await realChat(c.channel, { locale: c.locale });
      await say(chat, c.channel, c.first);
      const replies = await say(chat, c.channel, c.then);
      hasNot(c.locale, replies, 'symptoms.answer');
      has(c.locale, replies, c.key);
    });
  }
  for (const c of BARE) {
    it(`webchat ${c.locale}: "${c.text}" alone never gets the nurse line`, async () => {
      const chat = await realChat('webchat', { locale: c.locale });
      const replies = await say(chat, 'webchat', c.text);
      hasNot(c.locale, replies, 'symptoms.answer');
    });
  }
  for (const c of CORRECTIONS) {
    it(`webchat ${c.locale}: "${c.then}" after "${c.first}" never gets the same answer again`, async () => {
      const chat = await realChat('webchat', { locale: c.locale });
      const before = answersOf(await say(chat, 'webchat', c.first), c.locale);
      const after = answersOf(await say(chat, 'webchat', c.then), c.locale);
      const same = after.filter((t) => before.includes(t));
      assert.deepEqual(same, [], `the same answer again:\n${same.join('\n')}`);
    });
  }
});
