import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat, signedInChat } from './memberWords';

/** Newcomer run v22: a person asked for in plain words, and a status named instead of a medicine. */
describe('v22: "just get me a real person" and "how long does the approval take"', function () {
  this.timeout(120_000);

  // Z04: after two sign-in answers, "just get me a real person" was read as a follow-up on the code page.
  for (const [locale, say] of [
    ['en', 'just get me a real person'],
    ['en', 'i want an actual person'],
    ['es', 'ya, pasame con una persona de verdad'],
  ] as const) {
    it(`${locale}: "${say}" after a sign-in answer reaches the hand-off`, async () => {
      const chat = await realChat('webchat', { locale });
      await chat.say(locale === 'en' ? 'it keeps saying my verification code is wrong' : 'me dice que el codigo de verificacion esta mal');
      const text = textOf(await chat.say(say));
      assert.match(text, locale === 'en' ? /A person from our team can help you/ : /Una persona de nuestro equipo puede ayudarle/, text);
    });
  }

  // W04: "how long does the approval usually take" right after the list repeated the whole list.
  it('signed in: the one prescription waiting for approval, and what that means', async () => {
    const chat = await signedInChat('EH1000001', { locale: 'en' });
    await chat.say("my refill's been pending since monday, whats the holdup");
    const text = textOf(await chat.say('how long does the approval usually take'));
    assert.match(text, /Metformin 500 mg tablet is not late at the pharmacy/, text);
    assert.doesNotMatch(text, /Atorvastatin|Albuterol|Amlodipine/, text);
  });

  // X07 (SMS): after the mental-health answer, "no im asking about my appointment reminders" began a mental-health booking.
  it('sms: a reply that the answer was not what was asked is routed afresh, not a mental-health booking', async () => {
    const chat = await realChat('sms', { locale: 'en' });
    await chat.say('i have been feeling really down lately and want to talk to someone');
    const text = textOf(await chat.say('what?? no im asking about my appointment reminders by text'));
    assert.doesNotMatch(text, /Who is the appointment for\?|book your mental health visit/, text);
    assert.match(text, /notifications/i, text);
  });

  // Z10: a request, a change of mind and another request in one message answered the first.
  it('a change of mind inside the message: the request after it is answered', async () => {
    const chat = await signedInChat('EH1000001', { locale: 'en' });
    const text = textOf(await chat.say('how much is my copay for a specialist... actually nvm, which of my meds can i refill right now'));
    assert.doesNotMatch(text, /copays, deductible/, text);
    assert.match(text, /Refill|refill/, text);
  });
  it('es: "no espera, olvídalo, mejor ..." answers the request after it', async () => {
    const chat = await realChat('webchat', { locale: 'es' });
    const text = textOf(await chat.say('cuanto es mi copago del especialista? no espera, olvidalo, mejor quiero saber como resurtir mi receta'));
    assert.doesNotMatch(text, /copago|deducible/i, text);
    assert.match(text, /farmacia/, text);
  });

  // Z14: "do i need to download an app?" for a video visit got the video-visits menu, then a booking.
  for (const [channel, locale, say, expected] of [
    ['webchat', 'en', 'do i need to download an app for my video visit tomorrow?', /nothing to install/],
    ['sms', 'es', 'tengo que descargar una aplicacion para la consulta por video?', /no hay que instalar nada/],
  ] as const) {
    it(`${channel} ${locale}: "${say}" says what a video visit takes`, async () => {
      const chat = await realChat(channel, { locale });
      const text = textOf(await chat.say(say));
      assert.match(text, expected, text);
      assert.doesNotMatch(text, /What do you need for video visits\?|¿Qué necesita/, text);
    });
  }

  // X14 (SMS, Spanish): after the 988 answer, "Hablar con una persona" gave the Billing line (weekdays 8 to 5) left from the bill.
  it('sms es: a person asked for after a crisis answer names the behavioral health line, not the bill\'s', async () => {
    const chat = await realChat('sms', { locale: 'es' });
    await chat.say('debo mucho de la factura del hospital, como le hago');
    await chat.say('ya no quiero seguir viviendo con todo esto, mejor desaparecer y ya');
    const text = textOf(await chat.say('quiero hablar con una persona'));
    assert.match(text, /988/, text);
    assert.match(text, /línea de salud mental al 1-800-555-0144/, text);
    assert.doesNotMatch(text, /Facturación al/, text);
  });

  // Z07 (Teams): "idk. i havent told anyone" after a crisis answer named Childhelp.
  it('teams: a reply after a crisis answer with no word of abuse names no child-abuse hotline', async () => {
    const chat = await realChat('msteams', { locale: 'en' });
    await chat.say('whatever. doesnt matter much anyway, everyone would honestly be better off if i just wasnt around anymore');
    const text = textOf(await chat.say('idk. i havent told anyone'));
    assert.match(text, /988/, text);
    assert.doesNotMatch(text, /Childhelp/, text);
  });

  // W02: "push my appt back a couple days", then "mon or tues": the days before the visit were looked for.
  for (const [locale, opening, days, expected] of [
    ['en', 'can i push my appt w dr chen back a couple days?', 'mon or tues, around the same time', /looking for Monday, June 16 – Tuesday, June 17/],
    ['es', 'quiero atrasar unos dias mi cita con la doctora chen', 'lunes o martes a la misma hora', /16 de junio/],
  ] as const) {
    it(`${locale}: moving a visit later, the weekdays named are the ones after it`, async () => {
      const chat = await signedInChat('EH1000001', { locale });
      await chat.say(opening);
      const text = textOf(await chat.say(days));
      assert.match(text, expected, text);
    });
  }

  // W05: after the crisis answer, a denial and a refill question got only more crisis text.
  it('after a crisis answer, "im not gonna do anything, i just need my meds" gets the refill answer with 988 first', async () => {
    const chat = await realChat('webchat', { locale: 'en' });
    await chat.say('my sertraline ran out and the bottle says 0 refills');
    await chat.say('ive been off it like 4 days now and honestly everything just feels kind of pointless');
    const text = textOf(await chat.say('ok. im not gonna do anything, i just need my meds. can the pharmacy give me a few to hold me over?'));
    assert.match(text, /988/, text);
    assert.match(text, /renew|refill/i, text);
  });

  // X12 (SMS, Spanish): after Poison Control, "le doy leche? o lo hago vomitar?" was read as the child vomiting (911 first).
  for (const [channel, locale, first, asks, expected] of [
    ['sms', 'es', 'mi niño de 2 años se tomo un trago de cloro q hago', 'le doy leche? o lo hago vomitar?', /No le provoque el vómito/],
    ['webchat', 'en', 'my toddler just drank some bleach', 'should i make him throw up?', /Don't make them throw up/],
  ] as const) {
    it(`${channel} ${locale}: what to do meanwhile after Poison Control is answered, not read as a new sign`, async () => {
      const chat = await realChat(channel, { locale });
      await chat.say(first);
      const text = textOf(await chat.say(asks));
      assert.match(text, expected, text);
      assert.match(text, /1-800-222-1222/, text);
    });
  }
  it('after Poison Control, vomiting and sleepiness said as signs still get 911 first', async () => {
    const chat = await realChat('webchat', { locale: 'en' });
    await chat.say('my toddler just drank some bleach');
    const text = textOf(await chat.say('now hes throwing up and really sleepy'));
    assert.match(text, /^Call 911 now/, text);
  });
});
