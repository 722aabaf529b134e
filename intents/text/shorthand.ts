import path from 'node:path';
import { z } from 'zod';
import { readJsonFile } from '../data-files';
import { DATA_DIR } from '../paths';
import type { Locale } from '../types';

const table = z.record(
  z.string().regex(/^[a-z0-9]+$/, 'keys must be single normalized tokens (a-z, 0-9)'),
  z.string().regex(/^[a-z0-9]+(?: [a-z0-9]+)*$/, 'values must be normalized words separated by single spaces'),
);

export const shorthandSchema = z.object({
  $comment: z.string().optional(),
  common: table,
  en: table,
  es: table,
});
export type ShorthandTables = z.output<typeof shorthandSchema>;

export const SHORTHAND_FILE = path.join(DATA_DIR, 'lexicon', 'shorthand.json');

export function loadShorthand(file = SHORTHAND_FILE): ShorthandTables {
  return readJsonFile(file, shorthandSchema);
}

/**
 * Expands text-message shorthand and frequent misspellings token by token: "kms" → "kill
 * myself", "cant" stays "cant", "xq" → "porque" (Spanish only). The locale's table wins over
 * the common one ("k" is "okay" in English and "que" in Spanish).
 */
export class ShorthandExpander {
  private readonly maps: Record<Locale, Map<string, string[]>>;

  constructor(tables: ShorthandTables) {
    const build = (locale: Locale): Map<string, string[]> => {
      const m = new Map<string, string[]>();
      for (const [k, v] of Object.entries(tables.common)) m.set(k, v.split(' '));
      for (const [k, v] of Object.entries(tables[locale])) m.set(k, v.split(' '));
      return m;
    };
    this.maps = { en: build('en'), es: build('es') };
  }

  expand(tokens: readonly string[], locale: Locale): string[] {
    const map = this.maps[locale];
    const out: string[] = [];
    for (const token of tokens) {
      const replacement = map.get(token);
      if (replacement) out.push(...replacement);
      else out.push(token);
    }
    return out;
  }

  /** Every word the tables know (keys and values), for the known-word list of the typo corrector. */
  words(): Set<string> {
    const out = new Set<string>();
    for (const map of Object.values(this.maps)) {
      for (const [k, v] of map) {
        out.add(k);
        for (const w of v) out.add(w);
      }
    }
    return out;
  }
}
