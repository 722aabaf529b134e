import { fold } from '../dialogs/common/text';

/**
 * After an abuse disclosure, a message about a hurt body ("i just want someone to look at my eye
 * its blurry", "it hurts when i breathe since he kicked me", "me duele la cabeza desde que me
 * pegó", "im not suicidal, can i book something today for my eye"): an injury after violence,
 * to be cared for at once (pipeline/urgentFollowUp.ts, the `injury` follow-up), never the crisis
 * script nor a booking menu. Read from the triage's concepts and a few words the concepts do not
 * name (a change in vision, a blow to the head, care asked for the body). Folded text.
 */

/** Concepts that are a hurt of their own: a serious injury, trouble or pain breathing. */
const HURT: ReadonlySet<string> = new Set(['injury', 'breathing']);
/** A body part named, together with pain, a sign, or care asked for it. */
const BODY = 'body';
const BODY_WITH: ReadonlySet<string> = new Set(['pain', 'sign']);
/** Crisis words: never read as an injury unless the member denied them ("im not suicidal"). */
const CRISIS: ReadonlySet<string> = new Set(['death_wish', 'self_harm', 'farewell', 'ingest']);
/** Crisis words a denial never clears (something done to oneself). */
const UNDENIABLE: ReadonlySet<string> = new Set(['self_harm', 'ingest']);

/** Signs of harm the triage's concepts do not name: vision, a blow to the head, fainting. */
const HARM_WORDS: readonly RegExp[] = [
  /\b(blurry|blurred|blurring|fuzzy|double vision|seeing double|see double|cant see|can not see|cannot see|hard to see|lost (my )?vision|vision (is|went|got)|seeing spots|see spots|seeing stars|flashes)\b/,
  /(?<!\b(to|gonna|will|would|might|could) )\b(hit|hits|punched|kicked|slammed|banged|smashed|struck)( \w+){0,3} (my|the) (head|skull|face|eye|temple)\b/,
  /\b(passed out|blacked out|knocked out|lost consciousness|keep throwing up|cant stop throwing up)\b/,
  /\b(borros[oa]|nublad[oa]|veo doble|no veo (bien|nada)|no puedo ver|perdi la vista|veo manchas|veo lucecitas)\b/,
  /\b(me pego|me golpeo|me dio|me pateo|me aventaron|me azoto)( \w+){0,3} (en la|la|contra la) (cabeza|cara|ojo|frente)\b/,
  /\b(me desmaye|perdi el conocimiento|no dejo de vomitar)\b/,
  /\b(headaches?|head (hurts|is pounding|is killing me)|dizzy|dizziness|lightheaded|throwing up|vomiting|bleeding)\b/,
  /\b(dolor de cabeza|me duele la cabeza|mareada|mareado|mareos?|vomit\w*|sangr\w*)\b/,
];

/** Care asked for the body ("someone to look at my eye", "get checked", "que me revisen"). */
const CARE_ASK: readonly RegExp[] = [
  /\b(look at|check|checked|check out|examine|see|seen|take a look at|x ray|xray)( \w+){0,2} (my|me|it|this)\b/,
  /\b(get|be|getting) (checked|seen|looked at|examined)\b/,
  // the body part between ("can i still get my wrist looked at", v17 X11)
  /\b(get|getting|have|having)( \w+){1,2} (checked|seen|looked at|checked out|examined|x rayed)\b/,
  /\b(see|need|want) (a|the) (doctor|dr|nurse)\b/,
  /\b(revis\w*|chequ\w*|examin\w*|vea|ver|atiend\w*|cheque\w*)( \w+){0,2} (el|la|mi|me|los|las)\b/,
  /\b(que me (revisen|vean|atiendan|chequen|examinen)|ver a un (doctor|medico)|me vea un (doctor|medico))\b/,
  // a visit asked for a body part ("can i book something today for my eye", "una cita para mi ojo")
  /\b(book|booking|appointment|appt|visit|cita|consulta)( \w+){0,5} (for|about|para|por) (my|mi|mis|el|la) \w+/,
];

/** Care asked for the body ("can i still get my wrist looked at this week"). Plain text. */
export function asksCare(text: string): boolean {
  const folded = fold(text);
  return CARE_ASK.some((re) => re.test(folded));
}

/**
 * True when the message speaks of a hurt body: a hurt concept, a harm word, or a body part with
 * pain, a sign or care asked for it; and no crisis word the member did not deny (`deniedCrisis`:
 * the triage read a denial, "im not suicidal").
 */
export function injuryAfterAbuse(text: string, concepts: readonly string[], deniedCrisis: boolean): boolean {
  if (concepts.some((c) => UNDENIABLE.has(c))) return false;
  if (!deniedCrisis && concepts.some((c) => CRISIS.has(c))) return false;
  const folded = fold(text);
  if (!folded) return false;
  if (concepts.some((c) => HURT.has(c)) || HARM_WORDS.some((re) => re.test(folded))) return true;
  return concepts.includes(BODY) && (concepts.some((c) => BODY_WITH.has(c)) || CARE_ASK.some((re) => re.test(folded)));
}

/** The triage read a denial of a crisis in the message ("im not suicidal", "no me quiero matar"). */
export function deniesCrisis(result: { match?: { rule?: string } | null; safety?: { rule?: string } | null }): boolean {
  return !!(result.match?.rule?.startsWith('denial:') || result.safety?.rule?.startsWith('denial:'));
}
