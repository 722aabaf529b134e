import { z } from 'zod';
import { readDataFile } from '../common/dataFile';
import { StartupError } from '../common/errors';
import { fromRoot } from '../common/paths';
import { containsPhrase, fold } from './common/text';

const words = z.array(z.string().trim().min(1)).min(1);
const side = z.object({ ownNew: words, same: words });
const fileSchema = z.object({ $comment: z.string().optional(), en: side, es: side });

/** The words file is missing or invalid: start-up stops with its path and the problem. */
export class BookingWordsError extends StartupError {}

/**
 * Words about a new booking beside the appointment options (`dialogs/data/booking-words.json`),
 * both languages whatever the locale (members switch):
 * - `ownNew`: a new visit for the member themself, in the words the assistant suggests ("una cita
 *   para mí", newcomer run v14 YZ07);
 * - `same`: the visit just handled asked for again, for someone else or another time ("same thing
 *   for my son", "lo mismo para mi hijo", v14 YW01).
 */
export class BookingWords {
  private readonly ownNew: string[];
  private readonly same: string[];

  constructor(file: z.output<typeof fileSchema>) {
    this.ownNew = [...file.en.ownNew, ...file.es.ownNew].map(fold);
    this.same = [...file.en.same, ...file.es.same].map(fold);
  }

  /** "una cita para mí", "one for me": a new visit for the member. */
  ownNewVisit(text: string | undefined): boolean {
    return this.has(text, this.ownNew);
  }

  /** "same thing for my son", "lo mismo pero por video": the visit just handled, again. */
  sameVisit(text: string | undefined): boolean {
    return this.has(text, this.same);
  }

  private has(text: string | undefined, list: readonly string[]): boolean {
    const folded = fold(text ?? '');
    return !!folded && list.some((p) => containsPhrase(folded, p));
  }

  static load(file: string = fromRoot('dialogs', 'data', 'booking-words.json')): BookingWords {
    return new BookingWords(readDataFile(file, fileSchema, 'Booking words', (message) => new BookingWordsError(message)));
  }
}
