import assert from 'node:assert/strict';
import { assertChannelRules, linksOf, textOf } from '../support/chat';
import { realChat } from '../dialogs/memberWords';

/**
 * Newcomer run v10 (WM12): after a disclosure of a partner's violence, "Talk to a person" with no
 * agent on got "Or ask us to call you back" and a secure-message link, to someone whose abuser
 * knows her password. After a disclosure the other ways to reach a person are discreet: the phone
 * line to call when it is safe, and to tell us a safe way to be reached; no call back, no portal
 * message. After a crisis or a medical emergency nothing changes (the number first, then every way).
 */
describe('a person asked for after a disclosure: reached discreetly (handoff/core/contact.ts)', function () {
  this.timeout(90_000);
  const cases = [
    { channelId: 'webchat', locale: 'en', disclosure: 'my husband hits me and he reads everything on my phone', person: 'can i talk to someone', discreet: /call us yourself when it is safe/ },
    { channelId: 'sms', locale: 'es', disclosure: 'mi pareja me pega y revisa mi celular', person: 'quiero hablar con una persona', discreet: /llámenos usted cuando sea seguro/ },
    { channelId: 'msteams', locale: 'en', disclosure: 'my son takes my pension and locks me in my room', person: 'talk to a person', discreet: /call us yourself when it is safe/ },
  ] as const;

  for (const c of cases) {
    it(`${c.channelId} ${c.locale}: the phone line and how to be reached safely; no call back, no secure message`, async () => {
      const chat = await realChat(c.channelId, { locale: c.locale });
      assert.match(textOf(await chat.say(c.disclosure)), /1-800-799-7233|1-800-677-1116/);
      const replies = await chat.say(c.person);
      const text = textOf(replies);
      assert.match(text, c.discreet);
      assert.match(text, /1-800-555-0100/);
      assert.doesNotMatch(text, /call you back|le llamemos|secure message|mensaje seguro/i);
      assert.ok(!linksOf(replies).some((l) => /request-a-call|message-center/.test(l)), JSON.stringify(linksOf(replies)));
      assertChannelRules(c.channelId, replies);
    });
  }

  it('webchat en: after a crisis answer, every way to reach a person is still offered (988 first)', async () => {
    const chat = await realChat('webchat');
    assert.match(textOf(await chat.say('i dont want to be alive anymore')), /988/);
    const text = textOf(await chat.say('talk to a person'));
    assert.match(text, /988/);
    assert.match(text, /call you back/);
    assert.doesNotMatch(text, /call us yourself when it is safe/);
  });
});
