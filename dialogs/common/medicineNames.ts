import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { fromRoot } from '../../common/paths';
import { MedicinePurposes } from './medicinePurposes';
import { fold } from './text';

const fileSchema = z.object({
  $comment: z.string().optional(),
  groups: z
    .array(
      z.object({
        generic: z.string().trim().min(3),
        brands: z.array(z.string().trim().min(3)).min(1),
      }),
    )
    .min(1),
});

export class MedicineNamesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MedicineNamesError';
  }
}

/**
 * Brand and generic names of the same medicine (`intents/data/lexicon/medicine-names.json`, also the intent model's medication word class): a member who
 * types "my Lipitor" means the "Atorvastatin 20 mg tablet" on their list, and "atorvastatin" means
 * a "Lipitor 20 mg" line. `names(medication)` gives a prescription's name with the other names of
 * the medicine in it, for matching what the member typed against their own list.
 */
export class MedicineNames {
  /** A folded name (one or more words) → the other names of the same medicine. */
  private readonly others = new Map<string, string[]>();
  /** The longest name, in words (names are looked up as runs of words). */
  private readonly longest: number;

  constructor(
    groups: readonly { generic: string; brands: readonly string[] }[],
    /** What each medicine is for ("the blood pressure one"): `described` adds it to the names. */
    readonly purposes: MedicinePurposes = new MedicinePurposes(),
  ) {
    let longest = 1;
    for (const group of groups) {
      const all = [group.generic, ...group.brands].map(fold).filter(Boolean);
      for (const name of all) {
        this.others.set(name, [...new Set([...(this.others.get(name) ?? []), ...all.filter((n) => n !== name)])]);
        longest = Math.max(longest, name.split(' ').length);
      }
    }
    this.longest = longest;
  }

  static load(file: string = fromRoot('intents', 'data', 'lexicon', 'medicine-names.json'), purposes: MedicinePurposes = MedicinePurposes.load()): MedicineNames {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new MedicineNamesError(`Medicine names file ${file} could not be read: ${(err as Error).message}`);
    }
    const parsed = fileSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new MedicineNamesError(`Medicine names file ${file} is invalid: ${issue?.path.join('.') || '(root)'}: ${issue?.message}.`);
    }
    return new MedicineNames(parsed.data.groups, purposes);
  }

  /** The prescription's own name, then the other names of any medicine named in it. */
  names(medication: string): string[] {
    const words = fold(medication).split(' ').filter(Boolean);
    const out = [medication];
    for (let size = this.longest; size >= 1; size--) {
      for (let i = 0; i + size <= words.length; i++) {
        const others = this.others.get(words.slice(i, i + size).join(' '));
        if (others) out.push(...others.filter((o) => !out.includes(o)));
      }
    }
    return out;
  }

  /**
   * A medicine the message names (a generic or brand name of the lexicon) or describes by what it
   * is for ("my lisinopril", "la de la presión"), whoever's it is; null when it names none.
   */
  namedIn(text: string): string | null {
    return this.nameIn(text) ?? this.purposes.phraseIn(text);
  }

  /**
   * A generic or brand name of the lexicon the message names (folded, the longest first, as the
   * message writes it); null when none. A Spanish form of a one-word name counts too
   * ("metformina", "amlodipina": metformin, amlodipine).
   */
  nameIn(text: string): string | null {
    const words = fold(text).split(' ').filter(Boolean);
    for (let size = this.longest; size >= 1; size--) {
      for (let i = 0; i + size <= words.length; i++) {
        const run = words.slice(i, i + size).join(' ');
        if (this.others.has(run)) return run;
      }
    }
    return words.find((w) => spanishForms(w).some((f) => this.others.has(f))) ?? null;
  }

  /** The prescription's names (`names`), then what the medicine is for ("blood pressure", "presion"): what a member may call it. */
  described(medication: string): string[] {
    const names = this.names(medication);
    return [...names, ...this.purposes.of(names)];
  }
}

/** The names a Spanish spelling of a medicine may stand for: "metformina" → metformin, "sertralina" → sertraline. */
function spanishForms(word: string): string[] {
  if (word.length < 6 || !word.endsWith('a')) return [];
  return [word.slice(0, -1), ...(word.endsWith('ina') ? [`${word.slice(0, -1)}e`] : [])];
}
