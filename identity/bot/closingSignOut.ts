import { fold } from '../../dialogs/common/text';
import type { Locale } from '../../intents/types';

/** Sentence punctuation that ends a clause ("forget it. sign out", "gracias, cerrar sesion"). */
const CLAUSE_END = /[.!?;,\n\u00bf\u00a1\u2026]+/u;

export interface SignOutWords {
  /** Sign-out phrases with their language ("log me out", "cierra mi sesion"). */
  phrases: ReadonlyArray<{ phrase: string; locale: Locale }>;
  /** Words that may stand around a sign-out phrase without changing what it asks ("ok", "please", "gracias"). */
  courtesy: readonly string[];
  /** Words that close what came before them ("thx", "forget it", "olvidalo"): what follows is a new request. */
  closers: readonly string[];
}

/**
 * A sign-out asked at the end of a message: its last clause (after any trailing thanks or bye) is
 * a sign-out phrase with only courtesy words around it. What came before is the member finishing
 * ("ugh ok ill just call them. thx sign out", "forget it. sign out", "ya, cierra mi sesion").
 * A clause ends at sentence punctuation or after a closer ("ok ill call them thanks sign me out").
 * A question or a problem about signing out ("how do I sign out of the app", "I can't log out",
 * "how do i sign out? thanks") has other words in that clause, and is left to the dialogs.
 */
export class ClosingSignOut {
  /** Folded phrases as words, longest first. */
  private readonly phrases: Array<{ words: string[]; locale: Locale }>;
  private readonly courtesy: ReadonlySet<string>;
  private readonly closers: string[][];

  constructor(words: SignOutWords) {
    this.phrases = words.phrases.map(({ phrase, locale }) => ({ words: fold(phrase).split(' '), locale }));
    this.phrases.sort((a, b) => b.words.length - a.words.length);
    this.courtesy = new Set(words.courtesy.map(fold));
    this.closers = words.closers.map((c) => fold(c).split(' '));
  }

  /** The sign-out's language when the message ends with one, else null. */
  match(text: string): Locale | null {
    const clauses = text
      .split(CLAUSE_END)
      .map((clause) => fold(clause))
      .filter(Boolean)
      .map((clause) => clause.split(' '));
    while (clauses.length > 1 && this.onlyCourtesy(clauses.at(-1)!)) clauses.pop();
    const last = clauses.at(-1);
    if (!last) return null;
    for (const start of [0, ...this.afterClosers(last)]) {
      const locale = this.politeSignOut(last.slice(start));
      if (locale) return locale;
    }
    return null;
  }

  /** Where the words after each closer in the clause begin. */
  private afterClosers(words: string[]): number[] {
    const starts: number[] = [];
    for (const closer of this.closers) {
      for (let at = 0; at + closer.length <= words.length; at++) {
        if (closer.every((w, i) => words[at + i] === w)) starts.push(at + closer.length);
      }
    }
    return starts;
  }

  /** A clause of courtesy words only ("thanks", "ok bye", "gracias adios"); "never mind" is not one. */
  private onlyCourtesy(words: string[]): boolean {
    return words.every((w) => this.courtesy.has(w));
  }

  /** A sign-out phrase with only courtesy words around it ("ok thx sign out", "cierra mi sesion gracias"). */
  private politeSignOut(words: string[]): Locale | null {
    for (const { words: phrase, locale } of this.phrases) {
      for (let at = 0; at + phrase.length <= words.length; at++) {
        if (!phrase.every((w, i) => words[at + i] === w)) continue;
        const rest = [...words.slice(0, at), ...words.slice(at + phrase.length)];
        if (rest.every((w) => this.courtesy.has(w))) return locale;
      }
    }
    return null;
  }
}
