import { splitSentences } from '../text/normalize';
import type { EmergencyCheck } from '../types';

/*
 * A record or a bill of an emergency long past ("can I get the discharge summary from when I
 * overdosed in 2019", "necesito el informe de cuando me intoxiqué con monóxido el invierno
 * pasado"): the strong lexicon rule reads the old event as one happening now. When every sentence
 * a strong rule fires in dates the event a season or more ago, the message asks for a document,
 * and nothing says it is happening now or again, the portal task is answered (with the safety
 * line, as a signal). Used by intents/triage/safetyTriage.ts. Deliberately narrow.
 */

/** A season or more ago (normalized text). */
const LONG_PAST = /\b(?:last (?:year|winter|spring|summer|fall|autumn)|(?:a|one|two|three|four|five|six|several|a few|\d+) years? ago|back in (?:19|20)\d\d|in (?:19|20)\d\d|el ano pasado|el invierno pasado|el verano pasado|la primavera pasada|el otono pasado|hace (?:un|dos|tres|cuatro|cinco|seis|varios|unos|\d+) anos?|en (?:19|20)\d\d)\b/;
/** A document or a bill asked for. */
const DOCUMENT = /\b(?:records?|report|paperwork|papers|documentation|proof|summary|bill|claim|letter|form|copy|informe|expediente|papeles|constancia|comprobante|resumen|factura|cuenta|reclamo|carta|historial|copia)\b/;
/** It is happening now or again (a "fine now" or "ya está bien" is no such word). */
const NOW_AGAIN = /(?<!\b(?:fine|ok|okay|better|good|bien|mejor) )\b(?:now|right now|today|tonight|again|ahora|hoy|esta noche|otra vez|de nuevo)\b|\b(?:still|todavia|aun) (?:want|wanting|think|thinking|feel|feeling|have|having|quiero|pienso|siento|tengo)\b/;

/** Whether the message asks for a record or a bill of an emergency long past, and only that. */
export function pastRecord(text: string, detector: EmergencyCheck): boolean {
  const sentences = splitSentences(text);
  const all = sentences.join(' ');
  if (!DOCUMENT.test(all) || NOW_AGAIN.test(all)) return false;
  return sentences.every((s) => !detector.detect(s)?.strong || LONG_PAST.test(s));
}
