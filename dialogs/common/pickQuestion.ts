import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Vars } from '../../common/responses';
import type { Locale } from '../../intents/types';
import { turnInfo } from '../turn';
import type { DialogKit } from './kit';
import { recognizePick, type ListItem, type ListPick } from './listPick';
import { setAsidePick } from './setAsidePick';
import { Question, WAYS_OUT } from './questions';
import type { QuestionKey } from '../questions';
import { fold } from './text';

/** An item of the list: its id, its title, and what else tells it apart (see `ListItem`). */
export type PickItem = ListItem;

export interface PickOptions {
  prompt: string;
  vars?: Vars;
  items: PickItem[];
  /** Offer "None of these" as the last choice. */
  none?: boolean;
  maxAttempts?: number;
  /**
   * Options of other questions whose naming changes what the list was made of ("can it be a video
   * visit instead" at the open times): the pick ends with `changed`, for the caller to read.
   */
  changes?: ReadonlyArray<{ question: QuestionKey; ids?: readonly string[] }>;
  /** Every item may be picked at once ("both", "all of them", "los dos", "todas"): the answer holds them all in `all`. */
  all?: boolean;
  /**
   * Short answers (`dialogs/data/phrases.json`) that say an item is kept, not the one to pick ("keep
   * the lab one", "la de laboratorio sí voy" when cancelling): with "not …", they set it aside.
   */
  kept?: string;
}

/** The item picked, or none: the member chose "None of these" (or could not pick: `stuck`), or asked for a change (`changed`). */
export type PickAnswer = { picked: string; all?: string[] } | { picked: null; stuck: boolean; changed?: true };

const NONE_KEY = 'common.noneOfThese';
/** Said once when an answer names no item: the list again, and a way out. */
const PICK_RETRY = 'common.pickRetry';
/** Short answers that pick every item shown ("both", "all of them", "los dos", "todas"): `dialogs/data/phrases.json`. */
const ALL_KEY = 'pick.all';
/** Said when an answer fits several items: only those are shown. */
const PICK_WHICH = 'common.pickWhich';

interface PickState {
  options: PickOptions;
  attempts: number;
  /** The items shown after an answer that fitted several (ids), if any. */
  shown?: string[];
}

/** A time of day said with its minutes or am/pm ("10:30", "9am", "3 pm"), folded. */
const CLOCK = /\b\d{1,2}(?: [0-5]\d| ?(?:am|pm|a m|p m))\b/g;

/** The items a message names by its time and, without the time, by a detail of its own (one, or a few). */
function namedInFull(text: string, items: readonly PickItem[]): ListPick {
  const folded = fold(text);
  if (!CLOCK.test(folded)) return null;
  CLOCK.lastIndex = 0;
  const picked = recognizePick(text, items);
  // The time alone would not do: a detail said beside it names the items too.
  const detail = picked ? recognizePick(folded.replace(CLOCK, ' '), items) : null;
  CLOCK.lastIndex = 0;
  if (!picked || !detail) return null;
  const ids = picked.kind === 'one' ? [picked.id] : picked.ids;
  const fits = detail.kind === 'one' ? [detail.id] : detail.ids;
  if (!ids.every((id) => fits.includes(id)) || ids.length === items.length) return null;
  return picked;
}

type Match = { kind: 'one'; id: string } | { kind: 'several'; ids: string[] } | { kind: 'all'; ids: string[] } | { kind: 'none' } | null;

/**
 * A question whose options come from a back end (the member's prescriptions, appointments, free
 * times), so they are not in the options table. A typed answer is read by `recognizePick` (a
 * title, a place in the list, a time, a detail of one item); one that fits several items is asked
 * again with only those; one that fits nothing gets the list once more with a way out, never an
 * end of the task at the first miss.
 */
export class PickQuestion extends Question<PickOptions> {
  static readonly ID = 'question.pick';

  constructor(kit: DialogKit) {
    super(PickQuestion.ID, kit);
  }

  /**
   * A list offered right after a message that names one of its items in full, by its time and a
   * detail of its own ("monday 10:30 with dr haddad", "sí, la de las 9 con Chen"): that item is
   * picked at once (its confirmation follows), not the list shown to pick from again.
   */
  override async beginDialog(dc: DialogContext, options?: PickOptions): Promise<DialogTurnResult> {
    const named = options ? namedInFull(turnInfo(dc.context).text, options.items) : null;
    if (named?.kind === 'one') return dc.endDialog({ picked: named.id } satisfies PickAnswer);
    if (!options || !named) return super.beginDialog(dc, options);
    // It fits a few (the same time and clinician on two days): only those, to pick from.
    dc.activeDialog!.state = { options, attempts: 0, shown: named.ids } satisfies PickState;
    await this.askWhich(dc.context, options, named.ids);
    return Dialog.EndOfTurn;
  }

