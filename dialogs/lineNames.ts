import { z } from 'zod';
import { readDataFile, regexSource } from '../common/dataFile';
import { StartupError } from '../common/errors';
import { fromRoot } from '../common/paths';
import type { PhoneLine } from '../services/portal/profile';

/**
 * A phone line named in the member's words ("whats the number for the nurse", "el telefono de
 * facturacion"), in English and Spanish (`dialogs/data/line-names.json`, regular expressions over
 * the folded text): a number asked for by its line's name gets that line, not the line of the
 * answer before. Two lines named: none (the answer's own line is read as before).
 */
const LINES = ['nurseLine', 'pharmacy', 'billing', 'behavioralHealth', 'memberServices'] as const satisfies readonly PhoneLine[];

const fileSchema = z.object({
  $comment: z.string().optional(),
  lines: z.strictObject(Object.fromEntries(LINES.map((line) => [line, z.array(regexSource).min(1)])) as Record<(typeof LINES)[number], z.ZodArray<typeof regexSource>>),
});

export class LineNamesError extends StartupError {}

export class LineNames {
  constructor(private readonly patterns: Readonly<Record<(typeof LINES)[number], readonly RegExp[]>>) {}

  static load(file: string = fromRoot('dialogs', 'data', 'line-names.json')): LineNames {
    const lines = readDataFile(file, fileSchema, 'Line names', (message) => new LineNamesError(message)).lines;
    return new LineNames(Object.fromEntries(LINES.map((line) => [line, lines[line].map((source) => new RegExp(source))])) as Record<(typeof LINES)[number], RegExp[]>);
  }

  /** The one line the (folded) message names, or null (none, or more than one). */
  named(folded: string): PhoneLine | null {
    const found = LINES.filter((line) => this.patterns[line].some((re) => re.test(folded)));
    return found.length === 1 ? found[0]! : null;
  }
}
