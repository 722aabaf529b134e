import type { TurnContext } from 'botbuilder';
import { localeOf, type ResponseCatalog } from '../common/responses';
import { fold, wordCount } from '../dialogs/common/text';
import type { ConversationMemory } from '../dialogs/memory';
import { setTurnInfo, type TurnInfo } from '../dialogs/turn';
import { detectLocale } from '../intents';
import type { DeniedTopic } from '../dialogs/deniedTopic';
import type { SubTopicRouter } from '../dialogs/topics/subTopicRouter';
import { isTaskIntent, LOCALES, TRIAGE_INTENTS, type IntentId, type IntentResult, type Locale, type Understanding } from '../intents/types';
import type { RequestAfterChange } from './requestAfterChange';
import type { TurnFacts } from './turnFacts';

/** Outcomes a named sub-topic never overrides: the safety triage's, and a request for a person. */
const KEEP: ReadonlySet<IntentId> = new Set<IntentId>([...TRIAGE_INTENTS, 'agent']);
/** Short answers (dialogs/data/phrases.json `shortAnswers`) that are a yes or a no in a language. */
const YES_NO = ['confirm.yes', 'confirm.no'] as const;

/** Whether a whole message is one of an option's short answers in a language (dialogs/phrases.ts). */
export interface ShortAnswers {
  isShortAnswer(optionKey: string, locale: Locale, text: string): boolean;
}

/** The score given to a task reached by a named sub-topic (confident enough to route and switch). */
const SUB_TOPIC_SCORE = 0.9;

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

  constructor(
    private readonly deps: { understanding: Understanding; memory: ConversationMemory; catalog: ResponseCatalog; subTopics?: SubTopicRouter; shortAnswers?: ShortAnswers; denied?: Pick<DeniedTopic, 'read'>; changedMind?: Pick<RequestAfterChange, 'read'> & Partial<Pick<RequestAfterChange, 'requestAfter'>> },
  ) {
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
    // (the detector says the same whatever the hint); later, one word keeps the conversation's,
    // unless it is plainly Spanish ("k gracias", "vale"): a member who mixes in Spanish is
    // answered in it, while an English word in Spanish ("refill", "ok") is a borrowed one.
    const certain = detectLocale(text, 'en') === detectLocale(text, 'es');
    if (!known && certain) return detected;
    // A yes or no of the conversation's language ("ya", "yah" in English) keeps it, whatever the detector calls it.
    if (known && YES_NO.some((key) => this.deps.shortAnswers?.isShortAnswer(key, known, text))) return known;
    if (known === 'en' && certain && detected === 'es') return 'es';
    return known ?? channel ?? detected;
  }

  /** A message that names a task's sub-topic ("update my insurance") is that task's. */
  private withSubTopic(text: string, result: IntentResult): IntentResult {
    if (!text.trim() || KEEP.has(result.intent)) return result;
    const task = this.deps.subTopics?.route(text, result.intent);
    if (!task || (task === result.intent && result.score >= SUB_TOPIC_SCORE)) return result;
    if (task === result.intent) return { ...result, score: SUB_TOPIC_SCORE };
    return { ...result, intent: task, score: SUB_TOPIC_SCORE, kind: null, runnerUp: { intent: result.intent, score: result.score } };
  }

  /** Also the turn's facts' `understood`; the recognizer reads the turn's triage (run once per text). */
  async resolve(context: TurnContext, facts: TurnFacts): Promise<TurnInfo> {
    // "its not a password thing. can someone call me back": that topic is dropped, the rest is the
    // request (newcomer run v19, X09). The safety triage reads the whole message (the activity's).
    const whole = context.activity.text ?? '';
    const denial = this.deps.denied?.read(whole);
    const text = denial ? denial.rest : whole;
    const known = await this.deps.memory.locale(context);
    const channelLocale = context.activity.locale ? localeOf(context.activity.locale) : undefined;
    const hint = known ?? channelLocale;
    const understood: IntentResult = text.trim()
      ? await this.deps.understanding.understand(text, hint ? { locale: hint, triage: facts } : { triage: facts })
      : { intent: 'none', score: 0, kind: null, locale: hint ?? 'en', runnerUp: null, source: 'local' };
    // "how much is my copay... actually nvm, which of my meds can i refill": the request after the change of mind, read alone.
    const after = this.deps.changedMind?.requestAfter?.(text, (rest) => facts.triage(rest).taskWord === true);
    const later = after ? await this.deps.understanding.understand(after, { locale: understood.locale, triage: facts }) : null;
    const named = this.withSubTopic(text, later && isTaskIntent(later.intent) && later.intent !== understood.intent ? { ...later, ...(understood.safety ? { safety: understood.safety } : {}) } : understood);
    // "forget the appointment, can you just refill my meds": the request after the drop (v20).
    const result = this.deps.changedMind ? this.deps.changedMind.read({ text, result: named, locale: named.locale }, (rest) => facts.triage(rest).taskWord === true) : named;
    const locale = this.chooseLocale(whole, denial && !text.trim() ? (known ?? result.locale) : result.locale, known, channelLocale);
    if (locale !== known) await this.deps.memory.setLocale(context, locale);
    const info: TurnInfo = { text, result, locale, ...(denial ? { denied: denial.topic } : {}) };
    setTurnInfo(context, info);
    facts.understood = info;
    return info;
  }
}
