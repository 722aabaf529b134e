import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { StartupError } from '../../common/errors';
import { fromRoot } from '../../common/paths';
import { fold } from '../../dialogs/common/text';
import type { Locale } from '../../intents/types';
import { ClosingSignOut } from './closingSignOut';

const phrases = z.array(z.string().trim().min(1)).min(1);
const perLocale = z.strictObject({ en: phrases, es: phrases });
const commandsSchema = z.strictObject({
  $comment: z.string().optional(),
  switchesLanguage: z.strictObject({ $comment: z.string().optional(), locales: z.array(z.enum(['en', 'es'])) }),
  signOut: perLocale,
  signOutCourtesy: perLocale,
  signOutClosers: perLocale,
  forget: perLocale,
  confirmForget: perLocale,
});

export type IdentityCommand = 'signOut' | 'forget' | 'confirmForget';

export class IdentityCommandsError extends StartupError {}

/** The identity commands (identity/bot/commands.json): whole messages, folded, with their language. */
export class IdentityCommands {
  private readonly table = new Map<string, Map<IdentityCommand, Locale>>();
  /** A sign-out that ends a longer message ("forget it. sign out", "gracias, cerrar sesion"). */
  private readonly closingSignOut: ClosingSignOut;
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
    const locales = ['en', 'es'] as const;
    this.closingSignOut = new ClosingSignOut({
      phrases: locales.flatMap((locale) => data.signOut[locale].map((phrase) => ({ phrase, locale }))),
      courtesy: locales.flatMap((locale) => data.signOutCourtesy[locale]),
      closers: locales.flatMap((locale) => data.signOutClosers[locale]),
    });
  }

  static load(file: string = fromRoot('identity', 'bot', 'commands.json')): IdentityCommands {
    try {
      return new IdentityCommands(commandsSchema.parse(JSON.parse(readFileSync(file, 'utf8'))));
    } catch (err) {
      const detail = err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : (err as Error).message;
      throw new IdentityCommandsError(`Identity commands ${file} are invalid: ${detail}`);
    }
  }

  /** The command a whole message is (or, for a sign-out, the one that ends it), if any, and the language it is in. */
  match(text: string, command: IdentityCommand): Locale | null {
    const whole = this.table.get(fold(text))?.get(command) ?? null;
    return whole ?? (command === 'signOut' ? this.closingSignOut.match(text) : null);
  }

  /** A command in this language moves a conversation in the other language to it. */
  switchesTo(locale: Locale): boolean {
    return this.switching.has(locale);
  }
}
