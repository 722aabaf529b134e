import { z } from 'zod';
import { readDataFile } from '../../common/dataFile';
import type { StartupError } from '../../common/errors';
import { containsPhrase, fold } from './text';

const words = z.array(z.string().trim().min(1)).min(1);

/** The names of a words file's three lists: one that says it alone, two that say it together. */
export interface PairedKeys {
  alone: string;
  first: string;
  second: string;
}

/**
 * A question told by its words in either language, whatever the locale (members switch): a phrase
 * of the `alone` list, or one of the `first` list with one of the `second` ("fast" with "lab",
 * "nurse" with "in the chat"). Read from a data file with an `en` and an `es` side, each holding
 * the three lists under the names given.
 */
export class PairedWords {
  private constructor(private readonly sides: ReadonlyArray<{ alone: string[]; first: string[]; second: string[] }>) {}

  static load(file: string, keys: PairedKeys, what: string, error: (message: string) => StartupError): PairedWords {
    const side = z.object({ [keys.alone]: words, [keys.first]: words, [keys.second]: words });
    const schema = z.object({ $comment: z.string().optional(), en: side, es: side });
    const data = readDataFile(file, schema, what, error);
    const lists = (s: Record<string, string[]>) => ({ alone: s[keys.alone]!.map(fold), first: s[keys.first]!.map(fold), second: s[keys.second]!.map(fold) });
    return new PairedWords([lists(data.en), lists(data.es)]);
  }

  says(text: string | undefined): boolean {
    const folded = fold(text ?? '');
    if (!folded) return false;
    const has = (pick: (s: { alone: string[]; first: string[]; second: string[] }) => string[]): boolean => this.sides.some((s) => pick(s).some((p) => containsPhrase(folded, p)));
    return has((s) => s.alone) || (has((s) => s.first) && has((s) => s.second));
  }
}
