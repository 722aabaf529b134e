import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { StartupError } from '../../common/errors';
import { fromRoot } from '../../common/paths';
import { fold } from '../common/text';

/** How a family member other than a child is related to the member (the back end does not say it). */
export const RELATIONS = ['mother', 'father', 'spouse', 'grandparent', 'sibling', 'inLaw', 'auntUncle'] as const;
export type Relation = (typeof RELATIONS)[number];

const pattern = z.string().min(3).refine((source) => {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

const fileSchema = z.object({
  $comment: z.string().optional(),
  relations: z.strictObject(Object.fromEntries(RELATIONS.map((r) => [r, z.array(pattern).min(1)])) as Record<Relation, z.ZodArray<typeof pattern>>),
});

export class NamedRelativesError extends StartupError {}

/**
 * A parent, a spouse, a grandparent... named in the member's words ("for my mom shes 78", "para mi
 * mamá", "my wife needs a checkup"), in English and Spanish (`dialogs/data/family-relations.json`).
 * The back end lists the members one may act for by name only, so a relative named by how they are
 * related is never taken to be one of them.
 */
export class NamedRelatives {
  constructor(private readonly patterns: Readonly<Record<Relation, readonly RegExp[]>>) {}

  static load(file: string = fromRoot('dialogs', 'data', 'family-relations.json')): NamedRelatives {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new NamedRelativesError(`Family relations file ${file} could not be read: ${(err as Error).message}`);
    }
    const parsed = fileSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new NamedRelativesError(`Family relations file ${file} is invalid: ${issue?.path.join('.') || '(root)'}: ${issue?.message}.`);
    }
    const relations = parsed.data.relations;
    return new NamedRelatives(Object.fromEntries(RELATIONS.map((r) => [r, relations[r].map((source) => new RegExp(source))])) as Record<Relation, RegExp[]>);
  }

  /** The relative the message names (the last one named: "sam is my son, this is for my MOM"), or null. */
  named(text: string | undefined): Relation | null {
    if (!text) return null;
    const folded = fold(text);
    let found: { relation: Relation; at: number } | null = null;
    for (const relation of RELATIONS) {
      for (const re of this.patterns[relation]) {
        const global = new RegExp(re.source, 'g');
        for (const m of folded.matchAll(global)) if (!found || m.index > found.at) found = { relation, at: m.index };
      }
    }
    return found?.relation ?? null;
  }
}
