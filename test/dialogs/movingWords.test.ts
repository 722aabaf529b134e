import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { choicesOf, textOf } from '../support/chat';
import { ALEX, MemberChat } from '../support/identity';

/**
 * Moving and booking a visit in members' words (newcomer run v4: TD04, WC02, WC19, TD14, WC28,
 * SD07, TD06), through the whole bot with the real recognizer. Sentences differ from the run's.
 */

const REAL = { understanding: undefined, emergencyCheck: undefined };

async function chatOn(channelId: 'webchat' | 'msteams' | 'sms', locale?: 'es'): Promise<MemberChat> {
  const from = channelId === 'msteams' ? { id: '29:alex', aadObjectId: ALEX.teams } : channelId === 'sms' ? { id: ALEX.phone } : undefined;
  const chat = new MemberChat({
    channelId,
    ...(from ? { from } : {}),
    ...(channelId !== 'sms' ? { locale: locale === 'es' ? 'es-US' : 'en-US' } : {}),
    overrides: REAL,
  });
  await chat.open(locale === 'es' ? 'hola' : 'hi');
  if (channelId === 'webchat') await chat.signIn(ALEX.memberId);
  return chat;
}

/** SMS: a new primary-care visit in person for the member, the code typed in, the first time picked. */
async function toConfirmation(chat: MemberChat, es: boolean): Promise<Partial<Activity>[]> {
  await chat.say(es ? 'quiero sacar una cita nueva para mí' : 'i want to set up a new appointment for myself');
  await chat.say(es ? 'Atención primaria' : 'Primary care');
  await chat.say(es ? 'En persona' : 'In person');
  const asked = await chat.say(es ? 'cualquier momento' : 'any time');
  const code = /\b(\d{6})\b/.exec(textOf(await chat.say('1')))?.[1];
  assert.ok(code, textOf(asked));
  const times = await chat.say(code);
  assert.ok(choicesOf(times).length > 1, textOf(times));
  const confirm = await chat.say('1');
  assert.match(textOf(confirm), es ? /Reservar|Programar|¿/ : /Book .*\?/, textOf(confirm));
  return confirm;
}

/** A new primary-care visit in person for the member, up to "When would you prefer?". */
async function toWhen(chat: MemberChat, es: boolean): Promise<void> {
  await chat.say(es ? 'quiero sacar una cita nueva para mí' : 'i want to set up a new appointment for myself');
  await chat.say(es ? 'Atención primaria' : 'Primary care');
  await chat.say(es ? 'En persona' : 'In person');
}

describe('moving and booking a visit in members words', function () {
  this.timeout(60_000);

  describe('SMS: short yes at a confirmation (SD07)', () => {
    for (const said of ['Y', 'yup', 'k']) {
      it(`English: "${said}" books the time`, async () => {
        const chat = await chatOn('sms');
        await toConfirmation(chat, false);
        const text = textOf(await chat.say(said));
        assert.match(text, /You're booked/, text);
      });
    }

    it('Spanish: "s" books the time, and "y" is not a yes', async () => {
      const chat = await chatOn('sms', 'es');
      await toConfirmation(chat, true);
      const notYes = textOf(await chat.say('y'));
      assert.doesNotMatch(notYes, /Listo|reservad|programad/i, notYes);
      const chat2 = await chatOn('sms', 'es');
      await toConfirmation(chat2, true);
      const text = textOf(await chat2.say('s'));
      assert.match(text, /Listo|reservad|programad/i, text);
    });
  });

  describe('Teams: moving a visit asks which visit before when, and "same place?" is answered (TD04)', () => {
    it('English: which visit first, then when naming it; "is the new one at the same clinic?" keeps the move going', async () => {
      const chat = await chatOn('msteams');
      const which = await chat.say('i have to reschedule my appt');
      assert.match(textOf(which), /Which appointment do you want to move\?/, textOf(which));
      const when = textOf(await chat.say('the video one'));
      assert.match(when, /When would you prefer to move your video visit on Tue, Jun 10/, when);
      const place = textOf(await chat.say('is the new one at the same clinic?'));
      assert.match(place, /same clinic/, place);
      assert.match(place, /When would you prefer to move your video visit/, place);
      const done = textOf(await chat.say('monday afternoon'));
      assert.match(done, /move your video visit on Tue, Jun 10.*looking for Monday, June 9, in the afternoon/, done);
    });

    it('Spanish: "¿mismo lugar?" right after the move is answered, not a new move', async () => {
      const chat = await chatOn('msteams', 'es');
      assert.match(textOf(await chat.say('necesito mover mi cita')), /¿Qué cita quiere cambiar\?/);
      assert.match(textOf(await chat.say('la de laboratorio')), /¿Cuándo prefiere cambiar su consulta en persona del mar, 17 de jun/);
      assert.match(textOf(await chat.say('el viernes temprano')), /buscando viernes, 6 de junio/);
      const after = textOf(await chat.say('y es en el mismo sitio?'));
      assert.match(after, /misma clínica/, after);
      assert.doesNotMatch(after, /¿Qué cita quiere cambiar|¿Cuándo prefiere/, after);
    });
  });

  describe('days and times in members words (SD07, TD14, WC28)', () => {
    it('Teams: a short day name ("sat afternoon") is that day: none on Saturday is said, no other days silently', async () => {
      const chat = await chatOn('msteams');
      await toWhen(chat, false);
      const replies = await chat.say('sat afternoon works');
      const text = `${textOf(replies)}\n${choicesOf(replies).join('\n')}`;
      assert.match(text, /Nothing is open on Saturday, June 7/, text);
      assert.doesNotMatch(text, /Fri, Jun 6, \d+:\d\d AM/, text);
    });

    it('Teams: "sun afternoon" says Sunday has nothing, never other days silently', async () => {
      const chat = await chatOn('msteams');
      await toWhen(chat, false);
      const text = textOf(await chat.say('sun afternoon please'));
      assert.match(text, /Nothing is open on Sunday, June 8/, text);
    });
  });

  describe('Teams: the visit mode said to "When would you prefer?" (TD06)', () => {
    it('English: "in person, nearest clinic" is kept and when asked again, not "couldn\'t tell which day"', async () => {
      const chat = await chatOn('msteams');
      await chat.say('i need to book a blood test for my kid');
      const text = textOf(await chat.say('in person, nearest clinic please'));
      assert.doesNotMatch(text, /couldn't tell which day/, text);
      assert.match(text, /Got it: In person\.[\s\S]*When would you prefer\?/, text);
    });

    it('Spanish: "mejor por video" is kept as video and when asked again', async () => {
      const chat = await chatOn('msteams', 'es');
      await toWhen(chat, true);
      const text = textOf(await chat.say('mejor por video'));
      assert.doesNotMatch(text, /no pude saber qué día/i, text);
      assert.match(text, /Entendido: Por video\.[\s\S]*¿Cuándo prefiere\?/, text);
    });
  });
});