  private match(context: TurnContext, instance: DialogInstance, exact: boolean): Match {
    const state = instance.state as PickState;
    const { options } = state;
    const text = turnInfo(context).text;
    const folded = fold(text);
    if (!folded) return null;
    if (options.none && this.isNone(context, folded)) return { kind: 'none' };
    // "both" / "todas": every item shown (after "which of these?", only those).
    if (options.all && this.kit.phrases.shortAnswerWords(ALL_KEY).includes(folded)) {
      return { kind: 'all', ids: state.shown ?? options.items.map((i) => i.id) };
    }
    const same = options.items.filter((item) => fold(item.title) === folded);
    if (same.length === 1) return { kind: 'one', id: same[0]!.id };
    if (exact) return null;
    // After "which of these?", a detail is read among the items shown then; a number is still the item's first number.
    const shown = state.shown ? options.items.filter((i) => state.shown!.includes(i.id)) : null;
    // "the lab one, not the doctor": the items set aside are not the pick.
    const aside = setAsidePick(text, shown ?? options.items, options.kept ? this.kit.phrases.shortAnswerWords(options.kept) : []);
    if (aside) return aside;
    return (state.shown && recognizePick(text, options.items, { among: state.shown })) || recognizePick(text, options.items);
  }

  private isNone(context: TurnContext, folded: string): boolean {
    const locale = this.kit.locale(context);
    return folded === fold(this.kit.catalog.text(locale, NONE_KEY)) || ['none', 'none of these', 'neither', 'ninguno', 'ninguna', 'ninguno de estos'].includes(folded);
  }

  isExactAnswer(instance: DialogInstance, context: TurnContext): boolean {
    return this.match(context, instance, true) !== null;
  }

  accepts(instance: DialogInstance, context: TurnContext): boolean {
    return this.match(context, instance, false) !== null || this.changed(instance, context);
  }

  /** The answer names no item but a change the caller reads (another way to be seen). */
  private changed(instance: DialogInstance, context: TurnContext): boolean {
    const { changes = [] } = (instance.state as PickState).options;
    const text = turnInfo(context).text;
    return changes.some((c) => this.kit.options.mentioned(text, c.question, c.ids).length > 0);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const instance = dc.activeDialog!;
    const state = instance.state as PickState;
    const options = state.options;
    const locale = this.kit.locale(dc.context);
    const picked = this.match(dc.context, instance, false);
    if (picked?.kind === 'none') return dc.endDialog({ picked: null, stuck: false } satisfies PickAnswer);
    if (picked?.kind === 'one') return dc.endDialog({ picked: picked.id } satisfies PickAnswer);
    if (picked?.kind === 'all') return dc.endDialog({ picked: picked.ids[0]!, all: picked.ids } satisfies PickAnswer);
    if (!picked && this.changed(instance, dc.context)) return dc.endDialog({ picked: null, stuck: false, changed: true } satisfies PickAnswer);
    if (picked?.kind === 'several') {
      state.shown = picked.ids;
      await this.askWhich(dc.context, options, picked.ids);
      return Dialog.EndOfTurn;
    }
    if (this.missed(instance)) return dc.endDialog({ picked: null, stuck: true } satisfies PickAnswer);
    delete state.shown;
    await this.render(dc.context, options, locale, PICK_RETRY);
    return Dialog.EndOfTurn;
  }

  /** The titles to show, then "None of these" when offered. */
  private titles(options: PickOptions, locale: Locale): string[] {
    return [...options.items.map((i) => i.title), ...(options.none ? [this.kit.catalog.text(locale, NONE_KEY)] : [])];
  }

  /**
   * "Which of these?" with only the items that fit, each with the number it had in the list (and
   * "None of these" too), so that "3" is the same option as before: never a list numbered anew.
   */
  private async askWhich(context: TurnContext, options: PickOptions, ids: readonly string[]): Promise<void> {
    const numbered = this.titles(options, this.kit.locale(context)).map((title, i) => ({ title, value: title, number: i + 1 }));
    const choices = numbered.filter((_, i) => i >= options.items.length || ids.includes(options.items[i]!.id));
    await this.kit.send(context, { text: this.kit.text(context, PICK_WHICH), choices });
  }

  protected async render(context: TurnContext, options: PickOptions, locale: Locale, retryKey: string | null): Promise<void> {
    const lines = [retryKey ? this.kit.text(context, retryKey) : '', this.kit.text(context, options.prompt, options.vars)].filter(Boolean);
    const choices = this.titles(options, locale).map((title) => ({ title, value: title }));
    // After a miss, the ways out beside the list: "Something else" (routed afresh) and a person.
    if (retryKey) choices.push(...this.kit.options.choices('topics', locale, WAYS_OUT));
    await this.kit.send(context, { text: lines.join(' '), choices });
  }
}
