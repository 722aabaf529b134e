import { z } from 'zod';
import type { FollowUpMode } from '../dialogs/triage';
import { readDataFile, regexSource } from '../common/dataFile';
import { StartupError } from '../common/errors';
import { fromRoot } from '../common/paths';
import type { UrgentMemory } from './urgentWindow';

export class UrgentWordsError extends StartupError {}

/** Every follow-up there is (dialogs/triage.ts): what `stillAboutIt` may name. */
const FOLLOW_UP_MODES = [
  'full', 'reminder', 'refusal', 'called', 'onTheWay', 'mail', 'account', 'privacy', 'police', 'goodbye', 'aside', 'later', 'means', 'safe', 'ack', 'still', 'injury', 'phone', 'phoneAgain', 'handled', 'danger', 'worse', 'alone', 'toldToGo', 'asksToGo', 'calledSelf', 'calmer', 'coverage',
] as const satisfies readonly FollowUpMode[];

const concepts = z.array(z.string().regex(/^[a-z_]+$/, { error: 'expected a triage concept name' })).min(1);

const fileSchema = z.strictObject({
  $comment: z.string().optional(),
  cancels: z.array(regexSource).min(1),
  newSigns: concepts,
  namedByCall: concepts,
  abuseSigns: concepts,
  crisisSigns: concepts,
  deniableSigns: concepts,
  worseAfterPoison: concepts,
  worseWordsAfterPoison: z.array(regexSource).min(1),
  dangerAfterAbuse: concepts,
  notDangerOnly: concepts,
  stillAboutIt: z.array(z.enum(FOLLOW_UP_MODES)).min(1),
});

/** A body part named, with its pain or a sign: the hurt a disclosure already told of. */
const BODY_ONLY: ReadonlySet<string> = new Set(['body', 'pain', 'sign']);

/** The concept a denial carries ("no estoy herida", "i'm not hurt"). */
const NEGATION = 'negation';

/**
 * What the follow-up after an urgent answer reads beyond the follow-up readings: the triage
 * concepts that are a new sign of their own (and those a call made names anyway), the signs of a
 * disclosure and of a crisis, the signs a denial may name, and the words of a cancel or a move. The
 * words are data (`pipeline/data/urgent-follow-up.json`); what they mean is this module's.
 */
export class UrgentWords {
  private constructor(
    private readonly cancelling: readonly RegExp[],
    private readonly newSigns: ReadonlySet<string>,
    private readonly newSignsAfterCall: ReadonlySet<string>,
    private readonly abuseSigns: ReadonlySet<string>,
    private readonly crisisSigns: ReadonlySet<string>,
    private readonly deniableSigns: ReadonlySet<string>,
    private readonly worseAfterPoison: ReadonlySet<string>,
    private readonly worseWordsAfterPoison: readonly RegExp[],
    private readonly dangerSigns: ReadonlySet<string>,
    private readonly notDangerOnly: ReadonlySet<string>,
    private readonly stillAbout: ReadonlySet<FollowUpMode>,
  ) {}

  static load(file: string = fromRoot('pipeline', 'data', 'urgent-follow-up.json')): UrgentWords {
    const data = readDataFile(file, fileSchema, 'Urgent follow-up words', (message) => new UrgentWordsError(message));
    const unknown = data.namedByCall.filter((c) => !data.newSigns.includes(c));
    if (unknown.length) throw new UrgentWordsError(`Urgent follow-up words file ${file}: namedByCall names concepts that are not newSigns: ${unknown.join(', ')}.`);
    return new UrgentWords(
      data.cancels.map((source) => new RegExp(source, 'i')),
      new Set(data.newSigns),
      new Set(data.newSigns.filter((c) => !data.namedByCall.includes(c))),
      new Set(data.abuseSigns),
      new Set(data.crisisSigns),
      new Set(data.deniableSigns),
      new Set(data.worseAfterPoison),
      data.worseWordsAfterPoison.map((source) => new RegExp(source, 'iu')),
      new Set(data.dangerAfterAbuse),
      new Set(data.notDangerOnly),
      new Set(data.stillAboutIt),
    );
  }

  /** Cancelling or moving a visit ("can u cancel the appt"): the member may be on the way to the ER. */
  cancels(text: string): boolean {
    return this.cancelling.some((re) => re.test(text));
  }

  /** A new medical or crisis sign of its own: the triage's answer, whatever came before. */
  newSign(concepts: readonly string[]): boolean {
    return concepts.some((c) => this.newSigns.has(c));
  }

  /** The same, less what a call made names anyway ("I called Poison Control about the pills"). */
  newSignAfterCall(concepts: readonly string[]): boolean {
    return concepts.some((c) => this.newSignsAfterCall.has(c));
  }

  /**
   * A new sign beyond a body part named with its pain or a sign ("can i get my wrist looked at",
   * the hurt already disclosed), or a crisis word: with the disclosure read again, the triage's own.
   */
  newSignBeyondBody(concepts: readonly string[]): boolean {
    return concepts.some((c) => (this.newSigns.has(c) && !BODY_ONLY.has(c)) || this.crisisSigns.has(c));
  }

  /** A new sign or a crisis word. */
  newOrCrisisSign(concepts: readonly string[]): boolean {
    return concepts.some((c) => this.newSigns.has(c) || this.crisisSigns.has(c));
  }

  /** A sign that makes an abuse outcome a disclosure of its own (violence, an abuser, fear…). */
  abuseSign(concepts: readonly string[]): boolean {
    return concepts.some((c) => this.abuseSigns.has(c));
  }

  /**
   * Safe for now after an abuse disclosure, whatever the triage hears in the words ("no estoy
   * herida" names a sign, denied): no crisis word, and no new sign but a denied one.
   */
  safeForNow(concepts: readonly string[]): boolean {
    if (concepts.some((c) => this.crisisSigns.has(c))) return false;
    const denied = concepts.includes(NEGATION);
    return !concepts.some((c) => this.newSigns.has(c) && !(denied && this.deniableSigns.has(c)));
  }

  /**
   * After a Poison Control answer, the person now worse (drowsy or hard to wake, seizing, throwing
   * up, breathing oddly), in the triage's concepts or in the member's own words ("shes acting
   * sleepy", "no despierta"): a sign for 911 now.
   */
  drowsyAfterPoison(kept: Pick<UrgentMemory, 'intent' | 'kind'>, concepts: readonly string[], text = ''): boolean {
    if (kept.intent !== 'emergency' || kept.kind !== 'poison') return false;
    return concepts.some((c) => this.worseAfterPoison.has(c)) || this.worseWordsAfterPoison.some((re) => re.test(text));
  }

  /**
   * Right after an abuse disclosure, fear or danger ("tengo miedo, el esta aqui en la casa", "i'm
   * scared he's home") with no crisis word and no doubt of self-harm: still the abuse, never the
   * crisis script.
   */
  dangerAfterAbuse(kept: Pick<UrgentMemory, 'intent'>, concepts: readonly string[]): boolean {
    if (kept.intent !== 'abuse' || !concepts.some((c) => this.dangerSigns.has(c))) return false;
    return !concepts.some((c) => this.crisisSigns.has(c) || this.notDangerOnly.has(c));
  }

  /** A follow-up after which a bare "ok" is still about the urgent answer, once its window is used. */
  stillAboutIt(mode: FollowUpMode): boolean {
    return this.stillAbout.has(mode);
  }
}
