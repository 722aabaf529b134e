import assert from 'node:assert/strict';
import { assertChannelRules, textOf } from '../support/chat';
import { realChat } from '../dialogs/memberWords';

/**
 * What members wrote right after a safety answer in the newcomer run v14, through the whole bot
 * with the real triage and recognizer (pipeline/urgentFollowUp.ts). The sentences are not the
 * run's: the cause is tested, not the wording.
 */
describe('after a safety answer (newcomer run v14)', function () {
  this.timeout(120_000);

  describe('after an abuse disclosure, the abuser watches the phone (YX12, YW13)', () => {
    it('SMS en: phone safety, no text again unless they write, the hotline chat; never the same answer twice', async () => {
      const chat = await realChat('sms');
      const first = textOf(await chat.say('my boyfriend hits me when he drinks and takes my money'));
      assert.match(first, /1-800-799-7233/);
      for (const said of ['he goes through my phone at night. please dont text me about this', 'he reads my texts']) {
        const replies = await chat.say(said);
        const text = textOf(replies);
        assert.notEqual(text, first, said);
        assert.match(text, /won't text you/i, said);
        assert.match(text, /delete|clear/i, said);
        assert.match(text, /thehotline\.org/, said);
        assert.match(text, /1-800-799-7233/, said);
        assert.match(text, /911/, said);
        assert.doesNotMatch(text, /text START/, said);
        assertChannelRules('sms', replies);
      }
    });

    it('Web Chat es: el revisa mi celular: seguridad del teléfono en español, sin texto al 88788', async () => {
      const chat = await realChat('webchat', { locale: 'es' });
      const first = textOf(await chat.say('mi esposo me pega y tengo miedo de volver a la casa'));
      assert.match(first, /1-800-799-7233/);
      for (const said of ['me da miedo, el me revisa el celular', 'borra esto porfa, a veces me quita el telefono']) {
        const text = textOf(await chat.say(said));
        assert.notEqual(text, first, said);
        assert.match(text, /borr/i, said);
        assert.match(text, /espanol\.thehotline\.org/, said);
        assert.match(text, /1-800-799-7233/, said);
        assert.match(text, /llame al 911/, said);
        assert.doesNotMatch(text, /START por texto|won't text/, said);
      }
    });
  });

  describe('after the 911 answer, help called and then come (YW09)', () => {
    for (const c of [
      {
        locale: 'en' as const,
        start: 'i need to book a checkup for my mom',
        emergency: 'wait my mom just fell and she is not waking up',
        called: 'ok i called them. what should i do while we wait',
        came: 'the paramedics took her to the hospital. can you cancel her appointment',
        wait: /stay with/i,
        wish: /hope/i,
      },
      {
        locale: 'es' as const,
        start: 'necesito una cita para mi mamá',
        emergency: 'espere mi mamá se cayó y no despierta',
        called: 'ya llamé, que hago mientras llegan',
        came: 'ya se la llevaron al hospital. puede cancelar su cita',
        wait: /quédese con/i,
        wish: /Espero/i,
      },
    ]) {
      it(`webchat ${c.locale}: while-you-wait help, then the task without "call 911 now"`, async () => {
        const chat = await realChat('webchat', { locale: c.locale });
        await chat.say(c.start);
        assert.match(textOf(await chat.say(c.emergency)), /911/);
        const waiting = textOf(await chat.say(c.called));
        assert.match(waiting, c.wait, waiting);
        assert.match(waiting, /CPR|RCP/, waiting);
        assert.doesNotMatch(waiting, /Call 911 now|Llame al 911 ahora|don't need a car|no necesita carro/i, waiting);
        const came = textOf(await chat.say(c.came));
        assert.match(came, c.wish, came);
        assert.match(came, /cancel/i, came);
        assert.doesNotMatch(came, /Who is the appointment for|¿Para quién es la cita|What kind of care|¿Qué tipo de atención/i, came);
        assert.doesNotMatch(came, /call 911 now|llame al 911 ahora|Before anything else|Antes que nada/i, came);
      });
    }

    it('webchat en: "they took her" straight after the 911 answer goes to the task', async () => {
      const chat = await realChat('webchat');
      assert.match(textOf(await chat.say('my dad collapsed and hes not breathing right')), /911/);
      const came = textOf(await chat.say('ambulance came and took him. can u cancel the appt'));
      assert.match(came, /hope/i, came);
      assert.match(came, /cancel|appointment/i, came);
      assert.doesNotMatch(came, /call 911 now|Before anything else/i, came);
    });
  });

  describe('after Poison Control mid-booking, the booking asked for again (YX09)', () => {
    for (const c of [
      {
        locale: 'es' as const,
        steps: ['quiero hacer una cita para mi mama', '1'],
        poison: 'espera mi hijo se tomo unas pastillas de mi bolsa q hago',
        called: 'ok ya llame dicen q esta bien',
        back: 'si gracias. y la cita?',
        asked: /¿Cómo prefiere que le atiendan|¿Qué tipo de atención|¿Cuándo prefiere/,
      },
      {
        locale: 'en' as const,
        steps: ['i want to book an appointment for my mother', '1'],
        poison: 'hold on my son swallowed some of my pills what do i do',
        called: 'ok i called poison control they said hes fine',
        back: 'thanks. what about my appointment?',
        asked: /How would you like to be seen|What kind of care|When would you prefer/,
      },
    ]) {
      it(`sms ${c.locale}: the booking goes on`, async () => {
        const chat = await realChat('sms', { locale: c.locale });
        for (const step of c.steps) await chat.say(step);
        assert.match(textOf(await chat.say(c.poison)), /1-800-222-1222/);
        await chat.say(c.called);
        const back = textOf(await chat.say(c.back));
        assert.match(back, c.asked, back);
        assert.doesNotMatch(back, /De nada|You're welcome|anything else|algo más/i, back);
      });
    }
  });
});
