import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { realChat } from './memberWords';
import { has, hasLink, hasNot, say } from './replyChecks';

/**
 * A vague follow-up gets the next step or an explanation, never the same answer again, in English
 * and Spanish, through the whole bot with the real recognizer (newcomer run v11b): what a
 * prescription's status means and why it takes long (XR13); a step already done gets the next one
 * (XR04); whether an app is needed (XR14); why a bill came goes straight to the charges (XS06).
 */
describe('vague follow-ups explained, not repeated (newcomer run v11b)', function () {
  this.timeout(120_000);

  for (const locale of ['en', 'es'] as const) {
    it(`teams ${locale}, signed in: why a medicine takes long, then what the statuses mean, not the status or the list again (XR13)`, async () => {
      const chat = await realChat('msteams', { locale, from: { id: '29:alex', aadObjectId: ALEX.teams } });
      const w =
        locale === 'en'
          ? ['check my prescriptions status', 'why is the metformin taking so long?']
          : ['mis recetas', 'ver el estado', 'y la metformina por q tarda tanto?', 'ok y eso q significa'];
      const list = w.length - (locale === 'en' ? 1 : 2);
      for (const m of w.slice(0, list)) await say(chat, 'msteams', m);
      const why = await say(chat, 'msteams', w[list]!);
      has(locale, why, 'refill.live.meaning.pendingAuthorization');
      assert.ok(!textOf(why).includes('Lisinopril'), textOf(why));
      if (locale === 'es') {
        // The explanation just given is not given again: the pharmacy line and a person.
        const again = await say(chat, 'msteams', w[list + 1]!);
        assert.ok(!textOf(again).includes('Lisinopril'), textOf(again));
        hasNot(locale, again, 'refill.live.meaning.pendingAuthorization');
      }
    });

    it(`teams ${locale}, signed in: "what does that mean" right after the list: what each status means, not the list again (XR13)`, async () => {
      const chat = await realChat('msteams', { locale, from: { id: '29:alex', aadObjectId: ALEX.teams } });
      // English "what does that mean" alone is read by the safety triage as a symptom question; dialogs/main/followUpOverGuess.ts gives it the follow-up answer (test/dialogs/meaningOverGuess.test.ts).
      const w = locale === 'en' ? ['check my prescriptions status', 'i dont understand, why are some still pending'] : ['mis recetas', 'ver el estado', 'ok y eso q significa'];
      for (const m of w.slice(0, -1)) await say(chat, 'msteams', m);
      const mean = await say(chat, 'msteams', w[w.length - 1]!);
      has(locale, mean, 'followUp.about.rxStatuses');
      assert.ok(!textOf(mean).includes('Lisinopril'), textOf(mean));
    });

    it(`webchat ${locale}: a password reset already done gets the next steps, not the reset again (XR04)`, async () => {
      const chat = await realChat('webchat', { locale });
      const w =
        locale === 'en'
          ? ['cant log in to the portal it keeps saying my password is wrong', 'i already reset it twice and it still says wrong password']
          : ['olvide mi contraseña del portal', 'ya la cambie dos veces y sigue diciendo que esta mal'];
      const first = await say(chat, 'webchat', w[0]!);
      const tried = await say(chat, 'webchat', w[1]!);
      has(locale, tried, 'followUp.about.signInOtherWays');
      hasLink(tried, '/unlock');
      assert.ok(!textOf(tried).includes(textOf(first).split('\n')[0]!.slice(0, 60)), textOf(tried));
    });

    it(`webchat ${locale}: do I need an app after the video visits answer: the browser works, or the app (XR14)`, async () => {
      const chat = await realChat('webchat', { locale });
      const w =
        locale === 'en' ? ['how do video visits work', 'do i need to download an app or smth'] : ['como funcionan las visitas por video', 'tengo q bajar alguna app o algo asi para eso'];
      await say(chat, 'webchat', w[0]!);
      const app = await say(chat, 'webchat', w[1]!);
      has(locale, app, 'followUp.about.videoNeeds');
      hasNot(locale, app, 'followUp.again');
    });

    it(`webchat ${locale}: do I need an app after the bill answer: the site in a browser, or the app (XR14)`, async () => {
      const chat = await realChat('webchat', { locale });
      const w = locale === 'en' ? ['how do i pay my bill', 'do i need to download an app for that'] : ['como pago mi factura', 'necesito bajar la app para eso?'];
      await say(chat, 'webchat', w[0]!);
      const app = await say(chat, 'webchat', w[1]!);
      assert.ok(textOf(app).includes('member.evergreen-health.example'), textOf(app));
      hasNot(locale, app, 'followUp.again');
    });
  }

  const bills: Array<['en' | 'es', string]> = [
    ['es', 'me llego un bill de $240 y no entiendo porque'],
    ['es', 'xq me cobraron 240 en la factura'],
    ['en', 'why was i charged $240 on my bill'],
    ['en', 'what is this charge for on my bill'],
  ];
  for (const [locale, words] of bills) {
    it(`teams ${locale}: "${words}" goes straight to the charges explained, not the billing menu (XS06)`, async () => {
      const chat = await realChat('msteams', { locale, from: { id: '29:alex', aadObjectId: ALEX.teams } });
      const r = await say(chat, 'msteams', words);
      has(locale, r, 'billing.answer.highBill');
      hasLink(r, '/billing/statements');
    });
  }
});
