import { z } from 'zod';
import { StartupError } from '../../common/errors';
import { readDataFile } from '../../common/dataFile';
import { fromRoot } from '../../common/paths';
import { containsPhrase, fold } from '../common/text';

/** The kinds of rescue medicine, by the danger sign that means 911 (responses `rescue.danger.<group>`). */
export const RESCUE_GROUPS = ['breathing', 'allergy', 'sugar', 'heart', 'seizure'] as const;
export type RescueGroup = (typeof RESCUE_GROUPS)[number];

const phrases = z.array(z.string().trim().min(1)).min(1);
const fileSchema = z.object({
  $comment: z.string().optional(),
  groups: z.object(Object.fromEntries(RESCUE_GROUPS.map((g) => [g, phrases])) as Record<RescueGroup, typeof phrases>).strict(),
  short: phrases,
  sooner: phrases,
});

/** The rescue medicines file is missing or invalid: start-up stops with its path and the problem. */
export class RescueWordsError extends StartupError {}

/** What a message says of a rescue medicine: its group (null: not named, its danger sign is the general one). */
export interface RescueNeed {
  group: RescueGroup | null;
}

/**
 * A rescue medicine (an inhaler, an EpiPen, insulin, nitroglycerin, a seizure rescue medicine)
 * running out, or needed before its refill comes (`dialogs/data/rescue-medicines.json`): "its my
 * asthma inhaler, what if i need it this weekend", "se me acaba la insulina". Right after a refill
 * answer, "what if i need it before then" / "y si lo necesito antes" asks the same of whatever
 * medicine it was. Both languages whatever the locale; texts are folded here.
 */
export class RescueWords {
  private readonly groups: [RescueGroup, string[]][];
  private readonly short: string[];
  private readonly sooner: string[];

  constructor(file: z.output<typeof fileSchema>) {
    this.groups = RESCUE_GROUPS.map((g) => [g, file.groups[g].map(fold)]);
    this.short = file.short.map(fold);
    this.sooner = file.sooner.map(fold);
  }

  /** `afterRefill`: the answer just given was a refill's (its timing or renewal). */
  read(text: string, afterRefill: boolean): RescueNeed | null {
    const folded = fold(text);
    if (!folded) return null;
    const group = this.groups.find(([, names]) => names.some((n) => containsPhrase(folded, n)))?.[0] ?? null;
    const has = (list: string[]): boolean => list.some((p) => containsPhrase(folded, p));
    if (group && has(this.short)) return { group };
    if (afterRefill && has(this.sooner)) return { group };
    return null;
  }

  static load(file: string = fromRoot('dialogs', 'data', 'rescue-medicines.json')): RescueWords {
    return new RescueWords(readDataFile(file, fileSchema, 'Rescue medicines', (m) => new RescueWordsError(m)));
  }
}
