import { fold } from './decisionShares';
import type { SentenceView } from './features';

/*
 * A reassurance the writer gives about the body ("respira bien por la boca y está tranquilo", "no
 * me duele ni veo mal", "fine at rest", "se me para solita en 5 min"): the model's medical
 * emergency, with no lexicon rule behind it, is a symptom for the nurse line (whose answer still
 * says to call 911 if it gets worse). Used by intents/triage/safetyTriage.ts; a strong lexicon
 * rule (chest pain, a newborn's fever, not breathing) fires whatever this says.
 */

/** Words that say the sign is mild, stable, past or stopping on its own (folded text). */
const REASSURED = /(?<!\b(?:no|not|isnt|cant|wont|doesnt|ni) )\b(?:breathing (?:fine|ok|okay|normally|normal|good)|no (?:trouble|problem|issues?) breathing|fine at rest|fine otherwise|otherwise (?:fine|ok|okay|healthy|normal)|(?:is|seems|acting|acts) (?:fine|normal|ok|okay|totally fine) (?:now|otherwise|besides)|no fever|eating (?:fine|well|ok|okay|normally)|(?:drinking|feeding|nursing) (?:fine|well|ok|okay|normally)|not deep|(?:stopped|stops|went away|goes away) (?:on its own|by itself)|doesnt hurt|does not hurt|no pain|(?:the )?bleeding (?:has )?stopped|(?:it|the cut|the wound) stopped bleeding|dejo de sangrar|ya no (?:le |me )?sangra|respira bien|respira normal|respira sin problema|sin fiebre|no tiene fiebre|come bien|esta tranquil[oa]|no fue profund[oa]|no me duele|no le duele|(?:se me|se le) (?:para|paro|quita|quito|pasa|paso) sol[oi]t[oa]|se (?:para|quita|pasa) sol[oa]|ni veo mal|por lo demas (?:bien|esta bien|estoy bien)|todo lo demas (?:bien|normal))\b/;
/** Words that undo a reassurance: it got worse, or a sign of danger beside it. */
const NOT_REASSURED = /\b(?:but now|now (?:he|she|they|it|i) (?:cant|wont|is not|isnt)|getting worse|worse now|suddenly|pero ahora|ahora (?:ya )?no|empeor\w*|de repente|cada vez peor|blue|azul\w*|morad[oa]s?|faint\w*|passed out|desmay\w*|unconscious|inconsciente|wont wake|no despierta|seizure|convuls\w*|vomit\w* blood|sangre (?:en el vomito|al vomitar))\b/;

/** Signs the reassurance never outweighs: a stroke's or a heart's sign, a collapse, drowsiness. */
const RED_FLAGS: ReadonlySet<string> = new Set(['stroke_sign', 'collapse', 'drowsy']);
/** Above this emergency probability the model is sure, whatever reassurance is written beside it. */
const SURE = 0.9;

/**
 * Whether the writer reassures about the body, says nothing that undoes it, names no red flag, and
 * the model's emergency probability `pe` is short of sure ("chest pain and my left arm is numb, no
 * fever though" stays 911).
 */
export function reassured(text: string, pe: number, sentences: readonly SentenceView[]): boolean {
  if (pe >= SURE || sentences.some((s) => s.concepts.some((c) => RED_FLAGS.has(c)))) return false;
  const folded = fold(text).replace(/['\u2019`]/g, '').replace(/[^a-z0-9 ]+/g, ' ').replace(/ +/g, ' ');
  return REASSURED.test(folded) && !NOT_REASSURED.test(folded);
}
