import { fold } from './decisionShares';
import type { SentenceView } from './features';
import { I } from './probabilities';

/*
 * A first-person disclosure of sexual violence in its own words ("I was raped", "my uncle molested
 * me as a kid", "fui violada hace años", "me manoseó"): the sexual-assault answer (RAINN, a
 * person, calm), when the model gives sexual or child abuse a fair share, even where it leans to
 * mental health because therapy or flashbacks are named beside it (development set v22: "my uncle
 * molested me as a kid and I want to start therapy about it" got only the mental-health answer,
 * "fui violada hace años y todavía tengo flashbacks" only the safety net). Used by
 * intents/triage/safetyTriage.ts (disclosedInWords); a third person's case, a bill or a record ("my wife's rape kit
 * was billed") is not this: the words must say it was done to the writer.
 */
const DONE_TO_ME = /\b(?:i was|i got|ive been|i have been|i had been|i been) (?:raped|molested|sexually (?:assaulted|abused)|date raped|groped|assaulted sexually)\b|\b(?:raped|molested|sexually (?:assaulted|abused)|groped|fondled) me\b|\b(?:fui|he sido|estaba siendo) (?:violada|violado|abusada sexualmente|abusado sexualmente|manoseada|manoseado)\b|\bme (?:violaron|violo|violaba|manoseo|manoseaba|manosearon|tocaba|toco) (?:\w+ ){0,3}(?:partes|cuando era|de nina|de nino|de chiquit[oa]|sin mi permiso|a la fuerza)\b|\bme (?:violaron|violo|violaba|manoseo|manoseaba|manosearon)\b|\babuso sexualmente de mi\b|\bme (?:agarra|agarro|agarraba|toca|toco) (?:las nalgas|los senos|el pecho|mis partes)\b/;
/** Not a disclosure of the writer's own: a bill, a claim or a record of it, or a story. */
const NOT_A_DISCLOSURE = /\b(?:bill|billed|billing|charge|charged|invoice|statement|claim|factura|cobro|cobraron|copy of|records? (?:of|from)|expediente de|my (?:character|story|novel|book)|in the (?:movie|show|book))\b/;
/** The model's share of sexual and child abuse at which the words decide: any share at all, since the words are explicit. */
export const SEXUAL_WORDS_SHARE = 0.02;

const folded = (text: string): string => fold(text).replace(/['\u2019`]/g, '').replace(/[^a-z0-9 ]+/g, ' ').replace(/ +/g, ' ');

export function sexualDisclosure(text: string): boolean {
  const f = folded(text);
  return DONE_TO_ME.test(f) && !NOT_A_DISCLOSURE.test(f);
}

/*
 * A cover story taken back ("no fue la puerta, fue mi esposo", "i didn't fall, it was my
 * boyfriend"): the partner's violence disclosed, often after an injury was first explained away
 * (newcomer run v23, W12: only the safety net).
 */
const COVER_STORY_BACK = /\b(?:no fue (?:la|el|una|un) \w+|no me (?:cai|pegue|golpee)|it wasnt (?:the|a|an) \w+|i didnt (?:fall|trip|slip|walk into \w+|bump \w+))\b.{0,30}\b(?:fue|me lo hizo|me pego|it was|he did it|she did it|did it)\b (?:mi|el|la|my)? ?(?:esposo|esposa|marido|mujer|pareja|novio|novia|ex|husband|wife|boyfriend|girlfriend|partner|ex)\b/;

export function partnerDisclosure(text: string): boolean {
  return COVER_STORY_BACK.test(folded(text));
}

/** Words of a crisis: with one of them, the model's crisis stands over a cover story taken back. */
const CRISIS_CONCEPTS: ReadonlySet<string> = new Set(['death_wish', 'self_harm', 'hopeless', 'farewell']);

/** A cover story taken back with no word of a crisis: read before the model's emergency (it read "no fue la puerta, fue mi esposo" as a crisis). */
export function partnerFirst(text: string, sentences: readonly SentenceView[]): boolean {
  return partnerDisclosure(text) && !sentences.some((s) => s.concepts.some((c) => CRISIS_CONCEPTS.has(c)));
}

/** The disclosure the words make (sexual violence done to the writer, a cover story taken back), given the model's probabilities. */
export function disclosedInWords(text: string, p: Float64Array): 'sexual' | 'dv' | null {
  if (p[I.sexual]! + p[I.child]! >= SEXUAL_WORDS_SHARE && sexualDisclosure(text)) return 'sexual';
  return partnerDisclosure(text) ? 'dv' : null;
}
