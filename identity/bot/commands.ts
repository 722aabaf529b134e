import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { StartupError } from '../../common/errors';
import { fromRoot } from '../../common/paths';
import { fold } from '../../dialogs/common/text';
import type { Locale } from '../../intents/types';

const phrases = z.array(z.string().trim().min(1)).min(1);
const perLocale = z.strictObject({ en: phrases, es: phrases });
const commandsSchema = z.strictObject({
  $comment: z.string().optional(),
  switchesLanguage: z.strictObject({ $comment: z.string().optional(), locales: z.array(z.enum(['en', 'es'])) }),
  signOut: perLocale,
  signOutCourtesy: perLocale,
  forget: perLocale,
  confirmForget: perLocale,
});

export type IdentityCommand = 'signOut' | 'forget' | 'confirmForget';

export class IdentityCommandsError extends StartupError {}

/** The identity commands (identity/bot/commands.json): whole messages, folded, with their language. */
export class IdentityCommands {
  private readonly table = new Map<string, Map<IdentityCommand, Locale>>();
  /** Sign-out phrases as folded words, longest first, with their language. */
  private readonly signOutPhrases: Array<{ words: string[]; locale: Locale }> = [];
  /** Words that may surround a sign-out phrase ("ok thx", "please", "gracias") without changing what it asks. */
  private readonly courtesy = new Set<string>();
  /** Languages whose commands move the conversation to them (the others are borrowed words). */
  private readonly switching: ReadonlySet<Locale>;

  private constructor(data: z.infer<typeof commandsSchema>) {
    this.switching = new Set(data.switchesLanguage.locales);
    for (const command of ['signOut', 'forget', 'confirmForget'] as const) {
      for (const locale of ['en', 'es'] as const) {
        for (const phrase of data[command][locale]) {
          const key = fold(phrase);
          const entry = this.table.get(key) ?? new Map<IdentityCommand, Locale>();
          if (!entry.has(command)) entry.set(command, locale);
          this.table.set(key, entry);
        }
      }
    }
    for (const locale of ['en', 'es'] as const) {
      for (const phrase of data.signOut[locale]) this.signOutPhrases.push({ words: fold(phrase).split(' '), locale });
      for (const word of data.signOutCourtesy[locale]) this.courtesy.add(fold(word));
    }
    this.signOutPhrases.sort((a, b) => b.words.length - a.words.length);
  }

  static load(file: string = fromRoot('identity', 'bot', 'commands.json')): IdentityCommands {
    try {
      return new IdentityCommands(commandsSchema.parse(JSON.parse(readFileSync(file, 'utf8'))));
    } catch (err) {
      const detail = err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : (err as Error).message;
      throw new IdentityCommandsError(`Identity commands ${file} are invalid: ${detail}`);
    }
  }

  /** The command a whole message is, if any, and the language it is in. */
  match(text: string, command: IdentityCommand): Locale | null {
    const whole = this.table.get(fold(text))?.get(command) ?? null;
    return whole ?? (command === 'signOut' ? this.politeSignOut(fold(text)) : null);
  }

  /** A command in this language moves a conversation in the other language to it. */
  switchesTo(locale: Locale): boolean {
    return this.switching.has(locale);
  }

  /**
   * A sign-out phrase with only courtesy words around it ("ok thx sign out", "please log me out",
   * "cierra mi sesion gracias"); anything else in the message ("how do I sign out", "I can't
   * log out") leaves it to the dialogs.
   */
  private politeSignOut(folded: string): Locale | null {
    const words = folded ? folded.split(' ') : [];
    for (const { words: phrase, locale } of this.signOutPhrases) {
      for (let at = 0; at + phrase.length <= words.length; at++) {
        if (!phrase.every((w, i) => words[at + i] === w)) continue;
        const rest = [...words.slice(0, at), ...words.slice(at + phrase.length)];
        if (rest.every((w) => this.courtesy.has(w))) return locale;
      }
    }
    return null;
  }
}
