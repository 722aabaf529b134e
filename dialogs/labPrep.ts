import { StartupError } from '../common/errors';
import { fromRoot } from '../common/paths';
import { PairedWords } from './common/pairedWords';

/** The words file is missing or invalid: start-up stops with its path and the problem. */
export class LabPrepWordsError extends StartupError {}

/**
 * A question about getting ready for a lab test (`dialogs/data/lab-prep.json`): "do i need to fast
 * for the lab thing", "tengo que ir en ayunas para los laboratorios?". Answered with the records
 * sub-topic `labPrep` (the order's instructions, the care team, what is common), never the
 * contact menu. Both languages are read whatever the locale (members switch).
 */
export class LabPrepWords {
  private constructor(private readonly words: PairedWords) {}

  asks(text: string | undefined): boolean {
    return this.words.says(text);
  }

  static load(file: string = fromRoot('dialogs', 'data', 'lab-prep.json')): LabPrepWords {
    return new LabPrepWords(PairedWords.load(file, { alone: 'alone', first: 'prep', second: 'lab' }, 'Lab preparation words', (message) => new LabPrepWordsError(message)));
  }
}
