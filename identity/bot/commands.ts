import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { StartupError } from '../../common/errors';
import { fromRoot } from '../../common/paths';
import { fold } from '../../dialogs/common/text';
import type { Locale } from '../../intents/types';

const phrases = z.array(z.string().trim().min(1)).min(1);
const perLocale = z.strictObject({ en: phrases, es: phrases });
const commandsSchema = z.strictObject({ $comment: z.string().optional(), signOut: perLocale, forget: perLocale, confirmForget: perLocale });

export type IdentityCommand = 'signOut' | 'forget' | 'confirmForget';

export class IdentityCommandsError extends StartupError {}

/** The identity commands (identity/bot/commands.json): whole messages, folded, with their language. */
export class IdentityCommands {
  private readonly table = new Map<string, Map<IdentityCommand, Locale>>();

  private constructor(data: z.infer<typeof commandsSchema>) {
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
    return this.table.get(fold(text))?.get(command) ?? null;
  }
}
