import assert from 'node:assert/strict';
import { linksOf, textOf } from '../support/chat';
import { ALEX, MemberChat } from '../support/identity';
import { realChat } from './memberWords';

/**
 * Several requests in one message, and details said along the way (newcomer run v10: SN08, WM07,
 * WM03, WM06, SN01): every request is answered, or named as the next one; a locked account named
 * with a forgotten password gets the unlock steps; a charge the member thought was covered gets
 * the dispute answer, not the billing menu; a clock time said loosely is kept with the day. Real
 * recognizer and dialogs, on the channels where it was seen.
 */
describe('several requests and details in one message (newcomer run v10)', function () {
  this.timeout(120_000);

  async function alexOnTeams(locale: 'en' | 'es'): Promise<MemberChat> {
    const chat = new MemberChat({
      channelId: 'msteams',
      locale: locale === 'es' ? 'es-US' : 'en-US',
      from: { id: '29:alex', aadObjectId: ALEX.teams },
      overrides: { understanding: undefined, emergencyCheck: undefined },
    });
    await chat.open(locale === 'es' ? 'hola' : 'hi');
    return chat;
  }

  it('SN08, Teams signed in: "when my next appt is and also refill my levothyroxine": the visits, then the refill', async () => {
    const chat = await alexOnTeams('en');
    const text = textOf(await chat.say('hey can u check when my next appt is and also refill my levothyroxine'));
    assert.match(text, /Your upcoming appointments/);
    assert.match(text, /Next, your prescription refill:[\s\S]*Levothyroxine/);
  });

  it('SN08 in Spanish: "checar mi próxima cita y también resurtir mi levotiroxina"', async () => {
    const chat = await alexOnTeams('es');
    const text = textOf(await chat.say('puedes checar mi proxima cita y tambien resurtir mi levotiroxina'));
    assert.match(text, /citas/i);
    assert.match(text, /Ahora, [^\n]*receta[\s\S]*Levothyroxine/i);
  });

  it('WM07, Web Chat: results, a refill and the hours in one message: all three, in order', async () => {
    const chat = await realChat('webchat');
    const replies = await chat.say('i need my lab results and also refill my inhaler and whats ur hours');
    const text = textOf(replies);
    assert.match(text, /Next, your prescription refill:[\s\S]*Next, contacting your care team:/);
    const links = linksOf(replies);
    for (const page of ['/test-results', '/pharmacy/refill', '/locations']) assert.ok(links.some((l) => l.includes(page)), `${page}: ${links.join('\n')}`);
  });

  it('WM07 in Spanish: resultados, resurtir el inhalador y el horario', async () => {
    const chat = await realChat('webchat', { locale: 'es' });
    const replies = await chat.say('necesito mis resultados de laboratorio y tambien resurtir mi inhalador y cual es su horario');
    const links = linksOf(replies);
    for (const page of ['/test-results', '/pharmacy/refill', '/locations']) assert.ok(links.some((l) => l.includes(page)), `${page}: ${links.join('\n')}`);
  });

  it('WM03, Spanish: a forgotten password and now a locked account: the unlock steps', async () => {
    const chat = await realChat('webchat', { locale: 'es' });
    await chat.say('no puedo entrar a mi cuenta');
    const replies = await chat.say('olvide la contraseña y ya lo intente y ahora dice q esta bloqueada');
    assert.ok(linksOf(replies).some((l) => l.includes('/sign-on-help/unlock')), linksOf(replies).join('\n'));
  });

  it('WM03 in English: forgot my password, now locked out', async () => {
    const chat = await realChat('webchat');
    await chat.say('i cant get into my account');
    const replies = await chat.say('i forgot my password and tried a bunch of times and now im locked out');
    assert.ok(linksOf(replies).some((l) => l.includes('/sign-on-help/unlock')), linksOf(replies).join('\n'));
  });

  it('WM06, Spanish: an ER charge the member thought insurance covered: the dispute answer, not the menu', async () => {
    const chat = await realChat('webchat', { locale: 'es' });
    await chat.say('me llego un cobro que no entiendo');
    const replies = await chat.say('es de 350 dolares de una visita a emergencias, pense q el seguro lo cubria');
    assert.doesNotMatch(textOf(replies), /¿Qué necesita sobre su factura\?/);
    assert.ok(linksOf(replies).some((l) => l.includes('/coverage/appeals')), linksOf(replies).join('\n'));
  });

  it('WM06 in English: "$350 from an ER visit, I thought my insurance covered it"', async () => {
    const chat = await realChat('webchat');
    await chat.say('i got a charge i dont understand');
    const replies = await chat.say('its 350 dollars from an er visit, i thought my insurance covered it');
    assert.doesNotMatch(textOf(replies), /What about your bill\?/);
    assert.ok(linksOf(replies).some((l) => l.includes('/coverage/appeals')), linksOf(replies).join('\n'));
  });

  it('SN01, SMS: "tmrw after school like 4" keeps the 4 PM with the day', async () => {
    const chat = await realChat('sms');
    await chat.say('hi i need to make an appt for my son hes got an ear thing');
    await chat.say('1');
    // The ear trouble said first now fills the kind of care (same-day), so the booking may be
    // complete here: either way the day and the 4 PM are kept.
    assert.match(textOf(await chat.say('tmrw after school like 4')), /(Got it: |filled in: .*)\w+, \w+ \d+, 4:00 PM/);
  });

  it('SN01 in Spanish: "mañana a eso de las 4" keeps the 4 p. m.', async () => {
    const chat = await realChat('sms', { locale: 'es' });
    await chat.say('necesito una cita para mi hijo');
    const text = textOf(await chat.say('mañana a eso de las 4'));
    assert.match(text, /4:00 p\.\s?m\.|16:00|4 p\.\s?m\./, text);
  });
});
