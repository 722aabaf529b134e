import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { fromRoot } from '../../common/paths';
import { containsPhrase, fold } from './text';

const phrases = z.array(z.string().trim().min(2)).min(1);
const fileSchema = z.object({
  $comment: z.string().optional(),
  medicines: z.array(z.object({ generic: z.string().trim().min(3), en: phrases, es: phrases })).min(1),
});

export class MedicinePurposesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MedicinePurposesError';
  }
}

/**
 * Words that may stand around a description of a medicine, in English and Spanish ("the blood
 * pressure one", "and my cholesterol pill?", "la de la presión", "¿y la del azúcar?"): articles,
 * pointers, "pill", "medicine", and a question whether it is ready. Nothing that says how the
 * member feels.
 */
const AROUND = new Set(
  (
    'the a an my one ones and what about how is it its that this for of pill pills medicine medicines medication meds tablet tablets ' +
    'prescription rx refill ready yet status also too then ok okay so just only mean meant i please ' +
    'la el las los de del mi mis y que tal es esta ya lista listo pastilla pastillas medicina medicinas medicamento ' +
    'receta tableta para la una uno sobre entonces tambien solo quiero decir digo por favor'
  ).split(' '),
);

/**
 * What each medicine is for (`dialogs/data/medicine-purposes.json`), in the words members use
 * instead of its name: "the blood pressure one" is the Lisinopril on their list, "la del
 * colesterol" the Atorvastatin. `of(names)` gives a prescription's purpose phrases (from its
 * names: the generic, or a brand's generic); `describes(text)` tells a message that is only such a
 * description (no complaint: "my blood pressure is high" is not one).
 */
export class MedicinePurposes {
  /** Generic name (folded) → purpose phrases (folded), every language. */
  private readonly byGeneric = new Map<string, string[]>();
  /** Every purpose phrase, longest first. */
  private readonly all: string[];

  constructor(medicines: ReadonlyArray<{ generic: string; en: readonly string[]; es: readonly string[] }> = []) {
    for (const m of medicines) this.byGeneric.set(fold(m.generic), [...new Set([...m.en, ...m.es].map(fold).filter(Boolean))]);
    this.all = [...new Set([...this.byGeneric.values()].flat())].sort((a, b) => b.length - a.length);
  }

  static load(file: string = fromRoot('dialogs', 'data', 'medicine-purposes.json')): MedicinePurposes {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new MedicinePurposesError(`Medicine purposes file ${file} could not be read: ${(err as Error).message}`);
    }
    const parsed = fileSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new MedicinePurposesError(`Medicine purposes file ${file} is invalid: ${issue?.path.join('.') || '(root)'}: ${issue?.message}.`);
    }
    return new MedicinePurposes(parsed.data.medicines);
  }

  /** The purpose phrases of a medicine known by these names (its own and its other names). */
  of(names: readonly string[]): string[] {
    const out = new Set<string>();
    for (const name of names) for (const word of fold(name).split(' ')) for (const p of this.byGeneric.get(word) ?? []) out.add(p);
    return [...out];
  }

  /** The longest purpose phrase the message says ("the blood pressure one": "blood pressure"), if any. */
  phraseIn(text: string): string | null {
    const folded = fold(text);
    return this.all.find((phrase) => containsPhrase(folded, phrase)) ?? null;
  }

  /**
   * True when the message only describes a medicine by what it is for ("the cholesterol one", "la
   * de la presión", "is my thyroid pill ready?"): a purpose phrase, and around it only pointers.
   */
  describes(text: string): boolean {
    let rest = ` ${fold(text)} `;
    let found = false;
    for (const phrase of this.all) {
      if (!containsPhrase(rest.trim(), phrase)) continue;
      found = true;
      rest = rest.split(` ${phrase} `).join(' ');
    }
    return found && rest.trim().split(' ').filter(Boolean).every((w) => AROUND.has(w));
  }
}
