import { splitSentences } from '../text/normalize';
import type { EmergencyCheck } from '../types';
import type { SentenceView } from './features';
import { I } from './probabilities';

/*
 * A strong lexicon phrase inside a frame the model is sure is no emergency: a bill or a claim
 * ("my heart stopped when i saw this bill", "the poison control call showed up on my bill"), a
 * figure of speech, a story or a game ("ese examen de matematicas me mató", "in my D&D game my
 * rogue got poisoned"), or a joke ("que oso, me quiero morir, le mandé el mensaje a la persona
 * equivocada jaja"). The rule reads the phrase; the model reads the whole message. When the model
 * gives "no outcome" at least SURE_OTHER, a portal task, a figure of speech or a laugh frames the
 * message, and nothing says it is happening now (no "now" or sudden onset, no collapse, no fear),
 * the message is answered as what it is, with the safety line (911, 988, the nurse line) as a
 * signal. The frame must be in the very sentence the rule fires in: "I need my records from the
 * hospital in 2019. I want to kill myself" is a crisis whatever the first sentence asks. On the development sets seen-v1..v21 this held for 46 false emergencies and no
 * emergency; "my husband just slumped over at the table" inside a billing question keeps its 911
 * (collapse, now). Used by intents/triage/safetyTriage.ts.
 */

/** How sure the model must be that the message is no outcome at all. */
const SURE_OTHER = 0.95;
/** The concepts that frame a message as a task or a figure of speech. */
const FRAMES = new Set(['task', 'figurative']);
/** Concepts that say it is happening now, to a body, or that someone is afraid. */
const HAPPENING = new Set(['onset_now', 'collapse', 'fear']);
/** A laugh, in either language (normalized tokens). */
const LAUGH = /^(?:lol|lmao|lmfao|rofl|xd|(?:ha){2,}h?|(?:ja){2,}j?|(?:je){2,}j?|(?:ji){2,}j?|(?:he){2,}h?)$/;

/**
 * Whether a strong rule's emergency is a phrase inside a frame the model is sure of: the whole
 * message reads as no outcome, nothing in it happens now, and every sentence a strong rule fires
 * in is framed itself (a task, a figure of speech or a laugh in that sentence).
 */
export function framedRule(text: string, p: ArrayLike<number>, read: (sentence: string) => readonly SentenceView[], detector: EmergencyCheck): boolean {
  if ((p[I.other] ?? 0) < SURE_OTHER) return false;
  let fired = 0;
  for (const sentence of splitSentences(text)) {
    const views = read(sentence);
    const concepts = new Set(views.flatMap((s) => s.concepts));
    if ([...HAPPENING].some((c) => concepts.has(c))) return false;
    if (!detector.detect(sentence)?.strong) continue;
    fired++;
    const laughs = views.some((s) => s.tokens.some((t) => LAUGH.test(t)));
    if (!laughs && ![...FRAMES].some((c) => concepts.has(c))) return false;
  }
  return fired > 0;
}
