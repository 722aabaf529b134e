import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { ALEX, MemberChat } from '../support/identity';

/**
 * "Do you want to go back to booking your appointment?" answered with a yes in other words (newcomer
 * run v5, WE09 on Web Chat, TF11 on Teams: "ok back to the video visit" opened the video-visits menu
 * and restarted the booking): the booking goes on at its next open question, with what was said
 * kept. Through the whole bot with the real recognizer; sentences differ from the run's.
 */

const REAL = { understanding: undefined, emergencyCheck: undefined };

async function chatOn(channelId: 'webchat' | 'msteams', es: boolean): Promise<MemberChat> {
  const from = channelId === 'msteams' ? { from: { id: '29:alex', aadObjectId: ALEX.teams } } : {};
  const chat = new MemberChat({ channelId, ...from, locale: es ? 'es-US' : 'en-US', overrides: REAL });
  await chat.open(es ? 'hola' : 'hi');
  return chat;
}

const CASES = [
  {
    channelId: 'webchat' as const,
    es: false,
    steps: ['i would like to set up a video appointment', 'for me', 'primary care'],
    detour: 'hold on, where do I see my member ID card?',
    back: 'alright, let us get back to the video appointment',
    next: /When would you prefer\?/,
  },
  {
    channelId: 'webchat' as const,
    es: true,
    steps: ['quiero sacar una cita por video', 'para mí', 'atención primaria'],
    detour: 'un momento, ¿dónde veo mi tarjeta de miembro?',
    back: 'sí, sigamos con la cita por video',
    next: /¿Cuándo prefiere\?/,
  },
  {
    channelId: 'msteams' as const,
    es: false,
    steps: ['i would like to set up a video appointment', 'for me', 'primary care'],
    detour: 'hold on, where do I see my member ID card?',
    back: 'yes, the video appointment please',
    next: /When would you prefer\?/,
  },
];

describe('a yes in other words to "go back to …?" resumes the task (WE09, TF11)', function () {
  this.timeout(600_000);
  for (const c of CASES) {
    it(`${c.channelId} ${c.es ? 'Spanish' : 'English'}: "${c.back}" goes on where the booking was`, async () => {
      const chat = await chatOn(c.channelId, c.es);
      for (const step of c.steps) await chat.say(step);
      const offer = textOf(await chat.say(c.detour));
      assert.match(offer, c.es ? /¿Quiere seguir con su nueva cita\?/ : /go back to booking your appointment\?/, offer);
      const text = textOf(await chat.say(c.back));
      assert.match(text, c.next, text);
      assert.doesNotMatch(text, /video visits\?|visitas por video|Who is the appointment for|Para quién es la cita|What kind of care|tipo de atención/i, text);
    });
  }
});
