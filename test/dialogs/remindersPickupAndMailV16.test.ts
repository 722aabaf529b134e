import { realChat } from './memberWords';
import { has, hasNot, say } from './replyChecks';

/**
 * Newcomer run v16 (SMS), through the whole bot with the real recognizer: the newcomer's sentences
 * and others of the same meaning. X07: after the reminders answer, when the reminders come ("only
 * the day before") and whether STOP here also stops the appointment reminder texts are answered on
 * that topic: never the appointments menu, a "go back to your appointment?" with nothing in
 * progress, or the same reminders answer again. X04: "correo" alone is e-mail, never the
 * mail-order pharmacy. X03: where to pick up a refill, right after the refill answer, is where the
 * pharmacies are, not the contact menu.
 */

const REMIND_FIRST = { en: 'can u text me reminders before my appts', es: 'me pueden mandar recordatorios por texto antes de mis citas' };

const TIMING = [
  { locale: 'en' as const, text: 'only want it the day before not a week before' },
  { locale: 'en' as const, text: 'can i just get one the day before instead of a week ahead' },
  { locale: 'en' as const, text: 'the reminder texts, i only want one the day before' },
  { locale: 'es' as const, text: 'solo lo quiero un dia antes, no una semana antes' },
  { locale: 'es' as const, text: 'quiero que me avisen nomas el dia anterior' },
];

const STOP_TOO = [
  { locale: 'en' as const, text: 'does stopping here stop my appt reminder texts too?' },
  { locale: 'en' as const, text: 'if i reply STOP will i still get my appointment reminders' },
  { locale: 'es' as const, text: 'si contesto ALTO tambien dejo de recibir los recordatorios de mis citas?' },
];

const PICKUP = [
  { locale: 'en' as const, text: 'ok where do i pick it up' },
  { locale: 'en' as const, text: 'where do i go to get it' },
  { locale: 'es' as const, text: 'ok y donde la recojo' },
];

const BY_EMAIL = [
  'es por texto no por correo. y si tambien se me olvido la contraseña?',
  'no es por correo, me llega por mensaje. y olvide mi contraseña tambien',
];

describe('v16: reminders timing and STOP, pickup after a refill, correo is e-mail (X07, X03, X04)', function () {
  this.timeout(120_000);
  for (const c of TIMING) {
    it(`sms ${c.locale}: "${c.text}" after the reminders answer is about their timing`, async () => {
      const chat = await realChat('sms', { locale: c.locale });
      await say(chat, 'sms', REMIND_FIRST[c.locale]);
      const replies = await say(chat, 'sms', c.text);
      has(c.locale, replies, 'followUp.about.reminderTiming');
      hasNot(c.locale, replies, 'appointment.ask.action');
      hasNot(c.locale, replies, 'contact.answer.reminders');
      const next = await say(chat, 'sms', c.locale === 'en' ? 'what? no im fine lol. the reminder texts, i only want one the day before' : 'que? estoy bien. los recordatorios, solo uno el dia antes');
      hasNot(c.locale, next, 'main.resume.ask');
      hasNot(c.locale, next, 'contact.answer.reminders');
    });
  }
  for (const c of STOP_TOO) {
    it(`sms ${c.locale}: "${c.text}" after the reminders answer says what STOP stops`, async () => {
      const chat = await realChat('sms', { locale: c.locale });
      await say(chat, 'sms', REMIND_FIRST[c.locale]);
      const replies = await say(chat, 'sms', c.text);
      has(c.locale, replies, 'followUp.about.reminderStop');
      hasNot(c.locale, replies, 'contact.answer.reminders');
    });
    it(`sms ${c.locale}: "${c.text}" after STOP and START says what STOP stops`, async () => {
      const chat = await realChat('sms', { locale: c.locale });
      await say(chat, 'sms', REMIND_FIRST[c.locale]);
      await say(chat, 'sms', 'STOP');
      await say(chat, 'sms', 'START');
      const replies = await say(chat, 'sms', c.text);
      has(c.locale, replies, 'followUp.about.reminderStop');
    });
  }
  for (const c of PICKUP) {
    it(`sms ${c.locale}: "${c.text}" after the refill answer is where the pharmacies are`, async () => {
      const chat = await realChat('sms', { locale: c.locale });
      await say(chat, 'sms', c.locale === 'en' ? 'is my refill ready yet' : 'ya esta lista mi receta?');
      const replies = await say(chat, 'sms', c.text);
      has(c.locale, replies, 'contact.pharmacyLocation.intro');
      hasNot(c.locale, replies, 'contact.ask.topic');
    });
  }
  for (const text of BY_EMAIL) {
    it(`sms es: "${text}" after the code help is sign-in help, no mail-order pharmacy`, async () => {
      const chat = await realChat('sms', { locale: 'es' });
      await say(chat, 'sms', 'no me llega el codigo de verificacion para entrar');
      await say(chat, 'sms', 'ya lo intente como 3 veces y nada');
      const replies = await say(chat, 'sms', text);
      hasNot('es', replies, 'refill.answer.mailOrder');
      has('es', replies, 'password_reset.answer.forgotPassword');
    });
  }
});
