import assert from 'node:assert/strict';
import { isGsm7, nonGsm7, smsEncoding, toGsm7 } from '../../channels/gsm7';
import { ResponseCatalog } from '../../common/responses';
import { SMS_TEXT } from '../../dialogs/common/kit';
import { LOCALES } from '../../intents/types';
import { assertChannelRules, Chat, pick, textOf } from '../support/chat';

/**
 * SMS (issue 15): the carrier opt-out words are honoured in a few words too, never invited as a
 * way to leave a question (MENU is), HELP answers after STOP, and English replies are GSM-7 and
 * cut where segments end.
 */

const catalog = ResponseCatalog.load();
/** A reply that tells the member to send an opt-out word ("say never mind to stop", "reply CANCEL"). */
const INVITES_OPT_OUT = /\b(say|reply|type|text|send|diga|responda|escriba|envie|envíe)\b[^.?!]*\b(cancel|stop|end|quit|unsubscribe|cancelar|alto|parar|baja)\b/i;
/** The carrier keyword answers themselves must name STOP / START (CTIA). */
const KEYWORD_ANSWERS = new Set(['sms.help', 'sms.stop', 'sms.start']);

async function smsChat(first = 'hi'): Promise<Chat> {
  const chat = new Chat({ channelId: 'sms' });
  await chat.say(first);
  return chat;
}

describe('SMS: opt-out words, MENU, GSM-7', () => {
  for (const words of ['stop texting me', 'unsubscribe me', 'STOP please', 'Stop sending me messages']) {
    it(`"${words}" opts out, then nothing is sent`, async () => {
      const chat = await smsChat();
      await chat.say('Appointments');
      assert.match(textOf(await chat.say(words)), /You're unsubscribed/);
      assert.deepEqual(await chat.say('hi'), []);
    });
  }

  it('"cancel my appointment" is still a task, not an opt-out', async () => {
    const chat = await smsChat();
    assert.doesNotMatch(textOf(await chat.say('cancel my appointment')), /unsubscribed/);
  });

  it('Spanish: the opt-out confirmation names the Spanish word to resubscribe, and it works', async () => {
    const chat = await smsChat('hola');
    const stop = await chat.say('ALTO');
    assert.match(textOf(stop), /Responda COMENZAR para volver a suscribirse/);
    assert.match(textOf(await chat.say('AYUDA')), /Asistente de Evergreen Health/, 'HELP answers after STOP');
    assert.match(textOf(await chat.say('COMENZAR')), /Se suscribió de nuevo/);
  });

  it('help inside a question says "reply MENU" (never an opt-out word), and MENU leaves the question', async () => {
    const chat = await smsChat();
    await chat.say('Appointments');
    const help = await chat.say('what are my options');
    assertChannelRules('sms', help);
    assert.match(textOf(help), /Reply MENU to leave this question/);
    assert.doesNotMatch(textOf(help).split('\n')[0]!, /\b(stop|cancel|end|quit|unsubscribe)\b/i);
    const menu = await chat.say('MENU');
    assert.doesNotMatch(textOf(menu), /unsubscribed/);
    assert.deepEqual(await chat.dialogStack(), []);
  });

  it('Spanish help inside a question: "Responda MENU", no opt-out word', async () => {
    const chat = await smsChat('hola');
    await chat.say('Citas');
    const help = await chat.say('necesito ayuda');
    assert.match(textOf(help), /Responda MENU/);
    assert.doesNotMatch(textOf(help).split('\n')[0]!, /\b(alto|parar|baja|cancelar|olvidalo|olvídalo)\b/i);
  });

  it('no SMS text in the catalog invites an opt-out word (either language)', () => {
    const offenders: string[] = [];
    for (const locale of LOCALES) {
      for (const key of allKeys()) {
        if (KEYWORD_ANSWERS.has(key) || key.startsWith(`${SMS_TEXT}.`)) continue;
        const smsKey = catalog.has(`${SMS_TEXT}.${key}`) ? `${SMS_TEXT}.${key}` : key;
        const text = catalog.text(locale, smsKey);
        if (INVITES_OPT_OUT.test(text)) offenders.push(`${locale} ${smsKey}: ${text}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('every English SMS reply in the catalog is GSM-7 once the SMS renderer has written it', () => {
    const offenders = allKeys()
      .map((key) => ({ key, text: toGsm7(catalog.text('en', catalog.has(`${SMS_TEXT}.${key}`) ? `${SMS_TEXT}.${key}` : key)) }))
      .filter(({ text }) => !isGsm7(text))
      .map(({ key, text }) => `${key}: ${nonGsm7(text).join(' ')}`);
    assert.deepEqual(offenders, []);
  });

  it('the refill-status answer on SMS: GSM-7, and each message fills whole segments (at most 2 × 153)', async () => {
    const chat = await smsChat();
    let replies = await chat.say('Prescription refills');
    // Not verified on SMS, the statuses come at once; the same answer is never sent twice in a row.
    replies = await chat.say(pick(chat, replies, 'Check status'));
    if (!/Pending clinician authorization/.test(textOf(replies))) replies = await chat.say('1234-567');
    assert.match(textOf(replies), /Pending clinician authorization/);
    for (const reply of replies) {
      const text = reply.text ?? '';
      assert.ok(isGsm7(text), `not GSM-7 (${nonGsm7(text).join(' ')}): ${text}`);
      assert.ok(text.length <= 306, `${text.length} characters: ${text}`);
    }
    const segments = replies.reduce((n, r) => n + smsEncoding(r.text ?? '').segments, 0);
    // 9: a list's header ("What the statuses mean:") now starts the text of its items instead of
    // ending the one before (newcomer run v6, SH01), which costs one segment here (8 before).
    assert.ok(segments <= 9, `${segments} segments (13 before the answer was GSM-7)`);
  });
});

function allKeys(): string[] {
  return catalog.keys();
}
