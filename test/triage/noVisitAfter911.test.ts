import assert from 'node:assert/strict';
import { linksOf, textOf } from '../support/chat';
import { realChat } from '../dialogs/memberWords';

/**
 * Newcomer run v9 (WJ20): after 911 for a toddler whose symptoms got worse, "puedo llevarla mañana
 * o es urgente?" got "call 911 now" and then the e-visit / same-day visit card (for=self), which
 * dilutes it. After the urgent answer's reminder line, symptoms get the nurse line only: no e-visit,
 * no same-day visit. Real triage and recognizer.
 */
describe('after 911, symptoms get no e-visit or same-day visit (dialogs/triage.ts, WJ20)', function () {
  this.timeout(120_000);

  const cases = [
    { locale: 'es' as const, first: 'mi hija tiene fiebre de 39 y vomita desde anoche', worse: 'tiene 2 años. ya no quiere tomar agua y esta muy dormida', next: 'puedo llevarla mañana o es urgente?' },
    { locale: 'en' as const, first: 'my daughter has a 103 fever and keeps throwing up', worse: "she's 2. she won't drink anything and she's very hard to wake up", next: 'can i take her in tomorrow or is it urgent?' },
  ];

  for (const c of cases) {
    for (const channelId of ['webchat', 'sms'] as const) {
      it(`${channelId} ${c.locale}: 911 first, then no e-visit or same-day visit`, async () => {
        const chat = await realChat(channelId, { locale: c.locale });
        await chat.say(c.first);
        assert.match(textOf(await chat.say(c.worse)), /911/);
        const replies = await chat.say(c.next);
        const text = textOf(replies);
        assert.match(text, /911/);
        assert.ok(!linksOf(replies).some((l) => /e-visit|reason=urgent/.test(l)), linksOf(replies).join('\n'));
        assert.ok(!/e-visit|same-day|consulta en línea|cita para hoy/i.test(text), text);
      });
    }
  }

  // Newcomer run v12 (YV09): booking a video visit, then chest tightness and a numb arm (911), then
  // "should i still do the video visit tho" got "call 911 now" AND the video-visits menu.
  for (const c of [
    { channelId: 'webchat' as const, locale: 'en' as const, start: 'i want to book a video visit', sign: 'actually my chest has been tight all morning and my left arm feels kinda weird', next: 'should i still do the video visit tho' },
    { channelId: 'sms' as const, locale: 'es' as const, start: 'quiero una cita', sign: 'me aprieta el pecho y se me duerme el brazo izquierdo', next: 'mejor hago una videollamada con el doctor?' },
  ]) {
    it(`${c.channelId} ${c.locale}: a visit asked for instead of 911 gets "call anyway", no visit menu (YV09)`, async () => {
      const chat = await realChat(c.channelId, { locale: c.locale });
      await chat.say(c.start);
      assert.match(textOf(await chat.say(c.sign)), /911/);
      const replies = await chat.say(c.next);
      const text = textOf(replies);
      assert.match(text, /911/);
      assert.match(text, /1-800-555-0111/, 'the nurse line, if sure it is not an emergency');
      assert.ok(!/What do you need for video visits|Book a video visit|Qué necesita|Who is the appointment for|Para quién/i.test(text), text);
    });
  }
});

