import assert from 'node:assert/strict';
import { Chat, textOf } from '../support/chat';

/** The real triage and recognizer, as `npm start` runs them. */
function realChat(channelId: string, locale: 'en' | 'es'): Chat {
  return new Chat({
    channelId,
    ...(channelId === 'sms' ? {} : { locale: locale === 'es' ? 'es-US' : 'en-US' }),
    overrides: { understanding: undefined, emergencyCheck: undefined },
  });
}

const BEHAVIORAL = '1-800-555-0144';

describe('a task asked for in words about mental-health care carries 988 and the behavioral-health line (issue 19)', () => {
  const cases = [
    { channelId: 'webchat', locale: 'en', text: 'can I set up a visit with a psychologist next week' },
    { channelId: 'sms', locale: 'en', text: 'need an appt w a therapist pls' },
    { channelId: 'msteams', locale: 'es', text: 'quiero sacar una cita con una psicóloga' },
  ] as const;
  for (const c of cases) {
    it(`${c.channelId}, ${c.locale}: "${c.text}" gets 988 and the behavioral-health line`, async () => {
      const chat = realChat(c.channelId, c.locale);
      await chat.open(c.locale === 'es' ? 'hola' : 'hi');
      const text = textOf(await chat.say(c.text));
      assert.ok(text.includes('988') && text.includes(BEHAVIORAL), text);
      // Either the booking goes on (its question) or the mental-health answer with its booking link.
      assert.match(text, c.locale === 'es' ? /cita|Para quién/ : /appointment|visit|What would you like/, text);
      assert.doesNotMatch(text, /Just to be sure|is this about|se trata de/i, text);
    });
  }

  it('a booking with no such words has no line', async () => {
    const chat = realChat('webchat', 'en');
    await chat.open('hi');
    const text = textOf(await chat.say('I need to book a physical'));
    assert.doesNotMatch(text, /988|1-800-555-0144/, text);
  });
});
