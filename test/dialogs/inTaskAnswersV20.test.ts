import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { ALEX, MemberChat } from '../support/identity';
import { say } from './replyChecks';

/**
 * Newcomer run v20 (SMS, signed in by code), through the whole bot with the real recognizer and
 * safety triage: follow-ups and answers inside a task reach that task, in the newcomer's words and
 * in others with the same meaning.
 * 1. Someone else picking up a prescription is a pharmacy question with its own answer, after the
 *    pharmacy answers and as a first message (never the appointments menu).
 * 2. At "Which appointment do you want to cancel?", an answer that describes one visit (and sets
 *    the other aside) picks that visit; the confirmation names it as the list did.
 * 3. "when is my next appointment" in text shorthand finds the member's visits; a correction at a
 *    booking question that asks for another action of the task (my visits, cancel, reschedule)
 *    switches to it.
 */

const REAL = { understanding: undefined, emergencyCheck: undefined };
type Locale = 'en' | 'es';

const smsChat = (locale: Locale): MemberChat =>
  new MemberChat({ channelId: 'sms', locale: locale === 'es' ? 'es-US' : 'en-US', from: { id: ALEX.phone }, overrides: REAL });

async function lines(chat: MemberChat, said: readonly string[]): Promise<string> {
  let text = '';
  for (const line of said) text = textOf(await say(chat, 'sms', line));
  return text;
}

/** Signs in by the texted code after a request that needs it; the reply to the code. */
async function signedIn(chat: MemberChat, first: string, ...offer: string[]): Promise<string> {
  await lines(chat, [first, ...offer]);
  const sent = textOf(await say(chat, 'sms', '1'));
  const code = /\b(\d{6})\b/.exec(sent)?.[1];
  assert.ok(code, sent);
  return textOf(await say(chat, 'sms', code));
}

const PICKUP = { en: /someone else can pick up your prescription/, es: /otra persona puede recoger su receta/ };
const MENU = { en: /What would you like to do\?/, es: /¿Qué le gustaría hacer\?/ };
const GO_BACK = /go back to your appointment|volver a su cita/i;

