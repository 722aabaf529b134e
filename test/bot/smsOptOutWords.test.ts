import assert from 'node:assert/strict';
import { assertChannelRules, textOf } from '../support/chat';
import { realChat } from '../dialogs/memberWords';

/**
 * SMS opt-outs said the way members say them (the newcomer run v4: SB04, SB11), with the real
 * triage and recognizer: said again after STOP, it stays silent (never a safety script); in
 * Spanish, it opts out with the Spanish confirmation. Sentences differ from the run's.
 */
describe('SMS opt-out in members\' words (pipeline/smsKeywords.ts, pipeline/optOutRequest.ts)', function () {
  this.timeout(60_000);

  it('said again after STOP ("I said STOP already", "dije que paren"): silence, not a hotline script', async () => {
    const chat = await realChat('sms');
    assert.match(textOf(await chat.say('please stop texting me')), /You're unsubscribed/);
    assert.deepEqual(await chat.say('I said STOP already'), []);
    assert.deepEqual(await chat.say('i said stop please'), []);
    // a real emergency after STOP is still answered
    assert.match(textOf(await chat.say('my chest hurts and i cant breathe')), /911/);

    const es = await realChat('sms', { locale: 'es' });
    assert.match(textOf(await es.say('ya no quiero recibir mensajes')), /Canceló su suscripción/);
    assert.deepEqual(await es.say('dije que paren'), []);
  });

  it('Spanish: "PARA", "BASTA", "ALTO" alone and "no me escriban más" opt out, with the Spanish confirmation', async () => {
    for (const words of ['PARA', 'Basta', 'alto', 'ya no quiero recibir mensajes', 'paren de mandarme textos', 'no me escriban más por favor']) {
      const chat = await realChat('sms', { locale: 'es' });
      const replies = await chat.say(words);
      assert.match(textOf(replies), /^Evergreen Health: Canceló su suscripción/, words);
      assertChannelRules('sms', replies);
      assert.deepEqual(await chat.say('hola'), [], `silent after "${words}"`);
    }
  });

  it('English requests in a few words still opt out; lookalikes do not', async () => {
    for (const words of ['stop texting me please', 'unsubscribe me', 'STOP please', 'do not text me anymore']) {
      const chat = await realChat('sms');
      assert.match(textOf(await chat.say(words)), /^Evergreen Health: You're unsubscribed/, words);
    }
    const es = await realChat('sms', { locale: 'es' });
    assert.notDeepEqual(await es.say('para mi hija'), [], '"para mi hija" is not an opt-out');
    const en = await realChat('sms');
    assert.doesNotMatch(textOf(await en.say('no text came yet')), /unsubscribed/);
  });
});
