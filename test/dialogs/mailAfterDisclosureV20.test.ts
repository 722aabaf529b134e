import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat, RecordingEscalation } from './memberWords';
import { has, hasLink, say, sayAll } from './replyChecks';

/**
 * Newcomer run v20 (Web Chat, English): after a domestic-violence disclosure answered with the
 * hotline, "can u just mail the new card somewhere else, like my sisters place?" got the ID-card
 * answer word for word, "how do i change the mailing address so he doesnt see my mail" got the
 * hotline text again, and "Talk to a person" went to the Billing line (the ID-card question before
 * it). A practical request about mail, an address or contact details after a disclosure gets where
 * they go (the contact details page, Member Services, confidential communications), with no repeat
 * of the hotline text; a person asked for after a disclosure is no earlier topic's line. Through the
 * whole bot with the real recognizer and safety triage; the run's sentences and others.
 */

type Channel = 'webchat' | 'msteams' | 'sms';
type Case = { channel: Channel; locale: 'en' | 'es'; before: string[]; then: string[]; person: string };

const HOTLINE = '1-800-799-7233';
const CONTACT_PAGE = '/secure/profile/contact-information';

const CASES: Case[] = [
  {
    channel: 'webchat', locale: 'en',
    before: ['i need a new id card', 'my boyfriend hits me and i am scared of him'],
    then: ['can u just mail the new card somewhere else, like my sisters place? i dont want it coming to the apartment', 'ok but how do i change the mailing address so he doesnt see my mail'],
    person: 'Talk to a person',
  },
  {
    channel: 'webchat', locale: 'en',
    before: ['how do i get a replacement insurance card', 'my husband hurts me when he drinks, im afraid of him'],
    then: ['could you send my mail to my friends house instead', 'i need to update my address so he cant find my letters'],
    person: 'can i talk to someone',
  },
  {
    channel: 'msteams', locale: 'en',
    before: ['my partner shoves me and threatens me every night'],
    then: ['how do i change my phone number and email on my account so he doesnt get my messages'],
    person: 'i want to talk to a real person',
  },
  {
    channel: 'webchat', locale: 'es',
    before: ['necesito una tarjeta de miembro nueva', 'mi esposo me pega y le tengo miedo'],
    then: ['me pueden mandar la tarjeta a casa de mi hermana? no quiero que llegue al departamento', 'como cambio mi direccion para que el no vea mi correo'],
    person: 'quiero hablar con una persona',
  },
  {
    channel: 'msteams', locale: 'es',
    before: ['mi novio me golpea y me amenaza'],
    then: ['quiero actualizar mi direccion postal para que mis cartas no lleguen a la casa'],
    person: 'hablar con alguien',
  },
];

describe('v20: after a disclosure, mail or contact details sent elsewhere get where they go; a person is no earlier topic', function () {
  this.timeout(120_000);
  for (const c of CASES) {
    it(`${c.channel} ${c.locale}: ${c.then[0]}`, async () => {
      const escalation = new RecordingEscalation();
      const chat = await realChat(c.channel, { locale: c.locale, escalation });
      const disclosed = await sayAll(chat, c.channel, c.before);
      assert.ok(textOf(disclosed).includes(HOTLINE), `no hotline for the disclosure:\n${textOf(disclosed)}`);
      for (const line of c.then) {
        const replies = await say(chat, c.channel, line);
        has(c.locale, replies, 'urgentFollowUp.mail.abuse');
        hasLink(replies, CONTACT_PAGE);
        assert.ok(!textOf(replies).includes(HOTLINE), `the hotline text again for "${line}":\n${textOf(replies)}`);
        assert.ok(!/ID card is on the page|tarjeta de miembro está en la página/i.test(textOf(replies)), `the ID-card answer for "${line}":\n${textOf(replies)}`);
      }
      await say(chat, c.channel, c.person);
      assert.equal(escalation.requests.length, 1, 'no hand-off to a person');
      assert.ok(!['billing', 'id_card'].includes(escalation.requests[0]!.intent ?? ''), `a topic line: ${escalation.requests[0]!.intent}`);
    });
  }

  it('webchat en: a new danger said with the address keeps its safety answer', async () => {
    const chat = await realChat('webchat', { locale: 'en' });
    await say(chat, 'webchat', 'my boyfriend hits me and i am scared of him');
    const replies = await say(chat, 'webchat', 'i need to change my address, he is outside with a knife right now');
    assert.ok(textOf(replies).includes('911'), textOf(replies));
  });
});
