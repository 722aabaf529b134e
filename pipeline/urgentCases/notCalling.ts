import { replyCase, withTask, type UrgentCase } from './urgentCase';

/** "ok thanks bye" after a crisis or a disclosure: a warm goodbye with the line, and the window ends. */
export const goodbye: UrgentCase = {
  name: 'goodbye',
  async answer({ context, kept, locale, reading }, { window, reply }) {
    if (reading !== 'goodbye' || (kept.intent !== 'abuse' && kept.kind !== 'crisis')) return undefined;
    await window.answered(context, kept, 0);
    await reply.give(context, kept, locale, 'goodbye');
    return true;
  },
};

/**
 * "thank u" after 911 or Poison Control: a short warm reply that keeps the number in one line,
 * never the paragraph again nor a goodbye without it (the window goes on: the call may not be made).
 */
export const thanks = replyCase('thanks', ({ reading }) => (reading === 'goodbye' ? 'goodbye' : undefined));

/**
 * A refusal of 911 or Poison Control: the answer to it. After a crisis answer, "can I just make a
 * therapy appointment" is a next step, not a refusal of 911: it goes on as a task (with the reminder).
 */
export const refusal = replyCase('refusal', ({ kept, reading }) =>
  reading === 'refusal' && kept.intent === 'emergency' && kept.kind !== 'crisis' ? 'refusal' : undefined,
);

/**
 * After 911 or Poison Control, a visit asked for instead ("should i still do the video visit
 * tho", "puedo hacer una cita mejor?"): a visit comes too late for this, so the answer to a
 * refusal (call now anyway; the nurse line if sure it is not an emergency), never the video or
 * booking menu after "call 911 now" (newcomer run v12, YV09).
 */
export const visitInstead = replyCase('visitInstead', (now, { words }) => {
  const { kept, asked, text } = now;
  const visit = asked === 'appointment' || asked === 'telehealth';
  return withTask(now) && visit && kept.intent === 'emergency' && kept.kind !== 'crisis' && !words.cancels(text) ? 'refusal' : undefined;
});

/**
 * "she says she's fine now", "ya está mejor": the usual reason not to call, whatever a
 * recognizer makes of it ("…says…" reads like a sign-in error): the number again, unless a task
 * is named ("ya estoy mejor, solo quiero mi cita").
 */
export const seemsFine = replyCase('seemsFine', ({ kept, reading, own }) =>
  reading === 'reassured' && kept.intent === 'emergency' && own.taskWord !== true ? 'full' : undefined,
);
