import { z } from 'zod';
import { StartupError } from '../common/errors';
import { fromRoot } from '../common/paths';
import { containsPhrase, fold } from './common/text';
import { readWordsFile } from './common/wordsFile';

const words = z.array(z.string().trim().min(1)).min(1);
const side = z.object({ alone: words, go: words, place: words, notSerious: words });
const fileSchema = z.object({ $comment: z.string().optional(), en: side, es: side });

/** The words file is missing or invalid: start-up stops with its path and the problem. */
export class CareQuestionWordsError extends StartupError {}

/**
 * A question whether a sign is serious, or whether to go to the ER or urgent care or wait
 * (`dialogs/data/care-question.json`): "is this serious?", "should i take him to the ER or wait
 * for the appointment?", "es grave? lo llevo a urgencias o me espero a la cita?" (newcomer run v20).
 * It is a health question wherever it is said, never an answer to a task's question. Both
 * languages are read whatever the locale (members switch).
 */
export class CareQuestionWords {
  private readonly sides: Array<{ alone: string[]; go: string[]; place: string[]; notSerious: string[] }>;

  constructor(file: z.output<typeof fileSchema>) {
    this.sides = [file.en, file.es].map((s) => ({ alone: s.alone.map(fold), go: s.go.map(fold), place: s.place.map(fold), notSerious: s.notSerious.map(fold) }));
  }

  /** True when the message asks how serious it is, or whether to go to urgent care or wait. */
  asks(text: string): boolean {
    const folded = fold(text);
    if (!folded) return false;
    const has = (list: string[]): boolean => list.some((p) => containsPhrase(folded, p));
    return this.sides.some((s) => (has(s.go) && has(s.place)) || (has(s.alone) && !has(s.notSerious)));
  }

  static load(file: string = fromRoot('dialogs', 'data', 'care-question.json')): CareQuestionWords {
    return new CareQuestionWords(readWordsFile(file, fileSchema, (m) => new CareQuestionWordsError(m)));
  }
}
