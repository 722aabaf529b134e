import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import type { Locale } from '../../intents/types';
import { assertChannelRules, textOf } from '../support/chat';
import { type MemberChat } from '../support/identity';
import { realChat, signedInChat } from './memberWords';
import { catalog, promptText } from './support';

/**
 * A short follow-up about one aspect of the answer just given (newcomer run v5: SF01, TF09, TF10,
 * WE10, WE24, SF06, WE25, SF14, SF16, WE12) is answered on that aspect (dialogs/followUpAspects.ts):
 * never the same block again, "I can't send texts" on SMS, a goodbye or a new booking. Through the
 * whole bot with the real recognizer, on the channel where each was seen, in both languages.
 */

type Replies = Partial<Activity>[];

async function say(chat: MemberChat, message: string): Promise<Replies> {
  const replies = await chat.say(message);
  assertChannelRules(chat.channelId, replies);
  return replies;
}

/** The text of a response key with its placeholders cut out: each fixed piece must be shown. */
function shows(locale: Locale, replies: Replies, key: string): void {
  const said = textOf(replies).replace(/\s+/g, ' ');
  for (const piece of catalog.text(locale, key).split(/\{[a-z]+\}/)) {
    const words = piece.trim().replace(/\s+/g, ' ');
    if (words.length > 3) assert.ok(said.includes(words), `expected ${key} ("${words}"), got:\n${textOf(replies)}`);
  }
}

function notShown(locale: Locale, replies: Replies, key: string): void {
  const first = promptText(locale, key).split(/\{[a-z]+\}/)[0]!.trim();
  assert.ok(!textOf(replies).includes(first), `not ${key} again, got:\n${textOf(replies)}`);
}

const ALEX_TEAMS = { id: '29:alex', aadObjectId: '00000000-0000-4000-8000-000000000001' };

describe('follow-ups about one aspect of the answer (newcomer run v5)', function () {
  this.timeout(120_000);

  const cases = {
    en: {
      status: 'check on my prescriptions', pickup: 'so when do i go get them',
      noRefills: 'no refills left on my lisinopril', request: 'please request the renewal', howLong: 'how many days does that take',
      hoursFirst: 'when does the pharmacy open', number: "what's their number",
      code: 'my code never showed up', resend: 'send it again', still: 'nope still waiting',
      results: 'did my blood work come back', meaning: 'what does this mean',
      sad: "i've been feeling really depressed lately", person: "i'd rather just talk to somebody",
      eVisit: 'can i get an e-visit for pink eye', how: 'how then',
      albuterol: 'my albuterol has no refills', doIt: 'can you do that',
    },
    es: {
      status: 'como van mis recetas', pickup: 'y cuando paso a buscarlas',
      noRefills: 'mi lisinopril ya no tiene resurtidos', request: 'por favor pida la renovación', howLong: 'en cuanto tiempo',
      hoursFirst: 'a que hora cierra la farmacia', number: 'y su numero?',
      code: 'no me llega el codigo', resend: 'mandalo otra vez', still: 'aun nada',
      results: 'ya salieron mis analisis?', meaning: 'y eso que significa?',
      sad: 'me siento muy deprimido y triste', person: 'solo necesito hablar con una persona',
      eVisit: 'puedo hacer una consulta en linea por conjuntivitis', how: '¿y cómo?',
      albuterol: 'mi albuterol no tiene resurtidos', doIt: 'hágalo usted',
    },
  } as const;

  for (const locale of ['en', 'es'] as const) {
    const w = cases[locale];


    it(`msteams ${locale} (TF09): asking for the renewal, then how long, is who sends it and how long it takes`, async () => {
      const chat = await realChat('msteams', { locale, from: ALEX_TEAMS });
      await say(chat, w.noRefills);
      const request = await say(chat, w.request);
      shows(locale, request, 'followUp.about.renewalDoIt');
      notShown(locale, request, 'refill.live.renewalIntro');
      const howLong = await say(chat, w.howLong);
      shows(locale, howLong, 'followUp.about.renewalTime');
      notShown(locale, howLong, 'refill.live.renewalIntro');
    });

    it(`webchat ${locale} (WE10, WE24): the number after the pharmacy's hours is just that line`, async () => {
      const chat = await realChat('webchat', { locale });
      const first = textOf(await say(chat, w.hoursFirst));
      // The pharmacies' own opening hours first (not the phone line's), then the line's number on request.
      assert.ok(/Evergreen Pharmacy Downtown/.test(first), first);
      const number = await say(chat, w.number);
      shows(locale, number, 'followUp.about.line');
      assert.ok(textOf(number).includes('1-800-555-0122'), textOf(number));
      assert.ok(!textOf(number).includes(first.split('\n')[0]!), `not the same block, got:\n${textOf(number)}`);
    });

    it(`sms ${locale} (SF06): a code that does not come is about the code, then a person; never "I can't send texts" or a goodbye`, async () => {
      const chat = await realChat('sms', { locale });
      await say(chat, w.code);
      const resend = await say(chat, w.resend);
      shows(locale, resend, 'followUp.about.codeResend');
      notShown(locale, resend, 'followUp.again');
      const still = await say(chat, w.still);
      shows(locale, still, 'smsText.followUp.about.stillStuck');
      notShown(locale, still, 'main.goodbye');
    });



    it(`sms ${locale} (SF16): how, after the nurse line with an e-visit, is how to start the e-visit`, async () => {
      const chat = await realChat('sms', { locale });
      await say(chat, w.eVisit);
      const how = await say(chat, w.how);
      shows(locale, how, 'followUp.about.eVisitHow');
      assert.ok(textOf(how).includes('/secure/e-visit'), textOf(how));
      notShown(locale, how, 'appointment.ask.patient');
    });

    it(`webchat ${locale} (WE12): "do that" after the renewal answer says the member sends it, and how`, async () => {
      const chat = await signedInChat('EH1000001', { locale });
      await say(chat, w.albuterol);
      const doIt = await say(chat, w.doIt);
      shows(locale, doIt, 'followUp.about.renewalDoIt');
    });
  }
});
