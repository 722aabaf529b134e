import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { StartupError } from '../common/errors';
import { fromRoot } from '../common/paths';
import { LOCALES, type Locale } from '../intents/types';
import { fold } from './common/text';

/**
 * What members type, per locale, as data (`dialogs/data/phrases.json`): the phrases that
 * interrupt any dialog (cancel, start over, help, talk to a person) and synonyms for the options
 * dialogs offer. Loaded and validated at start-up; every phrase is stored folded (see `fold`).
 */

export const INTERRUPTIONS = ['cancel', 'startOver', 'help', 'agent'] as const;
export type Interruption = (typeof INTERRUPTIONS)[number];

const phraseList = z.array(z.string().trim().min(1, { error: 'expected a non-empty phrase' }));
const perLocale = z.strictObject({ en: phraseList, es: phraseList });

export const phrasesFileSchema = z.strictObject({
  $comment: z.string().optional(),
  interruptions: z.strictObject({ cancel: perLocale, startOver: perLocale, help: perLocale, agent: perLocale }),
  /** While the member waits for or chats with an agent: what leaves the line / ends the chat. */
  handoff: z.strictObject({ leave: perLocale }),
  options: z.record(
    z.string().regex(/^[a-zA-Z_]+(\.[a-zA-Z]+)+$/, { error: 'expected an option key like "appointment.action.new"' }),
    perLocale,
  ),
});

export class PhraseBookError extends StartupError {}

export class PhraseBook {
  private readonly interruptions = new Map<string, Interruption>();
  private readonly options = new Map<string, string[]>();
  private readonly leave = new Set<string>();

  private constructor(data: z.infer<typeof phrasesFileSchema>) {
    for (const kind of INTERRUPTIONS) {
      for (const locale of LOCALES) for (const phrase of data.interruptions[kind][locale]) this.interruptions.set(fold(phrase), kind);
    }
    for (const locale of LOCALES) for (const phrase of data.handoff.leave[locale]) this.leave.add(fold(phrase));
    for (const [key, byLocale] of Object.entries(data.options)) {
      this.options.set(key, [...new Set(LOCALES.flatMap((locale: Locale) => byLocale[locale].map(fold)))].filter(Boolean));
    }
  }

  static load(file: string = fromRoot('dialogs', 'data', 'phrases.json')): PhraseBook {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new PhraseBookError(`Phrase file ${file} could not be read: ${(err as Error).message}`);
    }
    const parsed = phrasesFileSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new PhraseBookError(`Phrase file ${file} is invalid: ${issue?.path.join('.') || '(root)'}: ${issue?.message}.`);
    }
    return new PhraseBook(parsed.data);
  }

  /** The interruption a whole message asks for ("never mind", "talk to a person"), if any. */
  interruption(text: string): Interruption | null {
    return this.interruptions.get(fold(text)) ?? null;
  }

  /** True when a whole message asks to leave the line for an agent, or to end the chat with one ("LEAVE"). */
  leavesHandoff(text: string): boolean {
    return this.leave.has(fold(text));
  }

  /** Folded synonyms of an option in every locale ("appointment.action.new"). */
  synonyms(optionKey: string): readonly string[] {
    return this.options.get(optionKey) ?? [];
  }

  hasOption(optionKey: string): boolean {
    return this.options.has(optionKey);
  }
}
