import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { linksOf, textOf } from '../support/chat';
import { ALEX, JORDAN } from '../support/identity';
import { realChat, signedInChat } from './memberWords';
import { catalog } from './support';

/**
 * A signed-in member's renewal question is answered from their own prescriptions (newcomer run
 * v6, WG03, WG17, SH01): a medicine named or described that is none of theirs is said to be
 * missing, a member with nothing out of refills is told so with their list, and "send it to my
 * doctor" after a renewal answer is the renewal request to the care team, never "I can't send
 * documents". Jordan's prescriptions all have refills left; Alex's Albuterol has none.
 */
describe('renewals read from the member\'s own prescriptions (newcomer run v6)', function () {
  this.timeout(60_000);

  const t = (locale: 'en' | 'es', key: string) => catalog.text(locale, key);

  for (const [locale, words] of [
    ['en', 'the pharmacy told me my losartan has no refills, what should I do'],
    ['en', 'is my cholesterol pill out of refills'],
    ['es', 'la farmacia dice que mi losartán ya no tiene surtidos'],
  ] as const) {
    it(`Web Chat ${locale}, Jordan: "${words}" says that medicine is not among theirs, and that none of theirs needs a renewal`, async () => {
      const chat = await signedInChat(JORDAN.memberId, { locale });
      const replies = await chat.say(words);
      const text = textOf(replies);
      assert.ok(text.includes(t(locale, 'refill.live.notOnList')), text);
      assert.ok(text.includes(t(locale, 'refill.live.noneOutOfRefills')), text);
      assert.match(text, /Omeprazole/);
    });
  }

  for (const [locale, words] of [
    ['en', 'do any of my prescriptions need to be renewed'],
    ['es', '¿alguna de mis recetas necesita renovación?'],
  ] as const) {
    it(`Web Chat ${locale}, Jordan: "${words}" answers from their list, not the general renewal text alone`, async () => {
      const chat = await signedInChat(JORDAN.memberId, { locale });
      const text = textOf(await chat.say(words));
      assert.ok(text.includes(t(locale, 'refill.live.noneOutOfRefills')), text);
      assert.match(text, /Cetirizine/);
    });
  }

  for (const [locale, first, ask, sendIt] of [
    ['en', "what's the status of my prescriptions", 'which ones need renewing', 'ok send the request to my doctor please'],
    ['es', 'quiero saber el estado de mis recetas', '¿cuál de mis recetas necesito renovar?', 'bueno, mándela a mi doctora por favor'],
  ] as const) {
    it(`SMS ${locale}, Alex: "${sendIt}" after the renewal answer is the renewal request to the care team`, async () => {
      const chat = await realChat('sms', { locale, from: { id: ALEX.phone } });
      await chat.say(first);
      const sent: Partial<Activity>[] = await chat.say('1');
      const code = /\b(\d{6})\b/.exec(textOf(sent))?.[1];
      assert.ok(code, textOf(sent));
      await chat.say(code);
      const renewal = textOf(await chat.say(ask));
      assert.match(renewal, /Albuterol/);
      const replies = await chat.say(sendIt);
      const text = textOf(replies);
      assert.ok(text.includes(t(locale, 'followUp.about.renewalDoIt').split('{')[0]!.split(':')[0]!), text);
      assert.ok(linksOf(replies).some((l) => l.endsWith('/secure/message-center/new')), text);
    });
  }
});
