import type { OptionMatcher } from './common/options';
import { fold } from './common/text';

/** Who a message is about when it names a family member: a child, or another relative. */
export type FamilyMention = 'child' | 'relative';

/** Words for a child (folded: no accents): "my daughter", "mi hija", "the baby", "mis niños". */
const CHILD_WORDS = /\b(?:daughter|son|kid|kids|child|children|baby|toddler|infant|boy|girl|little one|teen|teenager|hij[oa]s?|nin[oa]s?|bebe|nene|nena|chiquit[oa]s?)\b/;

/**
 * A family member named in the member's own words ("need to get my daughter seen", "mi esposo
 * tiene fiebre"): the same words that answer "Who is the appointment for?" with "A family member".
 * Null when the message names none (or speaks of the member themself).
 */
export function familyMention(options: OptionMatcher, text: string | undefined): FamilyMention | null {
  if (!text || options.prefill(text, 'appointment.patient') !== 'family') return null;
  return CHILD_WORDS.test(fold(text)) ? 'child' : 'relative';
}
