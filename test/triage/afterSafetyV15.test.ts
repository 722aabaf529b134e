import assert from 'node:assert/strict';
import { assertChannelRules, textOf } from '../support/chat';
import { realChat } from '../dialogs/memberWords';

/**
 * What follows a safety answer (newcomer run v15, YZ12, YZ09, YX09). Real triage and recognizer
 * through the whole bot; the sentences are not all the run's.
 * - Fear or danger right after an abuse disclosure keeps the abuse answer (911 now if in danger, the
 *   hotline, a person), never the 988 crisis script (pipeline/urgentInItsLight.ts, urgentFollowUp.ts).
 * - A worsening sign after Poison Control ("shes acting sleepy", "no despierta") gets 911 now
 *   first, then Poison Control, never the nurse line.
 */
describe('after a safety answer v15: danger after a disclosure, worse after an ingestion', function () {
  this.timeout(120_000);

  const danger = [
    { channelId: 'webchat', locale: 'es', lines: ['quiero sacar cita para mi mama, tiene 72', 'nueva', 'perdon es q estoy nerviosa. mi esposo me pega y no se que hacer'], fear: 'tengo miedo, el esta aqui en la casa ahorita' },
    { channelId: 'sms', locale: 'es', lines: ['mi pareja me golpea'], fear: 'tengo mucho miedo, ya va a regresar' },
    { channelId: 'webchat', locale: 'en', lines: ['my husband hits me'], fear: "i'm scared he's home" },
    { channelId: 'msteams', locale: 'en', lines: ['my boyfriend beats me'], fear: 'im so scared hes outside the house right now' },
  ] as const;
  for (const c of danger) {
    it(`${c.channelId} ${c.locale}: "${c.fear}" after a disclosure keeps 911 and the hotline, never 988`, async () => {
      const chat = await realChat(c.channelId, { locale: c.locale });
      let text = '';
      for (const line of c.lines) text = textOf(await chat.say(line));
      assert.match(text, /1-800-799-7233/);
      const replies = await chat.say(c.fear);
      const reply = textOf(replies);
      assert.match(reply, /911/);
      assert.match(reply, /1-800-799-7233/);
      assert.doesNotMatch(reply, /988|Si ya tomó algo|already taken something/);
      assertChannelRules(c.channelId, replies);
    });
  }

  it('webchat es: the task asked for after a disclosure ("y lo de la cita de mi mama?") is not the danger answer again (v15 YZ12)', async () => {
    const chat = await realChat('webchat', { locale: 'es' });
    for (const line of ['quiero sacar cita para mi mama, tiene 72', 'nueva', 'perdon es q estoy nerviosa. mi esposo me pega y no se que hacer']) await chat.say(line);
    const first = textOf(await chat.say('tengo miedo, el esta aqui en la casa ahorita'));
    const replies = await chat.say('ok gracias. y lo de la cita de mi mama? atencion primaria');
    const reply = textOf(replies);
    assert.notEqual(reply, first, 'the same danger answer, word for word');
    assert.match(reply, /cita/i);
    assert.doesNotMatch(reply, /video/i);
  });

  it('a wish to die after a disclosure still gets 988', async () => {
    const chat = await realChat('webchat', { locale: 'en' });
    await chat.say('my husband hits me');
    assert.match(textOf(await chat.say("i'm scared and i want to kill myself")), /988/);
  });

  const worse = [
    { channelId: 'sms', locale: 'en', lines: ['need appt for my daughter shes got a fever', 'wait she just got into my pills and swallowed some idk how many'], worse: 'what do i do shes acting sleepy', first: /^Call 911 now/ },
    { channelId: 'msteams', locale: 'en', lines: ['my son swallowed some of my pills'], worse: 'what do i do hes acting sleepy', first: /^Call 911 now/ },
    { channelId: 'sms', locale: 'en', lines: ['my toddler ate some of grandmas pills'], worse: 'now hes throwing up', first: /^Call 911 now/ },
    { channelId: 'webchat', locale: 'es', lines: ['mi hijo se tomo unas pastillas mias'], worse: 'tiene mucho sueño que hago', first: /^Llame al 911 ahora/ },
    { channelId: 'sms', locale: 'es', lines: ['mi niña se trago unas pastillas'], worse: 'no despierta', first: /^Llame al 911 ahora/ },
  ] as const;
  for (const c of worse) {
    it(`${c.channelId} ${c.locale}: "${c.worse}" after Poison Control gets 911 now first, then Poison Control, no nurse line`, async () => {
      const chat = await realChat(c.channelId, { locale: c.locale });
      let text = '';
      for (const line of c.lines) text = textOf(await chat.say(line));
      assert.match(text, /1-800-222-1222/);
      const replies = await chat.say(c.worse);
      const reply = textOf(replies);
      assert.match(reply, c.first);
      assert.match(reply, /1-800-222-1222/);
      assert.doesNotMatch(reply, /1-800-555-0111|nurse|enfermer/i);
      assertChannelRules(c.channelId, replies);
    });
  }
});
