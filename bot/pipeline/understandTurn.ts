import type { TurnContext } from 'botbuilder';
import { localeOf, type ResponseCatalog } from '../../common/responses';
import { fold, wordCount } from '../../dialogs/common/text';
import type { ConversationMemory } from '../../dialogs/memory';
import { setTurnInfo, type TurnInfo } from '../../dialogs/turn';
import { detectLocale } from '../../intents';
import { LOCALES, type IntentResult, type Locale, type Understanding } from '../../intents/types';

/**
 * Step 5: what the message means and which language to answer in, once per turn (dialogs read it
 * from the turn state). The recognizer gives a locale per message; the conversation keeps one in
 * conversation state and follows the member when a message says enough to tell ("ok", "2" or a
 * single word keep the conversation's language). A picked choice ("Salud mental") is in the
 * language of its title, whatever a detector makes of two words.
 */
export class TurnUnderstanding {
  /** Folded choice title → the locales it is a title in. */
  private readonly titles = new Map<string, Set<Locale>>();

  constructor(private readonly deps: { understanding: Understanding; memory: ConversationMemory; catalog: ResponseCatalog }) {
    for (const key of [...deps.catalog.keysUnder('options'), ...deps.catalog.keysUnder('topics')]) {
      for (const locale of LOCALES) {
        const title = fold(deps.catalog.text(locale, key));
        this.titles.set(title, (this.titles.get(title) ?? new Set()).add(locale));
      }
    }
  }

  private chooseLocale(text: string, detected: Locale, known: Locale | undefined, channel: Locale | undefined): Locale {
    const titleLocales = this.titles.get(fold(text));
    if (titleLocales) {
      if (known && titleLocales.has(known)) return known;
      if (titleLocales.size === 1) return [...titleLocales][0]!;
    }
    if (wordCount(text) >= 2) return detected;
    // One word opening a conversation ("hola") decides the language when it is not ambiguous
    // (the detector says the same whatever the hint); later, one word keeps the conversation's.
    if (!known && detectLocale(text, 'en') === detectLocale(text, 'es')) return detected;
    return known ?? channel ?? detected;
  }

  async resolve(context: TurnContext): Promise<TurnInfo> {
    const text = context.activity.text ?? '';
    const known = await this.deps.memory.locale(context);
    const channelLocale = context.activity.locale ? localeOf(context.activity.locale) : undefined;
    const hint = known ?? channelLocale;
    const result: IntentResult = text.trim()
      ? await this.deps.understanding.understand(text, hint ? { locale: hint } : {})
      : { intent: 'none', score: 0, kind: null, locale: hint ?? 'en', runnerUp: null, source: 'local' };
    const locale = this.chooseLocale(text, result.locale, known, channelLocale);
    if (locale !== known) await this.deps.memory.setLocale(context, locale);
    const info = { text, result, locale };
    setTurnInfo(context, info);
    return info;
  }
}
