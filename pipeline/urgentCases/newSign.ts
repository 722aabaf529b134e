import { fold } from '../../dialogs/common/text';
import { deniesCrisis, injuryAfterAbuse } from '../injuryAfterAbuse';
import { replyCase } from './urgentCase';

/** Making someone vomit, or giving milk, water or food, asked about (folded text). */
const FIRST_AID_ASKED =
  /\b(?:(?:should|do|can|shall) (?:i|we) (?:make|get) (?:him|her|them|my \w+|the baby|it) (?:throw up|vomit|puke)|make (?:him|her|them|the baby|my \w+) (?:throw up|vomit|puke)|induce vomiting|(?:should|do|can) (?:i|we) (?:give|feed) (?:him|her|them|the baby|my \w+)? ?(?:milk|water|food|bread|something|anything)|give (?:him|her|them|the baby) (?:milk|water|bread)|(?:lo|la|los|las) (?:hago|hacemos|pongo a|ponemos a) vomitar|hacer(?:lo|la|le) vomitar|provocar(?:le)? (?:el )?vomito|(?:le|les) (?:doy|damos|puedo dar|podemos dar) (?:leche|agua|algo|pan|de comer|comida))\b/;

/**
 * After Poison Control, what to do meanwhile asked ("le doy leche? o lo hago vomitar?", "should i
 * make him throw up?"): not to make them vomit nor give anything unless Poison Control says so,
 * the call now, and 911 for the signs that need it. Never read as the person vomiting (newcomer run
 * v22, X12: "vomitar" in the question was taken for a new sign and 911 came first).
 */
export const firstAidAfterPoison = replyCase('firstAidAfterPoison', ({ kept, text }) =>
  kept.intent === 'emergency' && kept.kind === 'poison' && FIRST_AID_ASKED.test(fold(text)) ? 'firstAid' : undefined,
);

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
