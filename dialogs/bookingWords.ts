import { z } from 'zod';
import { readDataFile } from '../common/dataFile';
import { StartupError } from '../common/errors';
import { fromRoot } from '../common/paths';
import { containsPhrase, fold } from './common/text';

const words = z.array(z.string().trim().min(1)).min(1);
const side = z.object({ ownNew: words, same: words, seen: words, wondering: words });
const fileSchema = z.object({ $comment: z.string().optional(), en: side, es: side });

/** The words file is missing or invalid: start-up stops with its path and the problem. */
export class BookingWordsError extends StartupError {}

/**
 * Words about a new booking beside the appointment options (`dialogs/data/booking-words.json`),
 * both languages whatever the locale (members switch):
 * - `ownNew`: a new visit for the member themself, in the words the assistant suggests ("una cita
 *   para mí", newcomer run v14 YZ07);
 * - `same`: the visit just handled asked for again, for someone else or another time ("same thing
 *   for my son", "lo mismo para mi hijo", v14 YW01);
 * - `seen`: a visit plainly asked for about a complaint ("i need to see someone about my knee", "can
 *   i get my ankle looked at", "necesito que me vea alguien por la rodilla"), unless `wondering`
 *   makes it a question whether to be seen at all ("should I see someone?", "¿debo ir al médico?"),
 *   which the nurse line answers (newcomer run v16 W01). "..." in a phrase stands for up to three words.
 */
export class BookingWords {
  private readonly ownNew: string[];
  private readonly same: string[];
  private readonly seen: RegExp[];
  private readonly wondering: string[];

  constructor(file: z.output<typeof fileSchema>) {
    this.ownNew = [...file.en.ownNew, ...file.es.ownNew].map(fold);
    this.same = [...file.en.same, ...file.es.same].map(fold);
    this.seen = [...file.en.seen, ...file.es.seen].map(gapped);
    this.wondering = [...file.en.wondering, ...file.es.wondering].map(fold);
  }

  /**
   * "i need to see someone about my knee", "can i get seen for my ankle", "quiero que me revisen la
   * espalda": a visit asked for in so many words, not a question whether to go ("should I see someone?").
   */
  asksToBeSeen(text: string | undefined): boolean {
    const folded = fold(text ?? '');
    if (!folded || this.has(folded, this.wondering)) return false;
    return this.seen.some((re) => re.test(` ${folded} `));
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

/** A phrase as an expression over a padded folded text: whole words, "..." for up to three words between. */
function gapped(phrase: string): RegExp {
  // Folded: letters, digits and spaces only, so the parts need no escaping.
  const parts = phrase.split('...').map(fold).filter(Boolean);
  return new RegExp(` ${parts.join('(?: \\S+){0,3} ')} `);
}
