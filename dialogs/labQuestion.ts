import { z } from 'zod';
import { StartupError } from '../common/errors';
import { fromRoot } from '../common/paths';
import { containsPhrase, fold } from './common/text';
import { readWordsFile } from './common/wordsFile';

const words = z.array(z.string().trim().min(1)).min(1);
const side = z.object({ names: words, homeReadings: words, resultWords: words, cues: words, symptoms: words });
const fileSchema = z.object({ $comment: z.string().optional(), notWith: z.array(z.string().regex(/^[a-z_]+$/)).min(1), en: side, es: side });
type Side = Record<keyof z.output<typeof side>, string[]>;

/** The words file is missing or invalid: start-up stops with its path and the problem. */
export class LabQuestionWordsError extends StartupError {}

/** A number in the message ("190", "8.2"): a value read off a result. */
const NUMBER = /\d/;

/**
 * A question about the member's own lab value or result (`dialogs/data/lab-question.json`): "my
 * ldl says 190 is that bad", "si sale en rojo el colesterol que significa". The safety triage
 * reads these as symptoms; dialogs/triage.ts answers them with where to read the result and its
 * range, the care team and the nurse line instead of a same-day visit and "if it becomes severe,
 * call 911". A blood sugar counts only as a lab result, never as a reading on a home meter. Never
 * with a sign of illness: a lab name with a symptom word, or with a triage concept of pain, a
 * sign, breathing, a body part, drowsiness or anything urgent, is not one. Both languages are
 * read whatever the locale (members switch).
 */
export class LabQuestionWords {
  private readonly notWith: ReadonlySet<string>;
  private readonly sides: Side[];

  constructor(file: z.output<typeof fileSchema>) {
    this.notWith = new Set(file.notWith);
    this.sides = [file.en, file.es].map((s) => ({
      names: s.names.map(fold),
      homeReadings: s.homeReadings.map(fold),
      resultWords: s.resultWords.map(fold),
      cues: s.cues.map(fold),
      symptoms: s.symptoms.map(fold),
    }));
  }

  /**
   * True when the message asks about a lab value or result and says nothing of how the member is.
   * `concepts`: the safety triage's concept names for the message (dialogs/turn.ts).
   */
  asks(text: string | undefined, concepts: readonly string[] = []): boolean {
    const folded = fold(text ?? '');
    if (!folded || concepts.some((c) => this.notWith.has(c))) return false;
    const has = (key: keyof Side): boolean => this.sides.some((s) => s[key].some((p) => containsPhrase(folded, p)));
    if (has('symptoms')) return false;
    // A blood sugar is a lab result only when the message says so ("came back", "salio"): a
    // reading on a home meter ("my sugar is 400") keeps the symptoms answer.
    const named = has('names') || (has('homeReadings') && has('resultWords'));
    return named && (NUMBER.test(folded) || has('cues'));
  }

  static load(file: string = fromRoot('dialogs', 'data', 'lab-question.json')): LabQuestionWords {
    return new LabQuestionWords(readWordsFile(file, fileSchema, (m) => new LabQuestionWordsError(m)));
  }
}
