import { StartupError } from '../common/errors';
import { fromRoot } from '../common/paths';
import { PairedWords } from './common/pairedWords';

/** The words file is missing or invalid: start-up stops with its path and the problem. */
export class PersonWordsError extends StartupError {}

/**
 * Around a request for a person (`dialogs/data/person-words.json`): "when is someone on the chat
 * then?" asks the chat team's hours (from the portal profile), not for a person again; "ok ill just
 * call" is the member choosing the phone, answered with the number and a short close, never "not
 * sure I understood" (newcomer run v16, W10). Both languages are read whatever the locale, in the
 * member's words and with their text shorthand written out ("a q hora hay gente", newcomer run v20).
 */
export class PersonWords {
  private constructor(
    /** The message's readings: folded, and with its shorthand written out ("a q hora" is "a que hora"). */
    private readonly readings: (text: string) => string[],
    private readonly hours: PairedWords,
    private readonly dayHours: PairedWords,
    private readonly dayPeople: PairedWords,
    private readonly number: PairedWords,
    private readonly call: PairedWords,
    private readonly wait: PairedWords,
    private readonly bareWait: PairedWords,
    private readonly callBack: PairedWords,
  ) {}

  /** The member asks to be called back ("can someone just call me back", "que alguien me llame"). */
  asksCallBack(text: string | undefined): boolean {
    return this.says(this.callBack, text);
  }

  /**
   * How long the wait is on the phone or for a person ("how long is the wait on the phone", "how
   * long will i be on hold"); right after a hand-off (`afterHandOff`), a bare "how long is the wait",
   * "cuanto tengo que esperar?" too (anywhere else that is the wait for what was just answered).
   */
  asksWait(text: string | undefined, afterHandOff: boolean): boolean {
    return this.says(this.wait, text) || (afterHandOff && this.says(this.bareWait, text));
  }

  /**
   * When the people behind the chat (agents) are on; right after a hand-off that found no one
   * (`afterHandOff`), a day with a when word or a word for them too ("ok what time tomorrow then?").
   */
  asksChatHours(text: string | undefined, afterHandOff = false): boolean {
    return this.says(this.hours, text) || (afterHandOff && (this.says(this.dayHours, text) || this.says(this.dayPeople, text)));
  }

  /** The member will call us themselves. */
  willCall(text: string | undefined): boolean {
    return this.says(this.call, text);
  }

  /** The number to call asked for ("ok what number do i call", "y a q numero llamo?"). */
  asksNumber(text: string | undefined): boolean {
    return this.says(this.number, text);
  }

  private says(words: PairedWords, text: string | undefined): boolean {
    return this.readings(text ?? '').some((reading) => words.says(reading));
  }

  /** `readings`: the message's readings (the option matcher's, with text shorthand written out); the words as typed by default. */
  static load(readings: (text: string) => string[] = (text) => [text], file: string = fromRoot('dialogs', 'data', 'person-words.json')): PersonWords {
    const error = (message: string) => new PersonWordsError(message);
    return new PersonWords(
      readings,
      PairedWords.load(file, { alone: 'hoursAlone', first: 'when', second: 'people' }, 'Person words (chat hours)', error),
      PairedWords.load(file, { alone: 'dayAlone', first: 'when', second: 'days' }, 'Person words (chat hours on a day)', error),
      PairedWords.load(file, { alone: 'dayAlone', first: 'people', second: 'days' }, 'Person words (people on a day)', error),
      PairedWords.load(file, { alone: 'numberAlone', first: 'numberFirst', second: 'numberSecond' }, 'Person words (the number)', error),
      PairedWords.load(file, { alone: 'callAlone', first: 'callFirst', second: 'callSecond' }, 'Person words (will call)', error),
      PairedWords.load(file, { alone: 'waitAlone', first: 'waitFirst', second: 'waitSecond' }, 'Person words (the wait)', error),
      PairedWords.load(file, { alone: 'bareAlone', first: 'bareFirst', second: 'bareSecond' }, 'Person words (a bare wait)', error),
      PairedWords.load(file, { alone: 'callBackAlone', first: 'callBackFirst', second: 'callBackSecond' }, 'Person words (a call back)', error),
    );
  }
}
