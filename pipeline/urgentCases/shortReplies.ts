import { refusesPhone } from '../careFollowUp';
import { replyCase, withTask, type UrgentCase } from './urgentCase';

/** After a crisis answer, the means at hand named: means safety, and the window opens again. */
export const means: UrgentCase = {
  name: 'means',
  async answer({ context, kept, locale, reading }, { window, reply }) {
    if (reading !== 'means' || kept.kind !== 'crisis') return undefined;
    await window.answered(context, kept, window.settings.messages);
    await reply.give(context, kept, locale, 'means');
    return true;
  },
};

/** "ok", "idk", "vale": a short caring reply with the number and a person, never "outside what I can help with". */
export const ack = replyCase('ack', ({ kept, reading }) => (reading !== 'ack' ? undefined : kept.last === 'ack' ? 'still' : 'ack'));

/**
 * "I don't want to call anyone" after 988 or a hotline (the recognizer may hear a request for a
 * person in it): the ways that need no call (988 by text or chat, the text line), never the
 * Member Services hand-off; after 911 or Poison Control, the answer to a refusal.
 */
export const noCall = replyCase('noCall', ({ kept, text }) => {
  if (!refusesPhone(text)) return undefined;
  return kept.intent === 'emergency' && kept.kind !== 'crisis' ? 'refusal' : 'full';
});

/** A person asked for, with no task: the hand-off, as usual. */
export const personAsked: UrgentCase = {
  name: 'personAsked',
  async answer(now) {
    return now.turn.result.intent === 'agent' && !withTask(now) ? false : undefined;
  },
};
