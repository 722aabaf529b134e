import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Vars } from '../../common/responses';
import type { Locale } from '../../intents/types';
import { QUESTIONS, type QuestionKey } from '../questions';
import { turnInfo } from '../turn';
import type { DialogKit } from './kit';
import { leadingNumber } from './leadingNumber';
import { recognizePick } from './listPick';
import { takeResumedWords } from './resumedWords';
import type { MatchMode } from './options';
import { wordCount } from './text';

/**
 * The assistant's own prompts. botbuilder's ChoicePrompt renders its choices itself
 * (ChoiceFactory), which knows nothing of SMS's 320 characters or the numbered-list rule; these
 * send a channel-neutral Reply through ReplySender instead, so every question looks right on
 * Web Chat (suggested actions), Teams (a card of at most 3 buttons, or a choice list) and SMS
 * (a numbered list answered with a digit).
 */

interface QuestionState {
  attempts: number;
}

/** Options of a closed question: which options, and what to say. Plain data (kept in dialog state). */
export interface ChoiceQuestionOptions {
  question: QuestionKey;
  /** Subset / order of the question's options (default: all). */
  ids?: readonly string[];
  /** Options also accepted but not shown (the pharmacy's phone on the contact menu). */
  unlisted?: readonly string[];
  /** Text key of the question. */
  prompt: string;
  vars?: Vars;
  /** `contains` also accepts an option named inside a sentence. Default: contains. */
  mode?: MatchMode;
  /** Answers that match no option before the question gives up (default 2). */
  maxAttempts?: number;
  /**
   * `end`: give up at the first answer that matches nothing (the caller routes it anew);
   * `sentence`: the same for an answer of a few words or more (a question of the member's own, which
   * the caller answers or routes anew), while a word or two is asked again, as `retry`.
   */
  noMatch?: 'retry' | 'end' | 'sentence';
  /**
   * An answer to another question, said alone, taken as one of these options ("es para mi hija"
   * to the video-visits menu is booking one for her: the patient is read again by the booking).
   */
  byAnswerOf?: { question: QuestionKey; id: string };
}

const NO_OPTION_FITS = 'common.noOptionFits';
/** Words from which an answer is a sentence of the member's own, not a mistyped pick (`noMatch: 'sentence'`). */
const SENTENCE_WORDS = 3;
/** Said when the answer asks for something no topic covers ("will it snow on friday?"). */
const OUT_OF_SCOPE = 'common.outOfScopeHere';
const OPENING_ACK = /^(Sure|OK|Okay|Claro|De acuerdo|Muy bien)[.,!]\s+/;
/** Offered beside a question's options once an answer fits none of them (titles: `topics.<id>`). */
export const WAYS_OUT = ['somethingElse', 'agent'] as const;

export type ChoiceAnswer = { answer: string } | { answer: null; stuck: boolean };

/** Base of the assistant's questions: retries, reprompt, and "is this an answer?" for interruptions. */
export abstract class Question<O extends { prompt: string; vars?: Vars; maxAttempts?: number }> extends Dialog<O> {
  /**
   * Accepts almost any short text (a medicine's name): a message the safety triage called mental
   * health or symptoms is then not taken as its answer.
   */
  loose = false;

  constructor(
    id: string,
    protected readonly kit: DialogKit,
  ) {
    super(id);
  }

  /** The member's message is exactly one of the offered options (so it is not an interruption). */
  abstract isExactAnswer(instance: DialogInstance, context: TurnContext): boolean;
  /** The member's message is an acceptable answer (so it is not a change of topic). */
  abstract accepts(instance: DialogInstance, context: TurnContext): boolean;
  protected abstract render(context: TurnContext, options: O, locale: Locale, retryKey: string | null, retryVars?: Vars): Promise<void>;

  /** A message that fits nothing is asked again here (not handed back to the task to route anew). */
  asksAgain(_instance: DialogInstance, _context: TurnContext): boolean {
    return true;
  }

  override async beginDialog(dc: DialogContext, options?: O): Promise<DialogTurnResult> {
    if (!options) throw new Error(`${this.id} needs options`);
    dc.activeDialog!.state = { options, attempts: 0 } satisfies QuestionState & { options: O };
    await this.render(dc.context, options, this.kit.locale(dc.context), null);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await this.render(context, (instance.state as { options: O }).options, this.kit.locale(context), null);
  }

  protected options(instance: DialogInstance): O {
    return (instance.state as { options: O }).options;
  }

