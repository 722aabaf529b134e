import path from 'node:path';
import { z } from 'zod';
import { readJsonFile } from '../data-files';
import { DATA_DIR } from '../paths';

const phrase = z.string().regex(/^[a-z0-9]+(?: [a-z0-9]+)*$/, 'entries must be normalized words separated by single spaces');

export const gazetteerSchema = z
  .object({ $comment: z.string().optional() })
  .catchall(z.array(phrase).min(1));

export const GAZETTEER_FILE = path.join(DATA_DIR, 'lexicon', 'gazetteer.json');
/** Brand and generic medicine names (also used by the dialogs to match a member's prescriptions). */
export const MEDICINE_NAMES_FILE = path.join(DATA_DIR, 'lexicon', 'medicine-names.json');

const medicineNamesSchema = z.object({
  $comment: z.string().optional(),
  groups: z.array(z.object({ generic: phrase, brands: z.array(phrase).min(1) })).min(1),
});

/**
 * Word classes (medication names, lab tests, specialties, sign-in words...). A message that
 * contains any entry of a class gets the feature "g:<class>", which lets the model handle
 * a drug or test it never saw in a training line.
 */
export class Gazetteer {
  private readonly byFirst = new Map<string, Array<{ words: string[]; cls: string }>>();
  private readonly allWords = new Set<string>();

  /**
   * @param medicineNames brand and generic medicine names (medicine-names.json), which are in
   *   `medication` too; kept apart for the training variants that swap one for another.
   */
  constructor(
    classes: Record<string, string[]>,
    readonly medicineNames: readonly string[] = [],
  ) {
    for (const [cls, entries] of Object.entries(classes)) {
      for (const entry of entries) {
        const words = entry.split(' ');
        for (const w of words) this.allWords.add(w);
        let list = this.byFirst.get(words[0]!);
        if (!list) this.byFirst.set(words[0]!, (list = []));
        list.push({ words, cls });
      }
    }
  }

  /** Every word of every entry: real words, which the typo corrector must leave alone. */
  words(): Iterable<string> {
    return this.allWords;
  }

  /** The entries of one class, as written ("medication": "lisinopril", "fluticasone salmeterol"). */
  entriesOf(cls: string): string[] {
    const out: string[] = [];
    for (const list of this.byFirst.values()) for (const e of list) if (e.cls === cls) out.push(e.words.join(' '));
    return out.sort();
  }

  /** The words of one class's entries ("medication": a mistyped name is corrected toward them). */
  wordsOf(cls: string): string[] {
    const out = new Set<string>();
    for (const list of this.byFirst.values()) for (const e of list) if (e.cls === cls) for (const w of e.words) out.add(w);
    return [...out];
  }

  /** Classes found in a token sequence (each at most once). */
  classes(tokens: readonly string[]): Set<string> {
    const out = new Set<string>();
    for (let i = 0; i < tokens.length; i++) {
      const candidates = this.byFirst.get(tokens[i]!);
      if (!candidates) continue;
      for (const { words, cls } of candidates) {
        if (words.every((w, k) => tokens[i + k] === w)) out.add(cls);
      }
    }
    return out;
  }
}

/** Every brand and generic medicine name of the medicine-names file, lower case, as written there. */
export function loadMedicineNames(medicinesFile = MEDICINE_NAMES_FILE): string[] {
  const { groups } = readJsonFile(medicinesFile, medicineNamesSchema);
  return groups.flatMap((g) => [g.generic, ...g.brands]);
}

/** The word classes, with every brand and generic medicine name added to `medication`. */
export function loadGazetteer(file = GAZETTEER_FILE, medicinesFile = MEDICINE_NAMES_FILE): Gazetteer {
  const { $comment: _comment, ...classes } = readJsonFile(file, gazetteerSchema);
  const names = loadMedicineNames(medicinesFile);
  const medication = new Set([...(classes.medication ?? []), ...names]);
  return new Gazetteer({ ...(classes as Record<string, string[]>), medication: [...medication] }, names);
}
