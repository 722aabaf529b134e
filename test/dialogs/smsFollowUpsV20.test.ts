import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { ALEX, MemberChat } from '../support/identity';
import { has, hasNot, say } from './replyChecks';

/**
 * Newcomer run v20 (SMS, English and Spanish, signed in by code as Alex Rivera), through the whole
 * bot with the real recognizer and safety triage (the run's sentences and others with the same meaning):
 * 1. At "Cancel the video visit …? 1. Yes 2. No", "can it just be in person instead? same time" keeps
 *    the visit and moves it to in person at the same time; never the hand-off to a person.
 * 2. Right after the no-one-available answer, "y a q hora hay gente en el chat mañana?" gets the chat
 *    team's hours, never the appointments menu.
 * 3. Right after an answer that named a phone number, "ok what number do i call" repeats that number.
 */

const channel = 'sms';
/** The 6-digit code in the verification text, in either language. */
const codeIn = (replies: Awaited<ReturnType<MemberChat['say']>>): string | undefined => /(?:code|verificaci\u00f3n de [^:]+): (\d{6})\b/i.exec(textOf(replies))?.[1] ?? /\b(\d{6})\b/.exec(textOf(replies))?.[1];

async function signedInSms(locale: 'en' | 'es'): Promise<MemberChat> {
  const chat = new MemberChat({ channelId: channel, from: { id: ALEX.phone }, overrides: { understanding: undefined, emergencyCheck: undefined } });
  await chat.open(locale === 'es' ? 'hola' : 'hi');
  return chat;
}

/** Up to "Cancel the video visit on … with Dr. Maya Chen …?": signed in by the SMS code. */
async function atCancelConfirm(locale: 'en' | 'es'): Promise<MemberChat> {
  const chat = await signedInSms(locale);
  await say(chat, channel, locale === 'es' ? 'quiero cancelar mi cita' : 'i need to cancel my appointment');
  const code = codeIn(await say(chat, channel, '1'));
  assert.ok(code, 'no code sent');
  await say(chat, channel, code);
  const confirm = textOf(await say(chat, channel, locale === 'es' ? 'la de la dra chen' : 'the dr chen one'));
  assert.match(confirm, /Cancel the video visit|¿Cancelar la consulta por video/, confirm);
  return chat;
}

describe('v20: SMS follow-ups in the light of what was just asked or answered', function () {
  this.timeout(120_000);

  describe('1. another kind of visit at "Cancel …?" keeps the visit and changes its mode', () => {
    const cases: { locale: 'en' | 'es'; said: string }[] = [
      { locale: 'en', said: 'wait actually can it just be in person instead? same time' },
      { locale: 'en', said: 'no i meant switch the visit w dr chen to in person, not talk to someone lol' },
      { locale: 'en', said: 'hmm could we do it in person instead, same time' },
      { locale: 'en', said: 'can i just come in person at that time' },
      { locale: 'es', said: 'espere mejor puede ser en persona? a la misma hora' },
      { locale: 'es', said: 'no, mejor presencial, misma hora' },
      { locale: 'es', said: 'se puede cambiar a presencial?' },
    ];
    for (const c of cases) {
      it(`sms ${c.locale}: "${c.said}"`, async () => {
        const chat = await atCancelConfirm(c.locale);
        const replies = await say(chat, channel, c.said);
        const text = textOf(replies);
        hasNot(c.locale, replies, 'escalation.noAgents');
        assert.ok(!/AGENT|chat team|equipo de chat|Done: the|Listo/i.test(text), `a hand-off or a cancel:\n${text}`);
        assert.match(text, c.locale === 'es' ? /no cancel\u00e9 nada/ : /haven't cancelled anything/, text);
        assert.match(text, c.locale === 'es' ? /a una consulta en persona/ : /to an in-person visit/, text);
        assert.match(text, /visitType=inPerson&for=self&when=2025-06-10&time=15%3A00&action=reschedule/, text);
      });
    }
  });

  it('sms en: a plain yes with a mode named still cancels; a person asked for is still the hand-off', async () => {
    const yes = await atCancelConfirm('en');
    assert.match(textOf(await say(yes, channel, 'yes cancel it, ill book in person later')), /Done: the video visit on Tue, Jun 10, 3:00 PM is cancelled/);
    const person = await atCancelConfirm('en');
    const text = textOf(await say(person, channel, 'i want to talk to a person'));
    assert.ok(!/to an in-person visit|haven't cancelled/.test(text), text);
  });

  describe('2. when people are on the chat, right after no one was available', () => {
    const cases: { locale: 'en' | 'es'; person: string; said: string[] }[] = [
      { locale: 'es', person: 'quiero hablar con una persona', said: ['y a q hora hay gente en el chat mañana?', 'no, digo a q hora hay gente en el chat mañana'] },
      { locale: 'es', person: 'quiero hablar con alguien', said: ['a k hora hay gente mañana?'] },
      { locale: 'es', person: 'hablar con una persona', said: ['ok y mañana a q hora?'] },
      { locale: 'en', person: 'talk to a person', said: ['what time are ppl on the chat tomorrow'] },
      { locale: 'en', person: 'can i talk to someone', said: ['ok what time tomorrow then?'] },
      { locale: 'en', person: 'i want a real person', said: ['will anyone be there tomorrow morning?'] },
    ];
    for (const c of cases) {
      it(`sms ${c.locale}: ${c.said.map((s) => `"${s}"`).join(', ')}`, async () => {
        const chat = await signedInSms(c.locale);
        has(c.locale, await say(chat, channel, c.person), 'escalation.noAgents');
        for (const said of c.said) {
          const replies = await say(chat, channel, said);
          has(c.locale, replies, 'main.chatHours');
          hasNot(c.locale, replies, 'escalation.noAgents');
        }
      });
    }
  });

  describe('3. the number to call, right after an answer that named one', () => {
    const cases: { locale: 'en' | 'es'; before: string; said: string; number: string }[] = [
      { locale: 'es', before: 'quiero hablar con una persona', said: 'ok y a q numero llamo?', number: '1-800-555-0100' },
      { locale: 'en', before: 'talk to a person', said: 'ok what number do i call', number: '1-800-555-0100' },
      { locale: 'en', before: 'i want a real person', said: 'which number should i call then', number: '1-800-555-0100' },
      { locale: 'es', before: 'hablar con alguien', said: 'y a cual numero le marco?', number: '1-800-555-0100' },
    ];
    for (const c of cases) {
      it(`sms ${c.locale}: "${c.said}" after "${c.before}"`, async () => {
        const chat = await signedInSms(c.locale);
        const before = textOf(await say(chat, channel, c.before));
        assert.ok(before.includes(c.number), before);
        const text = textOf(await say(chat, channel, c.said));
        assert.ok(text.includes(c.number), text);
        assert.ok(!/\b11\./.test(text), `the contact menu:\n${text}`);
      });
    }
  });
});
