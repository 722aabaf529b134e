import { z } from 'zod';
import { readDataFile } from '../common/dataFile';
import { StartupError } from '../common/errors';
import { fromRoot } from '../common/paths';
import { containsPhrase, fold } from './common/text';

const words = z.array(z.string().trim().min(1)).min(1);
const side = z.object({ nurse: words, here: words, cantCall: words });
const fileSchema = z.object({ $comment: z.string().optional(), en: side, es: side });

/** The words file is missing or invalid: start-up stops with its path and the problem. */
export class NurseInChatWordsError extends StartupError {}

/**
 * Right after the nurse line was given for a symptom: a nurse asked for in this chat ("puedo
 * hablar con una nurse aqui en el chat?") or a member who cannot call ("no tengo minutos en el
 * cel", "i have no phone minutes") (`dialogs/data/nurse-in-chat.json`). Answered with the ways
 * that need no phone minutes and 911 from any cell phone, never the plain hand-off alone
 * (newcomer run v14, YX14). Both languages are read whatever the locale (members switch).
 */
export class NurseInChatWords {
  private readonly sides: Array<z.output<typeof side>>;

  constructor(file: z.output<typeof fileSchema>) {
    this.sides = [file.en, file.es].map((s) => ({ nurse: s.nurse.map(fold), here: s.here.map(fold), cantCall: s.cantCall.map(fold) }));
  }

  asks(text: string | undefined): boolean {
    const folded = fold(text ?? '');
    if (!folded) return false;
    const has = (pick: (s: z.output<typeof side>) => string[]): boolean => this.sides.some((s) => pick(s).some((p) => containsPhrase(folded, p)));
    return has((s) => s.cantCall) || (has((s) => s.nurse) && has((s) => s.here));
  }

  static load(file: string = fromRoot('dialogs', 'data', 'nurse-in-chat.json')): NurseInChatWords {
    return new NurseInChatWords(readDataFile(file, fileSchema, 'Nurse in the chat words', (message) => new NurseInChatWordsError(message)));
  }
}
