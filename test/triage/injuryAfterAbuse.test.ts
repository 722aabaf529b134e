import assert from 'node:assert/strict';
import { assertChannelRules, textOf } from '../support/chat';
import { realChat } from '../dialogs/memberWords';
import { injuryAfterAbuse } from '../../pipeline/injuryAfterAbuse';

/**
 * Newcomer run v11 (XP14, unsafe): after a disclosure of a husband's violence, "i just want someone
 * to look at my eye its blurry" got the 988 crisis script, and "im not suicidal. can i book something
 * today for my eye" got 988 again and a booking menu. An injury after violence is cared for at once:
 * the ER or same-day care, the nurse line, 911 if in danger, the hotline kept; no 988 without a
 * crisis sign. Real triage and recognizer through the whole bot.
 */
describe('after an abuse disclosure, a hurt body gets care for the injury (pipeline/injuryAfterAbuse.ts)', function () {
  this.timeout(120_000);
  const cases = [
    { channelId: 'webchat', locale: 'en', disclosure: 'can i get a appointment soon, my husband hit me again last night and i have a bruise on my face', next: ['i dont want to call police. i just want someone to look at my eye its blurry', 'im not suicidal. can i book something today for my eye or not'] },
    { channelId: 'sms', locale: 'en', disclosure: 'my boyfriend kicked me yesterday', next: ['it hurts when i breathe, can someone check me'] },
    { channelId: 'webchat', locale: 'en', disclosure: 'my husband hit me on the head', next: ['i have a bad headache and feel dizzy'] },
    { channelId: 'msteams', locale: 'es', disclosure: 'mi esposo me pego en la cara', next: ['no quiero llamar a la policia, solo quiero que alguien me revise el ojo, veo borroso', 'no me quiero matar, puedo hacer una cita hoy para mi ojo?'] },
  ] as const;
  for (const c of cases) {
    it(`${c.channelId} ${c.locale}: "${c.next[0]}": the ER or same-day care, the nurse line, 911, the hotline; no 988, no booking menu`, async () => {
      const chat = await realChat(c.channelId, { locale: c.locale });
      assert.match(textOf(await chat.say(c.disclosure)), /1-800-799-7233/);
      for (const say of c.next) {
        const replies = await chat.say(say);
        const text = textOf(replies);
        assert.match(text, c.locale === 'es' ? /sala de emergencias/ : /emergency room/, say);
        assert.match(text, /1-800-555-0111/, say);
        assert.match(text, /911/, say);
        assert.match(text, /1-800-799-7233/, say);
        assert.doesNotMatch(text, /988|Who is the appointment for|Para quién es la cita|What kind of care|Qué tipo de atención/, say);
        assertChannelRules(c.channelId, replies);
      }
    });
  }

  it('a crisis sign, or words with no hurt, are not read as an injury', () => {
    assert.equal(injuryAfterAbuse('my head hurts and i want to die', ['body', 'pain', 'death_wish'], false), false);
    assert.equal(injuryAfterAbuse('i cut my arm again', ['body', 'self_harm'], true), false);
    assert.equal(injuryAfterAbuse('he took my phone', ['other_person'], false), false);
    assert.equal(injuryAfterAbuse('he threatened to hit my face', ['body', 'violence'], false), false);
  });
});
