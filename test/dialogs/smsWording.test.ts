import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { textOf } from '../support/chat';
import { ALEX, type MemberChat } from '../support/identity';
import { realChat } from './memberWords';
import { catalog } from './support';

/**
 * Text messages read as texts (newcomer run v6, SH01, SH09): the choices come numbered, so no SMS
 * text tells the member to "choose" a button; a list never arrives with its header as a text of
 * its own; and Spanish never makes a word agree with a medicine whose gender it does not know
 * ("Su Albuterol HFA inhalador … renovarla").
 */
describe('SMS wording (newcomer run v6)', function () {
  this.timeout(60_000);

  /** Alex on SMS, verified with the one-time code. */
  async function alexBySms(locale: 'en' | 'es', first: string): Promise<{ chat: MemberChat; replies: Partial<Activity>[] }> {
    const chat = await realChat('sms', { locale, from: { id: ALEX.phone } });
    await chat.say(first);
    const sent = await chat.say('1');
    const code = /\b(\d{6})\b/.exec(textOf(sent))?.[1];
    assert.ok(code, textOf(sent));
    return { chat, replies: await chat.say(code) };
  }

  const CHOOSE_A_BUTTON = /\b(choose|pick|select|elija|escoja|seleccione)\b[^.]{0,12}"?(Talk to a person|Hablar con una persona)/i;

  it('no text sent on SMS tells the member to choose the "Talk to a person" button (both languages)', () => {
    for (const locale of ['en', 'es'] as const) {
      for (const key of catalog.keys()) {
        if (/^(options|links|topics|triageLinks|smsText)\./.test(key)) continue;
        const sms = catalog.has(`smsText.${key}`) ? `smsText.${key}` : key;
        assert.doesNotMatch(catalog.text(locale, sms, {}), CHOOSE_A_BUTTON, `${locale} ${sms}`);
      }
    }
  });

  for (const [locale, first, out, how] of [
    ['en', "what's the status of my prescriptions", 'which of mine are out of refills', 'ok can you send that to my doctor for me'],
    ['es', 'quiero saber el estado de mis recetas', '¿cuál de mis recetas necesito renovar?', 'ok, se lo puede mandar a mi doctor?'],
  ] as const) {
    it(`SMS ${locale}: the list of medicines without refills keeps its header, and the way to a person names the number`, async () => {
      const { chat } = await alexBySms(locale, first);
      const replies = await chat.say(out);
      const texts = replies.map((r) => r.text ?? '');
      assert.ok(/Albuterol/.test(texts.join('\n')), texts.join('\n---\n'));
      for (const text of texts) assert.doesNotMatch(text.trimEnd(), /:$/, `a header alone:\n${texts.join('\n---\n')}`);
      const after = await chat.say(how);
      assert.doesNotMatch(textOf(after), CHOOSE_A_BUTTON, textOf(after));
    });
  }

  it('SMS es: a medicine\'s status agrees with no gender ("renovarla", "está lista")', async () => {
    const { replies } = await alexBySms('es', 'quiero saber el estado de mis recetas');
    const text = textOf(replies);
    assert.match(text, /Albuterol/);
    assert.doesNotMatch(text, /renovarla|renovarlo|está lista|está listo/, text);
  });
});
