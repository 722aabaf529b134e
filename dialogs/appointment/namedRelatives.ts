import { z } from 'zod';
import { readDataFile, regexSource } from '../../common/dataFile';
import { StartupError } from '../../common/errors';
import { fromRoot } from '../../common/paths';
import { fold } from '../common/text';

/** How a family member other than a child is related to the member (the back end does not say it). */
export const RELATIONS = ['mother', 'father', 'spouse', 'grandparent', 'sibling', 'inLaw', 'auntUncle'] as const;
export type Relation = (typeof RELATIONS)[number];

const fileSchema = z.object({
  $comment: z.string().optional(),
  relations: z.strictObject(Object.fromEntries(RELATIONS.map((r) => [r, z.array(regexSource).min(1)])) as Record<Relation, z.ZodArray<typeof regexSource>>),
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
    const relations = readDataFile(file, fileSchema, 'Family relations', (message) => new NamedRelativesError(message)).relations;
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