  /** Counts a miss; true when the question should give up. */
  protected missed(instance: DialogInstance): boolean {
    const state = instance.state as QuestionState & { options: O };
    state.attempts += 1;
    return state.attempts >= (state.options.maxAttempts ?? 2);
  }
}

export class ChoiceQuestion extends Question<ChoiceQuestionOptions> {
  static readonly ID = 'question.choice';

  constructor(kit: DialogKit, id: string = ChoiceQuestion.ID) {
    super(id, kit);
  }

  isExactAnswer(instance: DialogInstance, context: TurnContext): boolean {
    const options = this.options(instance);
    return this.matchText(context, options, 'exact') !== null;
  }

  accepts(instance: DialogInstance, context: TurnContext): boolean {
    const options = this.options(instance);
    return this.matchText(context, options, options.mode ?? 'contains') !== null;
  }

  /**
   * The option the member's words pick; never one they say no to ("no, nada de video" never books a
   * video visit): the rest of the message is then theirs, answered or routed afresh.
   */
  private matchText(context: TurnContext, options: ChoiceQuestionOptions, mode: MatchMode): string | null {
    const id = this.pickedBy(context, options, mode);
    return id && mode !== 'exact' && this.kit.options.negated(turnInfo(context).text, options.question, id) ? null : id;
  }

  private pickedBy(context: TurnContext, options: ChoiceQuestionOptions, mode: MatchMode): string | null {
    const text = turnInfo(context).text;
    const shown = options.ids ?? QUESTIONS[options.question];
    const ids = [...new Set([...shown, ...(options.unlisted ?? [])])];
    const matched = this.kit.options.match(text, options.question, mode, ids) ?? this.kit.options.shortAnswer(text, options.question, this.kit.locale(context), shown);
    if (matched || mode === 'exact') return matched;
    const byWord = this.kit.options.titleWord(text, options.question, shown);
    if (byWord) return byWord;
    // A place in the list as shown ("the second one", "la última", "#3"): the same reader as every list.
    const placed = recognizePick(text, shown.map((id) => ({ id, title: '' })), { positionsOnly: true });
    if (placed?.kind === 'one') return placed.id;
    // "1, el jueves en la tarde": the option at that number, unless the rest names another; the rest is details, kept by the task.
    const numbered = leadingNumber(text, shown.length);
    const at = numbered ? shown[numbered.place - 1] : undefined;
    if (numbered && at && this.kit.options.mentioned(numbered.rest, options.question, shown).every((id) => id === at)) return at;
    // Said alone ("es para mi hija"), not inside a question or request of its own ("como pido el
    // acceso de representante para mi mamá?" asks something else).
    const by = options.byAnswerOf;
    return by && !this.kit.phrases.isRequest(text) && this.kit.options.prefill(text, by.question) ? by.id : null;
  }

  /** `noMatch: 'end'` (and a sentence, for `'sentence'`) is handed back to the task, which routes it. */
  override asksAgain(instance: DialogInstance, context: TurnContext): boolean {
    const { noMatch } = this.options(instance);
    return noMatch !== 'end' && !(noMatch === 'sentence' && wordCount(turnInfo(context).text) >= SENTENCE_WORDS);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const instance = dc.activeDialog!;
    const options = this.options(instance);
    const answer = this.matchText(dc.context, options, options.mode ?? 'contains');
    if (answer) return dc.endDialog({ answer } satisfies ChoiceAnswer);
    if (!this.asksAgain(instance, dc.context)) return dc.endDialog({ answer: null, stuck: false } satisfies ChoiceAnswer);
    if (this.missed(instance)) return dc.endDialog({ answer: null, stuck: true } satisfies ChoiceAnswer);
    await this.render(dc.context, options, this.kit.locale(dc.context), NO_OPTION_FITS);
    return Dialog.EndOfTurn;
  }

  /**
   * A request for something no topic covers said to this question: said to be out of scope, then
   * the question once more with the ways out (never its opening "Sure." again).
   */
  async outOfScope(context: TurnContext, instance: DialogInstance): Promise<void> {
    (instance.state as { outOfScope?: boolean }).outOfScope = true;
    await this.render(context, this.options(instance), this.kit.locale(context), OUT_OF_SCOPE);
  }

  /** This question already said that a request was out of scope. */
  saidOutOfScope(instance: DialogInstance): boolean {
    return (instance.state as { outOfScope?: boolean }).outOfScope === true;
  }

