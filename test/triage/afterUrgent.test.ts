import assert from 'node:assert/strict';
import { assertChannelRules, choicesOf, textOf } from '../support/chat';
import { realChat } from '../dialogs/memberWords';

/**
 * What a member writes just after an emergency or abuse answer, read in its light (the newcomer
 * run v4: SB08, WA17, WA32, TB16), with the real triage and recognizer through the whole bot. The
 * sentences here are not the run's: the cause is what is tested, not its wording.
 */
describe('after an urgent answer: the abuse context, a refusal, a call already made (pipeline/urgentFollowUp.ts)', function () {
  this.timeout(60_000);

  describe('SMS: after an abuse disclosure, "I can\'t talk, he is here" is answered as abuse, never as a medical emergency', () => {
    it('English: the text line (START to 88788), 911 if in danger, a person; no "emergency department"', async () => {
      const chat = await realChat('sms');
      assert.match(textOf(await chat.say('my girlfriend slaps me around and i am scared to go home')), /1-800-799-7233/);
      const next = await chat.say('cant talk hes next to me');
      const text = textOf(next);
      assert.match(text, /text START to 88788/);
      assert.match(text, /\b911\b/);
      assert.doesNotMatch(text, /emergency department|medical emergency/i);
      assert.ok(choicesOf(next).some((c) => /person/i.test(c)), choicesOf(next).join(' | '));
      assertChannelRules('sms', next);
      // and the next message is still read in the abuse answer's light
      assert.match(textOf(await chat.say('ok')), /88788/);
      // a new medical sign after a disclosure still gets the emergency answer
      const other = await realChat('sms');
      assert.match(textOf(await other.say('my girlfriend slaps me around and i am scared to go home')), /1-800-799-7233/);
      assert.match(textOf(await other.say('he choked me and now i cant breathe')), /Call 911 now/);
    });

    it('Spanish: the same in Spanish', async () => {
      const chat = await realChat('sms', { locale: 'es' });
      assert.match(textOf(await chat.say('mi esposo me golpea cuando toma y le tengo miedo')), /1-800-799-7233/);
      const text = textOf(await chat.say('no puedo hablar ahorita él está en la casa'));
      assert.match(text, /START por texto al 88788/);
      assert.match(text, /\b911\b/);
      assert.doesNotMatch(text, /sala de emergencias|emergencia médica/i);
    });
  });

  describe('Web Chat: a refusal after 911 gets an answer to it, and no menu in the same turn', () => {
    it('English: "not going to the hospital" and "just book a visit instead": why 911 now, the nurse line, no menu', async () => {
      const chat = await realChat('webchat');
      assert.match(textOf(await chat.say('my grandpa collapsed and isnt waking up')), /\b911\b/);
      const next = await chat.say("we're not going to the hospital, he hates hospitals");
      const text = textOf(next);
      assert.match(text, /paramedics come to you/);
      assert.match(text, /nurse line at 1-800-555-0111/);
      assert.doesNotMatch(text, /bill|What would you like|988/i);
      assert.deepEqual(choicesOf(next), []);

      const other = await realChat('webchat');
      assert.match(textOf(await other.say('my wife is having a seizure and wont stop shaking')), /\b911\b/);
      const visit = await other.say('could we book a doctor visit for tomorrow instead');
      assert.match(textOf(visit), /please call 911 now anyway/);
      assert.doesNotMatch(textOf(visit), /Who is the appointment for|What would you like/);
      assert.deepEqual(choicesOf(visit), []);
    });

    it('Spanish: "no la voy a llevar al hospital": what 911 does, the nurse line; no 988 line and no billing menu', async () => {
      const chat = await realChat('webchat', { locale: 'es' });
      assert.match(textOf(await chat.say('mi mamá se cayó y no reacciona')), /\b911\b/);
      const next = await chat.say('no la voy a llevar al hospital');
      const text = textOf(next);
      assert.match(text, /Los paramédicos van a donde usted está/);
      assert.match(text, /línea de enfermería al 1-800-555-0111/);
      assert.doesNotMatch(text, /988|factura/);
      assert.deepEqual(choicesOf(next), []);
    });
  });

  describe('Teams: "I already called" after Poison Control or 911 is acknowledged, not told to call again', () => {
    it('Spanish: after Poison Control, "ya les hablé y me dijeron que la vigile": follow their advice, 911 if worse', async () => {
      const chat = await realChat('msteams', { locale: 'es' });
      const first = textOf(await chat.say('mi niña se bebió un poco de cloro'));
      assert.match(first, /1-800-222-1222/);
      const next = await chat.say('ya les hablé y me dijeron que la vigile');
      const text = textOf(next);
      assert.match(text, /gracias por llamar a Control de Envenenamientos\. Siga sus indicaciones/);
      assert.match(text, /Llame al 911 de inmediato si/);
      assert.doesNotMatch(text, /Por favor llame a Control de Envenenamientos ahora/);
      assertChannelRules('msteams', next);
    });

    it('English: "just got off the phone with poison control", and "the ambulance is on its way" after 911', async () => {
      const chat = await realChat('msteams');
      assert.match(textOf(await chat.say('my son ate a couple of my blood pressure pills')), /1-800-222-1222/);
      const text = textOf(await chat.say('just got off the phone with poison control'));
      assert.match(text, /thank you for calling Poison Control\. Follow their advice/);
      assert.doesNotMatch(text, /Please call Poison Control now|Call Poison Control now/);

      const other = await realChat('msteams');
      assert.match(textOf(await other.say('my grandpa collapsed and isnt waking up')), /\b911\b/);
      const called = textOf(await other.say('ok the ambulance is on its way'));
      assert.match(called, /Thank you for calling\. Follow what the dispatcher or the paramedics tell you/);
      assert.doesNotMatch(called, /Please don't wait|Call 911 now/);
    });
  });
  describe('calling now, and a mental-health visit after a crisis answer (newcomer run v4, TD05, TD11)', () => {
    it('Teams: "ok, dialing now" after 911 is thanked, not answered as a refusal', async () => {
      const chat = await realChat('msteams');
      assert.match(textOf(await chat.say('my wife collapsed and she is not waking up')), /Call 911 now/);
      const text = textOf(await chat.say('ok dialing now'));
      assert.match(text, /Thank you for calling/);
      assert.doesNotMatch(text, /could come too late|Please don't wait/);
    });

    it('Web Chat, Spanish: "ahorita llamo" after Poison Control is thanked', async () => {
      const chat = await realChat('webchat', { locale: 'es' });
      assert.match(textOf(await chat.say('mi hijo se tomó unas pastillas de su abuela')), /1-800-222-1222/);
      assert.doesNotMatch(textOf(await chat.say('ok ahorita llamo')), /Por favor llame|ahora mismo/);
    });

    it('Teams: after a crisis answer, "could I just see a counselor instead" goes on to the booking, with 988 first', async () => {
      const chat = await realChat('msteams');
      assert.match(textOf(await chat.say('honestly i want to end my life')), /988/);
      const text = textOf(await chat.say('could i just book an appointment with a counselor instead'));
      assert.match(text, /988/);
      assert.match(text, /appointment|What would you like to do|mental health visit/i, text);
      assert.doesNotMatch(text, /I'm still here/);
    });
  });
});

describe('a refusal of the ER read in the answer\'s light, whatever the model hears in it (newcomer run v5, SF05, TF12)', function () {
  this.timeout(60_000);

  it('SMS: after 911 for chest pain, "i dont want to take him to the ER he hates hospitals" gets the answer to a refusal, never the DV hotline', async () => {
    const chat = await realChat('sms');
    assert.match(textOf(await chat.say('my husband has crushing chest pain and is struggling to breathe')), /\b911\b/);
    const text = textOf(await chat.say('i dont want to take him to the ER he hates hospitals'));
    assert.match(text, /911/);
    assert.doesNotMatch(text, /1-800-799-7233|88788/);
  });

  it('Teams: after the nurse line for a sore throat, "i dont wanna go to the hospital" gets the nurse line, an e-visit and a same-day visit, not a menu', async () => {
    const chat = await realChat('msteams');
    assert.match(textOf(await chat.say('my throat is sore and i have had a fever since yesterday')), /1-800-555-0111/);
    const text = textOf(await chat.say('i dont wanna go to the hospital'));
    assert.match(text, /nurse line/i);
    assert.doesNotMatch(text, /What would you like|bill/i);
  });
});
