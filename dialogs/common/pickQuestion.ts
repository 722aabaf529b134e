import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Vars } from '../../common/responses';
import type { Locale } from '../../intents/types';
import { turnInfo } from '../turn';
import type { DialogKit } from './kit';
import { Question } from './questions';
import { containsPhrase, fold } from './text';

export interface PickItem {
  id: string;
  title: string;
}

export interface PickOptions {
  prompt: string;
  vars?: Vars;
  items: PickItem[];
  /** Offer "None of these" as the last choice. */
  none?: boolean;
  maxAttempts?: number;
}

/** The item picked, or none: the member chose "None of these" (or could not pick: `stuck`). */
export type PickAnswer = { picked: string } | { picked: null; stuck: boolean };

const NONE_KEY = 'common.noneOfThese';
/** Words that say nothing about which item. */
const FILLERS = new Set(['the', 'one', 'that', 'this', 'please', 'for', 'with', 'and', 'para', 'con', 'por', 'favor', 'una', 'uno', 'ese', 'esa', 'las', 'los']);

/**
 * A question whose options come from a back end (the member's prescriptions, appointments, free
 * times), so they are not in the options table: a tap (or a digit on SMS) on a title, the title
 * typed, or a part of it that names exactly one item ("the lisinopril").
 */
export class PickQuestion extends Question<PickOptions> {
  static readonly ID = 'question.pick';

  constructor(kit: DialogKit) {
    super(PickQuestion.ID, kit);
  }

  private match(context: TurnContext, options: PickOptions, exact: boolean): string | 'none' | null {
    const text = fold(turnInfo(context).text);
    if (!text) return null;
    if (options.none && this.isNone(context, text)) return 'none';
    const same = options.items.filter((item) => fold(item.title) === text);
    if (same.length === 1) return same[0]!.id;
    if (exact) return null;
    // A part of a title: the words the member typed that name exactly one item best ("the lisinopril").
    const words = text.split(' ').filter((w) => w.length >= 3 && !FILLERS.has(w));
    const scored = options.items
      .map((item) => ({ item, score: words.filter((w) => containsPhrase(fold(item.title), w)).length }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score);
    if (!scored.length || (scored[1] && scored[1].score === scored[0]!.score)) return null;
    return scored[0]!.item.id;
  }

  private isNone(context: TurnContext, folded: string): boolean {
    const locale = this.kit.locale(context);
    return folded === fold(this.kit.catalog.text(locale, NONE_KEY)) || ['none', 'none of these', 'neither', 'ninguno', 'ninguna', 'ninguno de estos'].includes(folded);
  }

  isExactAnswer(instance: DialogInstance, context: TurnContext): boolean {
    return this.match(context, this.options(instance), true) !== null;
  }

  accepts(instance: DialogInstance, context: TurnContext): boolean {
    return this.match(context, this.options(instance), false) !== null;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const instance = dc.activeDialog!;
    const options = this.options(instance);
    const picked = this.match(dc.context, options, false);
    if (picked === 'none') return dc.endDialog({ picked: null, stuck: false } satisfies PickAnswer);
    if (picked) return dc.endDialog({ picked } satisfies PickAnswer);
    if (this.missed(instance)) return dc.endDialog({ picked: null, stuck: true } satisfies PickAnswer);
    await this.render(dc.context, options, this.kit.locale(dc.context), 'common.retry');
    return Dialog.EndOfTurn;
  }

  protected async render(context: TurnContext, options: PickOptions, locale: Locale, retryKey: string | null): Promise<void> {
    const lines = [retryKey ? this.kit.text(context, retryKey) : '', this.kit.text(context, options.prompt, options.vars)].filter(Boolean);
    const titles = [...options.items.map((i) => i.title), ...(options.none ? [this.kit.catalog.text(locale, NONE_KEY)] : [])];
    await this.kit.send(context, { text: lines.join(' '), choices: titles.map((title) => ({ title, value: title })) });
  }
}
