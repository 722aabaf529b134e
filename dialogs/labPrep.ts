import { z } from 'zod';
import { readDataFile } from '../common/dataFile';
import { StartupError } from '../common/errors';
import { fromRoot } from '../common/paths';
import { containsPhrase, fold } from './common/text';

const words = z.array(z.string().trim().min(1)).min(1);
const side = z.object({ prep: words, lab: words, alone: words });
const fileSchema = z.object({ $comment: z.string().optional(), en: side, es: side });

/** The words file is missing or invalid: start-up stops with its path and the problem. */
export class LabPrepWordsError extends StartupError {}

/**
 * A question about getting ready for a lab test (`dialogs/data/lab-prep.json`): "do i need to fast
 * for the lab thing", "tengo que ir en ayunas para los laboratorios?". Answered with the records
 * sub-topic `labPrep` (the order's instructions, the care team, what is common), never the
 * contact menu. Both languages are read whatever the locale (members switch).
 */
export class LabPrepWords {
  private readonly sides: Array<z.output<typeof side>>;

  constructor(file: z.output<typeof fileSchema>) {
    this.sides = [file.en, file.es].map((s) => ({ prep: s.prep.map(fold), lab: s.lab.map(fold), alone: s.alone.map(fold) }));
  }

  asks(text: string | undefined): boolean {
    const folded = fold(text ?? '');
    if (!folded) return false;
    const has = (list: string[]): boolean => list.some((p) => containsPhrase(folded, p));
    return this.sides.some((s) => has(s.alone)) || (this.sides.some((s) => has(s.prep)) && this.sides.some((s) => has(s.lab)));
  }

  static load(file: string = fromRoot('dialogs', 'data', 'lab-prep.json')): LabPrepWords {
    return new LabPrepWords(readDataFile(file, fileSchema, 'Lab preparation words', (message) => new LabPrepWordsError(message)));
  }
}
