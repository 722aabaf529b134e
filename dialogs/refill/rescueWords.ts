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
  few: z.object({ units: phrases, left: phrases }).strict(),
  sooner: phrases,
});

/** The rescue medicines file is missing or invalid: start-up stops with its path and the problem. */
export class RescueWordsError extends StartupError {}

/**
 * What a message says of a rescue medicine: its group (null: not named in the message; its danger
 * sign is that of the prescription the answer before was about, `lastRx`, else the general one);
 * `renewal`: the answer before was a renewal's (what happens with it comes after the rescue answer).
 */
export interface RescueNeed {
  group: RescueGroup | null;
  lastRx?: string;
  renewal?: boolean;
}

/**
 * A rescue medicine (an inhaler, an EpiPen, insulin, nitroglycerin, a seizure rescue medicine)
 * running out, or needed before its refill comes (`dialogs/data/rescue-medicines.json`): "its my
 * asthma inhaler, what if i need it this weekend", "se me acaba la insulina". Right after a refill
 * answer, "what if i need it before then" / "y si lo necesito antes" asks the same of whatever
 * medicine it was. A dose word with what is left ("only have like 2 puffs left", "solo me quedan 2
 * disparos") says it is running out; an attack ("what if i get an attack") that it may be needed.
 * Both languages whatever the locale; texts are folded here.
 */
export class RescueWords {
  private readonly groups: [RescueGroup, string[]][];
  private readonly short: string[];
  private readonly sooner: string[];
  private readonly units: string[];
  private readonly left: string[];

  constructor(file: z.output<typeof fileSchema>) {
    this.groups = RESCUE_GROUPS.map((g) => [g, file.groups[g].map(fold)]);
    this.short = file.short.map(fold);
    this.sooner = file.sooner.map(fold);
    this.units = file.few.units.map(fold);
    this.left = file.few.left.map(fold);
  }

  /** The group of the rescue medicine the text names (a message, or a prescription's medication), or null. */
  groupOf(text: string): RescueGroup | null {
    const folded = fold(text);
    return this.groups.find(([, names]) => names.some((n) => containsPhrase(folded, n)))?.[0] ?? null;
  }

  /** `afterRefill`: the answer just given was a refill's (its timing or renewal). */
  read(text: string, afterRefill: boolean): RescueNeed | null {
    const folded = fold(text);
    if (!folded) return null;
    const group = this.groupOf(folded);
    const has = (list: string[]): boolean => list.some((p) => containsPhrase(folded, p));
    // Running out: said so, or a few doses left ("2 puffs left"; "2 refills left" is no dose).
    if (group && (has(this.short) || (has(this.units) && has(this.left)))) return { group };
    if (afterRefill && has(this.sooner)) return { group };
    return null;
  }

  static load(file: string = fromRoot('dialogs', 'data', 'rescue-medicines.json')): RescueWords {
    return new RescueWords(readDataFile(file, fileSchema, 'Rescue medicines', (m) => new RescueWordsError(m)));
  }
}
