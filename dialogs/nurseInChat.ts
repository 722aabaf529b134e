import { StartupError } from '../common/errors';
import { fromRoot } from '../common/paths';
import { PairedWords } from './common/pairedWords';

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
  private constructor(private readonly words: PairedWords) {}

  asks(text: string | undefined): boolean {
    return this.words.says(text);
  }

  static load(file: string = fromRoot('dialogs', 'data', 'nurse-in-chat.json')): NurseInChatWords {
    return new NurseInChatWords(PairedWords.load(file, { alone: 'cantCall', first: 'nurse', second: 'here' }, 'Nurse in the chat words', (message) => new NurseInChatWordsError(message)));
  }
}