  /**
   * After an answer that fits no option, the question is not simply asked again ("Sorry, I didn't
   * catch that. Sure. What …?" and the same menu): the member is told none fits and offered, with
   * the options, a way out: "Something else" (routed afresh) or "Talk to a person".
   */
  protected async render(context: TurnContext, options: ChoiceQuestionOptions, locale: Locale, retryKey: string | null): Promise<void> {
    const missed = retryKey === NO_OPTION_FITS || retryKey === OUT_OF_SCOPE;
    const prompt = this.kit.text(context, options.prompt, options.vars);
    // The question again, without its opening "Sure." (which answered the member's first message).
    const text = missed ? `${this.kit.text(context, retryKey)} ${prompt.replace(OPENING_ACK, '')}` : prompt;
    const choices = this.kit.options.choices(options.question, locale, options.ids);
    if (missed && options.question !== 'topics') choices.push(...this.kit.options.choices('topics', locale, WAYS_OUT));
    await this.kit.send(context, { text, choices });
  }
}

/** What a free-text parser says: a value, or the text key that explains what is expected. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string; vars?: Vars };

export interface ParseContext {
  locale: Locale;
  context: TurnContext;
}

export interface TextQuestionOptions {
  prompt: string;
  vars?: Vars;
  /** Quick answers offered as choices ("As soon as possible", "I don't know the number"). */
  choices?: { question: QuestionKey; ids?: readonly string[] };
  maxAttempts?: number;
}

export type TextAnswer<T> = { choice: string } | { value: T } | { stuck: true };

/** A question answered in the member's own words, checked by a parser (which validates with zod). */
export class TextQuestion<T> extends Question<TextQuestionOptions> {
  constructor(
    id: string,
    kit: DialogKit,
    private readonly parse: (text: string, ctx: ParseContext) => Parsed<T>,
  ) {
    super(id, kit);
  }

  /** Asked again on going back to a paused task, with words that answer it: they are the answer. */
  override async beginDialog(dc: DialogContext, options?: TextQuestionOptions): Promise<DialogTurnResult> {
    const words = takeResumedWords(dc.context);
    const parsed = words ? this.parse(words, { locale: this.kit.locale(dc.context), context: dc.context }) : null;
    if (parsed?.ok) return dc.endDialog({ value: parsed.value } satisfies TextAnswer<T>);
    return super.beginDialog(dc, options);
  }

  private choiceOf(context: TurnContext, options: TextQuestionOptions, mode: MatchMode): string | null {
    if (!options.choices) return null;
    return this.kit.options.match(turnInfo(context).text, options.choices.question, mode, options.choices.ids);
  }

  isExactAnswer(instance: DialogInstance, context: TurnContext): boolean {
    return this.choiceOf(context, this.options(instance), 'exact') !== null;
  }

  accepts(instance: DialogInstance, context: TurnContext): boolean {
    if (this.isExactAnswer(instance, context)) return true;
    return this.parse(turnInfo(context).text, { locale: this.kit.locale(context), context }).ok;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const instance = dc.activeDialog!;
    const options = this.options(instance);
    const choice = this.choiceOf(dc.context, options, 'exact');
    if (choice) return dc.endDialog({ choice } satisfies TextAnswer<T>);
    const parsed = this.parse(turnInfo(dc.context).text, { locale: this.kit.locale(dc.context), context: dc.context });
    if (parsed.ok) return dc.endDialog({ value: parsed.value } satisfies TextAnswer<T>);
    const loose = this.choiceOf(dc.context, options, 'contains');
    if (loose) return dc.endDialog({ choice: loose } satisfies TextAnswer<T>);
    if (this.missed(instance)) return dc.endDialog({ stuck: true } satisfies TextAnswer<T>);
    await this.render(dc.context, options, this.kit.locale(dc.context), parsed.error, parsed.vars);
    return Dialog.EndOfTurn;
  }

  protected async render(context: TurnContext, options: TextQuestionOptions, locale: Locale, retryKey: string | null, retryVars?: Vars): Promise<void> {
    const lines = [retryKey ? this.kit.text(context, retryKey, retryVars) : '', this.kit.text(context, options.prompt, options.vars)];
    await this.kit.send(context, {
      text: lines.filter(Boolean).join(' '),
      choices: options.choices ? this.kit.options.choices(options.choices.question, locale, options.choices.ids) : undefined,
    });
  }
}
