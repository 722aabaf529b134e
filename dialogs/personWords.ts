import { StartupError } from '../common/errors';
import { fromRoot } from '../common/paths';
import { PairedWords } from './common/pairedWords';

/** The words file is missing or invalid: start-up stops with its path and the problem. */
export class PersonWordsError extends StartupError {}

/**
 * Around a request for a person (`dialogs/data/person-words.json`): "when is someone on the chat
 * then?" asks the chat team's hours (from the portal profile), not for a person again; "ok ill just
 * call" is the member choosing the phone, answered with the number and a short close, never "not
 * sure I understood" (newcomer run v16, W10). Both languages are read whatever the locale.
 */
export class PersonWords {
  private constructor(
    private readonly hours: PairedWords,
    private readonly call: PairedWords,
  ) {}

  /** When the people behind the chat (agents) are on. */
  asksChatHours(text: string | undefined): boolean {
    return this.hours.says(text);
  }

  /** The member will call us themselves. */
  willCall(text: string | undefined): boolean {
    return this.call.says(text);
  }

  static load(file: string = fromRoot('dialogs', 'data', 'person-words.json')): PersonWords {
    const error = (message: string) => new PersonWordsError(message);
    return new PersonWords(
      PairedWords.load(file, { alone: 'hoursAlone', first: 'when', second: 'people' }, 'Person words (chat hours)', error),
      PairedWords.load(file, { alone: 'callAlone', first: 'callFirst', second: 'callSecond' }, 'Person words (will call)', error),
    );
  }
}
