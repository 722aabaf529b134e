import { fold } from './common/text';

/*
 * A crisis told about someone else ("my son is 17 and just told me he wants to kill himself", "mi
 * hermana dice que se quiere matar"): the answer speaks to the person helping (988 helps them too;
 * 911 if that person took something or is in danger; stay with them), not to someone at risk
 * themself (newcomer run v20, X13). Any first-person crisis word keeps the member's own answer.
 */

/** The writer's own crisis words (folded text): the member may be the one at risk. */
const OWN = /\b(?:myself|my life|kill me|(?:i|im|i am|ive|i have|i just|i really|i dont|i do not|i cant|i can not) (?:want|wanna|wish|am going|going|gonna|plan|planned|planning|feel like|tried|took|dont want to live|do not want to live|cant go on|can not go on|cant do this|am done|done)\b|\bim (?:done|suicidal|going to end|gonna end)\b|me quiero (?:morir|matar)|quiero morir\w*|matarme|suicidarme|(?:yo )?(?:ya )?no quiero vivir|mi vida|ya no aguanto|no puedo mas)\b/;
/** Someone else at risk: a third person's crisis words. */
const OTHER = /\b(?:himself|herself|themselves|themself|(?:he|she|they) (?:wants?|wanna|is going|are going|said|says|keeps? saying|tried|might|will|would|told)|(?:hes|shes|theyre) (?:going|gonna|talking|thinking|suicidal)|told (?:me|us) (?:he|she|they)|matarse|suicidarse|quitarse la vida|se quiere (?:morir|matar|suicidar)|quiere morirse|se va a (?:matar|suicidar)|(?:dice|dijo) que (?:se quiere|quiere morir|ya no quiere vivir))\b/;

/** True when the message tells of someone else's crisis and not of the writer's own. */
export function crisisAboutOther(text: string | undefined): boolean {
  if (!text) return false;
  const folded = fold(text).replace(/[^a-z0-9 ]+/g, ' ');
  // "told me he wants to": "me" is the listener there, not the one at risk.
  const own = folded.replace(/\b(?:told|tell|tells|texted|called|asked) (?:me|us)\b|\b(?:me|nos) (?:dijo|dice|conto|escribio)\b/g, ' ');
  return OTHER.test(folded) && !OWN.test(own);
}

/**
 * A young child named ("my 3 year old", "the baby", "mi niña de 2 años"): a poisoning answer for
 * them never adds "if it was taken on purpose, 988" (newcomer run v23, Z07: a toddler who drank
 * detergent). A teenager or a grown child keeps it.
 */
const YOUNG_CHILD = /\b(?:baby|babies|infant|newborn|toddler|preschooler|(?:[1-6]|one|two|three|four|five|six)[ -]?(?:year|yr|month|mo)s?[ -]?old|(?:[1-6]|one|two|three|four|five|six) ?(?:yo|y o)|\d{1,2} (?:months?|mos?) old|bebe|bebita|bebito|nene|nena|chiquit[oa]|(?:nin[oa]|hij[oa]|nieto|nieta) de (?:[1-6]|un|una|dos|tres|cuatro|cinco|seis) (?:anos?|anitos?|meses|mes)|de (?:[1-6]|un|dos|tres|cuatro|cinco|seis) (?:anitos|meses))\b/;

export function youngChild(text: string | undefined): boolean {
  return !!text && YOUNG_CHILD.test(fold(text).replace(/[^a-z0-9 ]+/g, ' '));
}
