import { z } from 'zod';
import { readDataFile } from '../../common/dataFile';
import { StartupError } from '../../common/errors';
import { fromRoot } from '../../common/paths';
import { fold } from '../common/text';
import { aspectOf, type Aspect } from '../followUpAspects';
import type { FollowUp, FollowUpReader } from '../followUps';
import type { TopicPriorState } from '../memory';
import { offTopic } from '../offTopic';
import type { TurnInfo, TurnTriage } from '../turn';

export class FollowUpOverGuessError extends StartupError {}

/** A follow-up that names a medicine has this many other words at most ("se trata de mi ..."): more is a message of its own. */
const MAX_BESIDE_NAME = 4;

const ASPECTS = ['meaning', 'why', 'tried', 'needs', 'howItWorks', 'timing', 'cost'] as const satisfies readonly Aspect[];

const fileSchema = z.strictObject({
  $comment: z.string().optional(),
  neutral: z.array(z.string().regex(/^[a-z_]+$/)).min(1),
  aspects: z.array(z.enum(ASPECTS)).min(1),
});

/** The triage's concepts (dialogs may import intents/): every name, and those that are a signal. */
export interface ConceptNames {
  names: readonly string[];
  signal: ReadonlySet<string>;
}

/**
 * A short follow-up about the answer just given ("what does that mean" after the prescription
 * list, "y eso que significa" after the sign-in help, "why is it taking so long", "tengo que bajar algo?"
 * or "how does it work" after the video visits answer; "and how long does that take?", "how much
 * does it cost", "y cuanto tarda?" after the refill or video visits answer: newcomer run v16, Z01,
 * Z05) that the safety
 * triage's model alone reads as symptoms or mental health: no health, distress or safety concept
 * in its words (only the neutral ones: a question, "I", a negation), the model's rule, and no
 * safety signal. The follow-up reader's answer on it wins (dialogs/followUps.ts). Never after a
 * safety answer, never an emergency or abuse, never a message with any other concept ("what does
 * it mean if my chest hurts", "que significa si me duele la cabeza" keep the triage's answer).
 */
export class FollowUpOverGuess {
  private constructor(
    private readonly neutral: ReadonlySet<string>,
    private readonly aspects: ReadonlySet<Aspect>,
    /** The triage's concepts that are a health, distress or safety signal (intents/data/triage/concepts.json `signal`). */
    private readonly signal: ReadonlySet<string> = new Set(),
  ) {}

  static load(concepts: ConceptNames, file: string = fromRoot('dialogs', 'data', 'follow-up-over-guess.json')): FollowUpOverGuess {
    const data = readDataFile(file, fileSchema, 'Follow-up over the model guess', (m) => new FollowUpOverGuessError(m));
    for (const name of data.neutral) {
      if (!concepts.names.includes(name)) throw new FollowUpOverGuessError(`Follow-up over the model guess file ${file}: neutral names an unknown concept "${name}".`);
      if (concepts.signal.has(name)) throw new FollowUpOverGuessError(`Follow-up over the model guess file ${file}: neutral names the signal concept "${name}".`);
    }
    return new FollowUpOverGuess(new Set(data.neutral), new Set(data.aspects), concepts.signal);
  }

  /** The triage's outcome is the model's guess alone: symptoms or mental health, no concept but neutral ones, no safety signal. */
  guessOnly(turn: TurnInfo, triage: TurnTriage): boolean {
    const match = triage.match;
    if (!match || triage.answered || (match.intent !== 'symptoms' && match.intent !== 'mental_health')) return false;
    if (!match.rule?.startsWith('model:') || triage.safety || turn.result.safety) return false;
    return (triage.concepts ?? []).every((c) => this.neutral.has(c));
  }

  /**
   * The model leans to symptoms or mental health with no signal concept in the words at all (a
   * time word, "el", "se" are no symptom): "y se puede desde el cel?", "es la metformina".
   */
  private leanOnly(turn: TurnInfo, triage: TurnTriage): boolean {
    const match = triage.match;
    if (!match || triage.answered || (match.intent !== 'symptoms' && match.intent !== 'mental_health')) return false;
    if (!match.rule?.startsWith('model:') || triage.safety || turn.result.safety) return false;
    return !(triage.concepts ?? []).some((c) => this.signal.has(c));
  }

  /** The follow-up answer that wins over the model's guess, or null (the triage answers). */
  read(turn: TurnInfo, triage: TurnTriage, prior: TopicPriorState | undefined, lean: boolean, followUps: Pick<FollowUpReader, 'read'>): FollowUp | null {
    if (lean || !prior?.topics[0] || prior.safety) return null;
    const aspect = aspectOf(fold(turn.text));
    // Whether the task can be done from a phone or a computer names a device, never a body: no
    // signal concept is enough (v17 X06). The other aspects: only neutral concepts.
    const guess = aspect === 'device' ? this.leanOnly(turn, triage) : this.guessOnly(turn, triage) && !!aspect && this.aspects.has(aspect);
    if (!guess) return null;
    return followUps.read(turn.text, prior, false, offTopic(turn.text, turn.result, prior.topics));
  }

  /**
   * Inside a refill or pharmacy topic, a short follow-up that only names a medicine ("es la
   * metformina", "its the one for my lisinopril") says WHICH prescription: no symptom, when the
   * model alone leaned to one (v17 W03). `named`: the medicine it names, as written; any signal
   * concept ("the metformin makes me dizzy", "me duele el estomago desde que la tomo") keeps the triage's answer.
   */
  namesWhich(turn: TurnInfo, triage: TurnTriage, prior: TopicPriorState | undefined, named: string | null): boolean {
    const pharmacy = prior?.topics[0] === 'contact' && /^pharmacy/.test(prior.answers?.topic ?? '');
    if (!named || prior?.safety || !(prior?.topics.includes('refill') || pharmacy) || !this.leanOnly(turn, triage)) return false;
    const others = fold(turn.text).split(' ').filter(Boolean).length - named.split(' ').length;
    return others <= MAX_BESIDE_NAME;
  }
}
