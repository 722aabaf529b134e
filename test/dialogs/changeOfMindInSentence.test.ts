import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { ALEX, MemberChat } from '../support/identity';

/**
 * Changes of mind said inside a sentence, and new requests typed where the assistant waits for an
 * answer (newcomer runs v9b: SK06, TK02, WJ12, TK05). Through the whole bot with the real
 * recognizer, in English and Spanish; sentences differ from the runs'.
 */

const REAL = { understanding: undefined, emergencyCheck: undefined };
const RESUME_OFFER = /go back to|seguir con/i;

async function webChat(es = false): Promise<MemberChat> {
  return new MemberChat({ channelId: 'webchat', locale: es ? 'es-US' : 'en-US', overrides: REAL });
}

async function teams(es = false): Promise<MemberChat> {
  const chat = new MemberChat({ channelId: 'msteams', locale: es ? 'es-US' : 'en-US', from: { id: '29:alex', aadObjectId: ALEX.teams }, overrides: REAL });
  await chat.open(es ? 'hola' : 'hi');
  return chat;
}

async function says(chat: MemberChat, lines: string[]): Promise<string> {
  let last = '';
  for (const line of lines) last = textOf(await chat.say(line));
  return last;
}

describe('changes of mind and new requests at an open question (SK06, TK02, WJ12, TK05)', function () {
  this.timeout(180_000);

  describe('"never mind" inside a sentence ends the task, saying nothing changed (SK06)', () => {
    it('English, while asked when: "actually never mind, ill keep the tuesday one" is no preferred time', async () => {
      const chat = await webChat();
      await chat.say('need to move my appt on tuesday');
      const text = textOf(await chat.say('actually never mind, ill keep the tuesday one'));
      assert.match(text, /Nothing was changed/, text);
      assert.doesNotMatch(text, /When would you prefer|page to move your appointment/, text);
      assert.doesNotMatch(textOf(await chat.say('what time does the pharmacy close')), RESUME_OFFER);
    });

    it('English, after the answer: "oh forget it, i will keep my appointment" starts no task again', async () => {
      const chat = await webChat();
      const text = await says(chat, ['need to move my appt on tuesday', 'thursday morning', 'oh forget it, i will keep my appointment']);
      assert.match(text, /leave it there/, text);
      assert.doesNotMatch(text, /When would you prefer/, text);
      assert.doesNotMatch(textOf(await chat.say('what time does the pharmacy close')), RESUME_OFFER);
    });

    it('Spanish: "bueno, olvídelo, así está bien" and "mejor no. déjalo así" end it', async () => {
      const chat = await webChat(true);
      await chat.say('necesito cambiar mi cita del martes');
      const text = textOf(await chat.say('bueno, olvídelo, así está bien'));
      assert.match(text, /No cambié nada/, text);
      assert.doesNotMatch(text, /¿Cuándo prefiere/, text);
      const booking = await webChat(true);
      await booking.say('quiero hacer una cita');
      assert.match(textOf(await booking.say('mejor no. déjalo así')), /No cambié nada/);
    });
  });

  describe('a dropped task, or one the member says they do not want, is not offered back (SK06, TK02)', () => {
    it('English: "no i dont want an appointment. is my metformin renewal sent?" gets no "go back to booking"', async () => {
      const chat = await teams();
      await chat.say('i also have no refills left on my metformin, what do i do');
      await chat.say('so do i need to send it to my doctor or is that already done');
      const text = textOf(await chat.say('no i dont want an appointment. is the metformin renewal already sent to my doctor?'));
      assert.match(text, /Metformin/, text);
      assert.doesNotMatch(text, RESUME_OFFER, text);
    });

    it('Spanish: "olvídalo, ¿a qué hora cierra la farmacia?" answers it and offers no way back', async () => {
      const chat = await webChat(true);
      await chat.say('quiero cambiar mi cita');
      const text = textOf(await chat.say('olvídalo, ¿a qué hora cierra la farmacia?'));
      assert.match(text, /Farmacia|farmacia/, text);
      assert.doesNotMatch(text, RESUME_OFFER, text);
    });
  });

  describe('a new request after a change of mind at a choice is routed afresh (WJ12)', () => {
    it('English: "actually nvm i want to cancel my appointment instead" while booking asks which visit to cancel', async () => {
      const chat = await teams();
      await chat.say('book a flu shot');
      const text = textOf(await chat.say('actually nvm i want to cancel my appointment instead'));
      assert.doesNotMatch(text, /among these choices/, text);
      assert.match(text, /Cancel|cancel/, text);
      assert.doesNotMatch(text, /Who is the appointment for/, text);
    });

    it('English, the run\'s words: the dentist is answered, not refused as no choice', async () => {
      const chat = await webChat();
      await chat.say('book a flu shot');
      const text = textOf(await chat.say('actually nvm i want to cancel my dentist thing instead'));
      assert.doesNotMatch(text, /among these choices/, text);
      assert.match(text, /dental/, text);
    });

    it('Spanish: "mejor no, quiero cancelar mi cita" while booking', async () => {
      const chat = await teams(true);
      await chat.say('quiero una cita para la vacuna');
      const text = textOf(await chat.say('mejor no, quiero cancelar mi cita'));
      assert.doesNotMatch(text, /entre estas opciones|¿Para quién es la cita/, text);
      assert.match(text, /[Cc]ancelar/, text);
    });
  });

  describe('a question of the task at "When would you prefer?" is answered, not read as a time (TK05)', () => {
    it('English: "what appointments does my son have" lists Sam\'s visits', async () => {
      const chat = await teams();
      await chat.say('i need to move my appointment');
      const text = textOf(await chat.say('what appointments does my son have'));
      assert.doesNotMatch(text, /couldn't tell which day/, text);
      assert.match(text, /Sam's upcoming appointments/, text);
    });

    it('Spanish: "¿qué citas tiene mi hijo?" is not a failed time', async () => {
      const chat = await webChat(true);
      await chat.say('necesito cambiar mi cita');
      const text = textOf(await chat.say('¿qué citas tiene mi hijo?'));
      assert.doesNotMatch(text, /no pude saber qué día/, text);
      assert.match(text, /Mis citas|citas/, text);
    });

    it('a time asked as a question is still the answer: "can we do thursday morning?"', async () => {
      const chat = await webChat();
      await chat.say('i need to move my appointment');
      assert.match(textOf(await chat.say('can we do thursday morning?')), /looking for Thursday/);
    });
  });
});
