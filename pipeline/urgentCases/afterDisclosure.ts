import { phoneSafety } from '../phoneSafety';
import { replyCase, withTask, type UrgentCase } from './urgentCase';

/**
 * "he checks my phone. pls dont text me back" after a disclosure: phone safety (on SMS, no text
 * from us unless they write), the hotline from a safe phone or its chat; with a task, the task
 * goes on after.
 */
export const watched: UrgentCase = {
  name: 'watched',
  async answer(now, { reply }) {
    const { context, kept, locale, reading } = now;
    if (reading !== 'watched' || kept.intent !== 'abuse') return undefined;
    await reply.give(context, kept, locale, phoneSafety(kept));
    return !withTask(now);
  },
};

/**
 * "don't tell anyone" after a disclosure: who will know, never the crisis script; nor a
 * hand-off, whatever the recognizer hears in it ("no le cuente nada a mi esposo"). With a task
 * ("I need an appointment but he can't know"), the task goes on after it. "he knows my password",
 * "how do i keep him out of the portal": keeping them out of the account. And the police.
 */
export const whoWillKnow: UrgentCase = {
  name: 'whoWillKnow',
  async answer(now, { reply }) {
    const { context, kept, locale, reading } = now;
    if ((reading !== 'account' && reading !== 'privacy' && reading !== 'police') || kept.intent !== 'abuse') return undefined;
    await reply.give(context, kept, locale, reading);
    return !withTask(now);
  },
};

/** After a disclosure, "I'm at a friend's", "he's gone": acknowledged, with the hotline. */
export const safeNow = replyCase('safeNow', (now) => {
  const { kept, reading } = now;
  if ((reading !== 'safe' && reading !== 'reassured') || kept.intent !== 'abuse' || withTask(now)) return undefined;
  return kept.last === 'safe' ? 'ack' : 'safe';
});

/**
 * "can u mail the new card to my sisters place", "how do i change my mailing address so he doesnt
 * see my mail" after a disclosure: where mail and contact details go (the contact details page,
 * Member Services, confidential communications), never the hotline text or a task's answer again.
 */
export const mailElsewhere = replyCase('mailElsewhere', ({ kept, reading }) => (reading === 'mail' && kept.intent === 'abuse' ? 'mail' : undefined));
