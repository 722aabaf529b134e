import assert from 'node:assert/strict';
import { maskSecrets } from '../../common/redaction/secrets';
import { Chat, textOf } from '../support/chat';

describe('security: a password given in passing is masked; the assistant\'s own words are not (issue 17)', () => {
  it('"i forgot my password, it is CorrectHorse9": masked in state, transcript and the agent\'s queue; the reset answer kept whole', async () => {
    const chat = new Chat();
    const { presence, service } = chat.core.handoff;
    await presence!.seen({ id: 'pat', name: 'Pat' });
    await chat.open();
    const replies = await chat.say('i forgot my password, it is CorrectHorse9');
    assert.match(textOf(replies), /don't share your password/);
    await chat.say('talk to a person');
    await chat.say('my password, that is CorrectHorse9 again');
    await chat.core.handoff.transcripts.drain();

    const conversationId = chat.adapter.template.conversation!.id;
    const transcript = await chat.core.handoff.transcripts.recent('webchat', conversationId);
    const [record] = await service!.listOpen();
    const kept = [chat.storedText(), JSON.stringify(transcript), JSON.stringify(record)].join('\n');
    assert.doesNotMatch(kept, /CorrectHorse9/);
    assert.ok(transcript.some((a) => a.text.includes('my password, it is ********')), JSON.stringify(transcript.map((a) => a.text)));
    assert.ok(
      transcript.some((a) => a.from.role === 'bot' && a.text.includes('To reset your password: open the page below')),
      `the assistant's own reply is not masked: ${JSON.stringify(transcript.filter((a) => a.from.role === 'bot').map((a) => a.text))}`,
    );
  });

  it('other ways of giving it in passing, and words that only describe it', () => {
    for (const [text, masked] of [
      ['I forgot my password, it is CorrectHorse9', 'I forgot my password, it is ********'],
      ["my password — that's Tr0ub4dor&3", "my password — that's ********"],
      ['olvidé mi contraseña, es Caballo77', 'olvidé mi contraseña, es ********'],
      ['my password is not working, it is locked', 'my password is not working, it is locked'],
      ['I reset my password. It is a new day', 'I reset my password. It is a new day'],
    ] as const) {
      assert.equal(maskSecrets(text).text, masked, text);
    }
  });
});