describe('v20: follow-ups and answers inside a task reach that task', function () {
  this.timeout(120_000);

  describe('1. someone else picking up a prescription', () => {
    const after = [
      { locale: 'en' as const, first: 'where are my prescriptions', status: 'is my prescription ready', hours: 'what time does the pharmacy close', then: ['can my husband grab it for me?', 'can someone else pick it up for me or does it have to be me', 'could my daughter collect my meds for me'] },
      { locale: 'es' as const, first: 'donde estan mis recetas', status: 'ya esta lista mi receta?', hours: 'a que hora cierra la farmacia', then: ['¿mi esposo me la puede recoger?', 'puede otra persona recoger mi medicina o tengo que ir yo', 'mi hija puede pasar por mis pastillas?'] },
    ];
    for (const c of after) {
      for (const then of c.then) {
        it(`sms ${c.locale}, signed in: "${then}" after the status and pharmacy-hours answers`, async () => {
          const chat = smsChat(c.locale);
          await signedIn(chat, c.first);
          await lines(chat, [c.status, c.hours]);
          const text = textOf(await say(chat, 'sms', then));
          assert.match(text, PICKUP[c.locale], text);
          assert.match(text, /1-800-555-0122/, text);
          assert.doesNotMatch(text, MENU[c.locale], text);
          assert.doesNotMatch(text, GO_BACK, text);
        });
      }
    }

    it('sms en, signed in: both newcomer questions in a row never reach the appointments menu', async () => {
      const chat = smsChat('en');
      await signedIn(chat, 'where are my prescriptions');
      await lines(chat, ['is my prescription ready', 'what time does the pharmacy close']);
      const first = textOf(await say(chat, 'sms', 'can my husband grab it for me?'));
      assert.match(first, PICKUP.en, first);
      const second = textOf(await say(chat, 'sms', 'can someone else pick it up for me or does it have to be me'));
      assert.doesNotMatch(second, MENU.en, second);
      assert.doesNotMatch(second, GO_BACK, second);
    });

    for (const c of [
      { locale: 'en' as const, text: 'can my mom pick up my prescription' },
      { locale: 'en' as const, text: 'can my daughter collect my prescription' },
      { locale: 'es' as const, text: '¿puede recoger mi medicina mi hijo?' },
      { locale: 'es' as const, text: 'mi mama puede ir por mi receta a la farmacia?' },
    ]) {
      it(`sms ${c.locale}, first message: "${c.text}" gets the pickup answer`, async () => {
        const chat = new MemberChat({ channelId: 'sms', locale: c.locale === 'es' ? 'es-US' : 'en-US', overrides: REAL });
        const text = textOf(await say(chat, 'sms', c.text));
        assert.match(text, PICKUP[c.locale], text);
        assert.doesNotMatch(text, /6-digit code|código de 6/, text);
      });
    }
  });

  describe('2. an answer to "which visit?" that describes one visit', () => {
    const DOCTOR = { en: /Cancel the video visit on .*Dr\. Maya Chen \(Primary care follow-up\)\?/, es: /¿Cancelar la consulta por video .*Dr\. Maya Chen \(Seguimiento de atención primaria\)\?/ };
    const LAB = { en: /Cancel the in-person visit on .*\(Lab tests\)\?/, es: /¿Cancelar la consulta en persona .*\(Pruebas de laboratorio\)\?/ };
    for (const c of [
      { locale: 'es' as const, answer: 'la del doctor, la de laboratorio si voy', fits: 'doctor' as const },
      { locale: 'es' as const, answer: 'la de laboratorio no, la del doctor', fits: 'doctor' as const },
      { locale: 'es' as const, answer: 'la del laboratorio, a la del doctor si voy', fits: 'lab' as const },
      { locale: 'en' as const, answer: 'the lab one, not the doctor', fits: 'lab' as const },
      { locale: 'en' as const, answer: 'not the video one', fits: 'lab' as const },
      { locale: 'en' as const, answer: 'keep the lab one, cancel the doctor one', fits: 'doctor' as const },
      { locale: 'en' as const, answer: 'the one with dr chen', fits: 'doctor' as const },
    ]) {
      it(`sms ${c.locale}: "${c.answer}" picks the ${c.fits} visit, named as the list named it`, async () => {
        const chat = smsChat(c.locale);
        const list = await signedIn(chat, c.locale === 'es' ? 'quiero cancelar una cita' : 'i want to cancel an appointment', '1');
        assert.match(list, c.locale === 'es' ? /Seguimiento de atención primaria/ : /Primary care follow-up/, list);
        const text = textOf(await say(chat, 'sms', c.answer));
        assert.match(text, (c.fits === 'doctor' ? DOCTOR : LAB)[c.locale], text);
      });
    }
  });

  describe('3. finding my visits, and a correction to another action of the task', () => {
    const FIND = { en: /To show your appointments/, es: /Para mostrarle sus citas/ };
    for (const c of [
      { locale: 'es' as const, text: 'a q hora es mi proxima cita?' },
      { locale: 'es' as const, text: 'k dia es mi proxima cita' },
      { locale: 'en' as const, text: 'when is my next appointment' },
      { locale: 'en' as const, text: 'wat time is my next appt' },
    ]) {
      it(`sms ${c.locale}: "${c.text}" looks for the member's visits`, async () => {
        const text = textOf(await say(smsChat(c.locale), 'sms', c.text));
        assert.match(text, FIND[c.locale], text);
        assert.doesNotMatch(text, MENU[c.locale], text);
      });
    }
    for (const c of [
      { locale: 'es' as const, before: ['quiero hacer una cita'], then: 'no no, me equivoque. quiero ver la cita que ya tengo', expect: FIND.es },
      { locale: 'es' as const, before: ['quiero hacer una cita', '1'], then: 'ver mis citas!!', expect: FIND.es },
      { locale: 'en' as const, before: ['i need to book an appointment'], then: 'oops wrong one, i meant to check the appointment i already have', expect: FIND.en },
      { locale: 'en' as const, before: ['i need to book an appointment', 'myself'], then: 'show my appointments', expect: FIND.en },
    ]) {
      it(`sms ${c.locale}: "${c.then}" while booking switches to the member's visits`, async () => {
        const chat = smsChat(c.locale);
        await lines(chat, c.before);
        const text = textOf(await say(chat, 'sms', c.then));
        assert.doesNotMatch(text, /No tengo eso entre|I don't have that among|tipo de atención|kind of care/, text);
        // Finding visits may ask whose they are first ("Who is the appointment for?"): for me.
        const next = c.expect.test(text) ? text : textOf(await say(chat, 'sms', '1'));
        assert.match(next, c.expect, `${text}\n---\n${next}`);
      });
    }
    for (const c of [
      { locale: 'es' as const, then: 'perdon, mejor quiero cancelar la que tengo', expect: /¿Qué cita quiere cancelar\?/ },
      { locale: 'en' as const, then: 'oh actually cancel the one i have instead', expect: /Which appointment do you want to cancel\?/ },
    ]) {
      it(`sms ${c.locale}, signed in: "${c.then}" while booking switches to cancelling`, async () => {
        const chat = smsChat(c.locale);
        await signedIn(chat, c.locale === 'es' ? 'ver mis citas' : 'show my appointments');
        await lines(chat, [c.locale === 'es' ? 'quiero hacer una cita' : 'i need to book an appointment']);
        const text = await lines(chat, [c.then]);
        const next = c.expect.test(text) ? text : await lines(chat, ['1']);
        assert.match(next, c.expect, `${text}\n---\n${next}`);
      });
    }
  });
});
