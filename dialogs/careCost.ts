import { z } from 'zod';
import { StartupError } from '../common/errors';
import { fromRoot } from '../common/paths';
import { containsPhrase, fold } from './common/text';
import { readWordsFile } from './common/wordsFile';

const words = z.array(z.string().trim().min(1)).min(1);
const side = z.object({ place: words, cost: words, alone: words });
const fileSchema = z.object({ $comment: z.string().optional(), en: side, es: side });

/** The words file is missing or invalid: start-up stops with its path and the problem. */
export class CareCostWordsError extends StartupError {}

/**
 * A worry about what emergency or urgent care costs (`dialogs/data/care-cost.json`): "i dont want
 * to go to the ER its so expensive", "the ambulance costs too much", "no tengo dinero para
 * urgencias". Read only right after a symptoms answer (pipeline/careFollowUp.ts): there it is a
 * reason not to get care, never a billing request. Both languages are read whatever the locale
 * (members switch).
 */
export class CareCostWords {
  private readonly sides: Array<{ place: string[]; cost: string[]; alone: string[] }>;

  constructor(file: z.output<typeof fileSchema>) {
    this.sides = [file.en, file.es].map((s) => ({ place: s.place.map(fold), cost: s.cost.map(fold), alone: s.alone.map(fold) }));
  }

  /** True when the message worries about the cost of emergency or urgent care. */
  worries(text: string): boolean {
    const folded = fold(text);
    if (!folded) return false;
    const has = (list: string[]): boolean => list.some((p) => containsPhrase(folded, p));
    return this.sides.some((s) => has(s.alone) || (has(s.place) && has(s.cost)));
  }

  static load(file: string = fromRoot('dialogs', 'data', 'care-cost.json')): CareCostWords {
    return new CareCostWords(readWordsFile(file, fileSchema, (m) => new CareCostWordsError(m)));
  }
}
