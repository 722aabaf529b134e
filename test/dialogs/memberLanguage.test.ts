import assert from 'node:assert/strict';
import { choicesOf, pick, textOf } from '../support/chat';
import { ALEX, codeIn, MemberChat } from '../support/identity';
import { signedInChat } from './memberWords';

/**
 * Newcomer run v4 (SB14, WA23, WA26, SB06, WA05): what the member data back end writes in English
 * (what a visit is for, a drug's form) is said in Spanish in a Spanish chat, through the catalog;
 * the booking's confirmation uses the right article ("an in-person visit").
 */
describe("the member's language and grammar in live answers (newcomer run v4)", function () {
  this.timeout(60_000);

  it('Web Chat, Spanish, signed in: the appointments to cancel are named in Spanish', async () => {
    const chat = await signedInChat('EH1000001', { locale: 'es' });
    const replies = await chat.say('tengo que anular una de mis citas');
    const titles = choicesOf(replies).join(' | ');
    assert.match(titles, /Seguimiento de atención primaria/, titles);
    assert.match(titles, /Pruebas de laboratorio/, titles);
    assert.doesNotMatch(titles, /Primary care follow-up|Lab tests/, titles);
  });

  it('SMS, Spanish: after the code, the numbered list of appointments is in Spanish', async () => {
    const chat = new MemberChat({ channelId: 'sms', from: { id: ALEX.phone } });
    await chat.open('hola');
    let replies = await chat.say('necesito cancelar una cita');
    for (let i = 0; i < 4 && !/Seguimiento|Primary care/.test(textOf(replies)); i++) replies = await chat.say(/: (\d{6})\b/.exec(textOf(replies))?.[1] ?? '1');
    const text = textOf(replies);
    assert.match(text, /Seguimiento de atención primaria/, text);
    assert.doesNotMatch(text, /Primary care follow-up|Lab tests/, text);
  });

  it('Web Chat, Spanish, signed in: the prescriptions list says "tableta" and "inhalador"', async () => {
    const chat = await signedInChat('EH1000001', { locale: 'es' });
    const text = textOf(await chat.say('quiero ver el estado de mis recetas'));
    assert.match(text, /Lisinopril 10 mg tableta/, text);
    assert.match(text, /inhalador/, text);
    assert.doesNotMatch(text, /\btablet\b|\binhaler\b/, text);
  });

  it('Web Chat, English, signed in: the drug forms stay as the back end writes them', async () => {
    const chat = await signedInChat('EH1000001');
    assert.match(textOf(await chat.say('what is the status of my prescriptions')), /Lisinopril 10 mg tablet \(Rx/);
  });

  for (const [channelId, locale, open, who, how, when, article] of [
    ['webchat', 'en', 'i want to see a doctor for a physical', 'Myself', 'In person', 'any time', /Book an in-person visit on /],
    ['sms', 'en', 'set up a visit with my doctor please', 'Myself', 'In person', 'any time', /Book an in-person visit on /],
    ['webchat', 'es', 'quiero pedir una consulta con mi médico', 'Para mí', 'En persona', 'cuando sea', /¿Reservar una consulta en persona el /],
  ] as const) {
    it(`${channelId} (${locale}): the booking's confirmation reads "${article.source.replace(/\\/g, '')}"`, async () => {
      const chat =
        channelId === 'webchat'
          ? await signedInChat('EH1000001', { locale })
          : new MemberChat({ channelId, from: { id: ALEX.phone } });
      if (channelId === 'sms') await chat.open();
      let replies = await chat.say(open);
      const answers: string[] = [who, 'Primary care', 'Atención primaria', how, when];
      for (let i = 0; i < 12 && !article.test(textOf(replies)); i++) {
        const code = codeIn(replies);
        const offered = choicesOf(replies);
        const known = answers.find((a) => offered.includes(a));
        if (code) replies = await chat.say(code);
        else if (known) replies = await chat.say(pick(chat, replies, known));
        else if (offered.length) replies = await chat.say(pick(chat, replies, offered[0]!));
        else if (/Reply with a number|Responda con un número/.test(textOf(replies))) replies = await chat.say('1');
        else replies = await chat.say(when);
      }
      assert.match(textOf(replies), article, textOf(replies));
    });
  }
});
