import { deniesCrisis, injuryAfterAbuse } from '../injuryAfterAbuse';
import { replyCase, type UrgentCase } from './urgentCase';

/**
 * After Poison Control, the person now drowsy or hard to wake ("q hago?? está como muy
 * dormido"): 911 now, whatever the model makes of the words alone (a symptom, to it).
 */
export const drowsyAfterPoison: UrgentCase = {
  name: 'drowsyAfterPoison',
  async answer({ context, kept, locale, own }, { words, reply }) {
    if (!words.drowsyAfterPoison(kept, own.concepts ?? [])) return undefined;
    await reply.give(context, kept, locale, 'full', 'medical');
    return true;
  },
};

/**
 * After a disclosure, a hurt body ("it hurts when i breathe", "im not suicidal. can i book
 * something today for my eye"): care for the injury now, with the hotline; never 988 nor a
 * booking menu (the answer has the same-day visit).
 */
export const injuryAfterDisclosure = replyCase('injuryAfterDisclosure', ({ kept, text, own }) =>
  kept.intent === 'abuse' && injuryAfterAbuse(text, own.concepts ?? [], deniesCrisis(own)) ? 'injury' : undefined,
);
