import { deniesCrisis, injuryAfterAbuse } from '../injuryAfterAbuse';
import { replyCase } from './urgentCase';

/**
 * After Poison Control, the person now drowsy or hard to wake ("q hago?? está como muy
 * dormido", "what do i do shes acting sleepy"): 911 now, then Poison Control, whatever the
 * model makes of the words alone (a symptom, to it: never the nurse line after an ingestion).
 */
export const drowsyAfterPoison = replyCase('drowsyAfterPoison', ({ kept, own, text }, { words }) =>
  words.drowsyAfterPoison(kept, own.concepts ?? [], text) ? 'worse' : undefined,
);

/**
 * After a disclosure, a hurt body ("it hurts when i breathe", "im not suicidal. can i book
 * something today for my eye"): care for the injury now, with the hotline; never 988 nor a
 * booking menu (the answer has the same-day visit).
 */
export const injuryAfterDisclosure = replyCase('injuryAfterDisclosure', ({ kept, text, own }) =>
  kept.intent === 'abuse' && injuryAfterAbuse(text, own.concepts ?? [], deniesCrisis(own)) ? 'injury' : undefined,
);

/**
 * After a disclosure, fear or danger and nothing else read ("i'm scared he's home"): 911 now if in
 * danger, the hotline, a person (a worry about who will know, or a person asked for, is answered as such).
 * A task asked for without a word of fear ("ok gracias. y lo de la cita de mi mama?", which names the
 * abuser's concept through "mama") is the task's, resumed by the cases that follow.
 */
export const dangerAfterDisclosure = replyCase('dangerAfterDisclosure', ({ kept, own, reading, turn, asked }, { words }) => {
  const concepts = own.concepts ?? [];
  if (reading || turn.result.intent === 'agent' || (asked !== null && !concepts.includes('fear'))) return undefined;
  return words.dangerAfterAbuse(kept, concepts) ? 'danger' : undefined;
});
