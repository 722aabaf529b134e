import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';

/**
 * Booking a new visit (newcomer run v5: WE09, WE14, WE18, WE23, TF01, TF11, TF13, SF08): what the
 * member already said is kept and not asked again, an answer to another of the booking's questions
 * is acknowledged, a time of day is a time and not a symptom, and "should I come in?" after the
 * nurse line is a question about that answer, not a booking begun for them. Real recognizer and
 * triage, on the channel where each was seen.
 */
describe('booking keeps what the member said (newcomer run v5)', function () {
  this.timeout(60_000);

  const MODE_QUESTION = /How would you like to be seen\?|¿Cómo prefiere que le atiendan\?/;

  it('Web Chat, English: a video booking picked from the video-visits menu does not ask how to be seen', async () => {
    const chat = await realChat('webchat');
    await chat.say('are video appointments possible?');
    assert.match(textOf(await chat.say('i would like to book one')), /book a video visit/);
    await chat.say('just me');
    const replies = await chat.say('a checkup');
    assert.doesNotMatch(textOf(replies), MODE_QUESTION);
    assert.match(textOf(replies), /When would you prefer\?/);
  });

  it('Web Chat, Spanish: a video booking picked from the video-visits menu does not ask how to be seen', async () => {
    const chat = await realChat('webchat', { locale: 'es' });
    await chat.say('me interesan las visitas por video');
    assert.match(textOf(await chat.say('hacer una cita por favor')), /cita por video/);
    await chat.say('yo');
    const replies = await chat.say('un chequeo');
    assert.doesNotMatch(textOf(replies), MODE_QUESTION);
    assert.match(textOf(replies), /¿Cuándo prefiere\?/);
  });

  it('Teams, English: a visit mode said to the kind of care is acknowledged and kept', async () => {
    const chat = await realChat('msteams');
    await chat.say('i want to schedule a visit');
    await chat.say('for me');
    const replies = await chat.say('by phone');
    assert.match(textOf(replies), /Got it: Phone\. I'll keep that\./);
    assert.match(textOf(replies), /What kind of care do you need\?/);
    const next = await chat.say('primary care');
    assert.doesNotMatch(textOf(next), MODE_QUESTION);
    assert.match(textOf(next), /When would you prefer\?/);
  });

  it('Teams, Spanish: a visit mode said to the kind of care is acknowledged and kept', async () => {
    const chat = await realChat('msteams', { locale: 'es' });
    await chat.say('quisiera sacar una cita');
    await chat.say('es para mi');
    const replies = await chat.say('por telefono');
    assert.match(textOf(replies), /Entendido: Por teléfono\. Lo tengo en cuenta\./);
    const next = await chat.say('atencion primaria');
    assert.doesNotMatch(textOf(next), MODE_QUESTION);
  });

  it('Web Chat, English: a day said before its question is kept for it', async () => {
    const chat = await realChat('webchat');
    await chat.say('i want to schedule a visit');
    await chat.say('for me');
    const replies = await chat.say('next monday afternoon');
    assert.match(textOf(replies), /Got it: .*afternoon\. I'll keep that\./);
    assert.match(textOf(replies), /What kind of care do you need\?/);
    await chat.say('primary care');
    const last = await chat.say('in person');
    assert.doesNotMatch(textOf(last), /When would you prefer\?/);
    assert.match(textOf(last), /in the afternoon/);
  });

  it('Web Chat, Spanish: a day said before its question is kept for it', async () => {
    const chat = await realChat('webchat', { locale: 'es' });
    await chat.say('quisiera sacar una cita');
    await chat.say('es para mi');
    const replies = await chat.say('el lunes por la tarde');
    assert.match(textOf(replies), /Entendido: .*tarde\. Lo tengo en cuenta\./);
    await chat.say('atencion primaria');
    const last = await chat.say('en persona');
    assert.doesNotMatch(textOf(last), /¿Cuándo prefiere\?/);
  });

  for (const [locale, words] of [
    ['en', ['a GP', 'a general practitioner', 'the pediatrician']],
    ['es', ['el medico general', 'medicina familiar', 'la pediatra']],
  ] as const) {
    for (const said of words) {
      it(`Web Chat, ${locale}: "${said}" as the kind of care is primary care, and the booking goes on`, async () => {
        const chat = await realChat('webchat', { locale });
        await chat.say(locale === 'es' ? 'quisiera sacar una cita' : 'i want to schedule a visit');
        await chat.say(locale === 'es' ? 'es para mi' : 'for me');
        const replies = await chat.say(said);
        assert.match(textOf(replies), MODE_QUESTION);
      });
    }
  }

  it('Teams, Spanish and English: a time of day said to "When would you prefer?" draws no nurse line', async () => {
    for (const [locale, turns] of [
      ['es', ['quisiera sacar una cita', 'es para mi', 'atencion primaria', 'en persona', 'por la tarde']],
      ['es', ['quisiera sacar una cita', 'es para mi', 'atencion primaria', 'en persona', 'en la mañana porfa']],
      ['es', ['quisiera sacar una cita', 'es para mi', 'atencion primaria', 'en persona', 'mañana en la mañana']],
      ['en', ['i want to schedule a visit', 'for me', 'primary care', 'in person', 'in the afternoon']],
    ] as const) {
      const chat = await realChat('msteams', { locale });
      for (const turn of turns.slice(0, -1)) await chat.say(turn);
      const text = textOf(await chat.say(turns[turns.length - 1]!));
      assert.doesNotMatch(text, /911|1-800-555-0111/, `${turns[turns.length - 1]}: ${text}`);
    }
  });

  it('Teams and SMS: who the visit is for, said in the request, is not asked', async () => {
    const teams = await realChat('msteams', { locale: 'es' });
    assert.doesNotMatch(textOf(await teams.say('necesito una consulta con mi medico')), /¿Para quién es la cita\?/);
    const teamsEn = await realChat('msteams');
    assert.doesNotMatch(textOf(await teamsEn.say('get me in with my doctor please')), /Who is the appointment for\?/);
    const sms = await realChat('sms');
    assert.doesNotMatch(textOf(await sms.say('which appointments have i got coming up? do i have any')), /Who is the appointment for\?/);
  });

  it('Web Chat: "should I come in?" after the nurse line is answered, not a booking, and no resume offer follows', async () => {
    const chat = await realChat('webchat');
    await chat.say('my throat has been sore and i have had a fever since yesterday');
    const replies = await chat.say('do i need to come in?');
    assert.match(textOf(replies), /nurse/i);
    assert.match(textOf(replies), /book/i);
    assert.doesNotMatch(textOf(replies), /Who is the appointment for\?/);
    const after = await chat.say('i think i will do an e-visit');
    assert.doesNotMatch(textOf(after), /go back to booking/);
  });

  it('Web Chat, Spanish: "¿debo ir?" after the nurse line is answered, not a booking', async () => {
    const chat = await realChat('webchat', { locale: 'es' });
    await chat.say('me duele la garganta y tengo fiebre desde ayer');
    const replies = await chat.say('tengo que ir a que me vean?');
    assert.match(textOf(replies), /enfermer/);
    assert.doesNotMatch(textOf(replies), /¿Para quién es la cita\?|factura/);
  });
});
