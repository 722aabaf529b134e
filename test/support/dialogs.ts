import type { TurnContext } from 'botbuilder';
import { ComponentDialog, Dialog, TextPrompt, WaterfallDialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';

/**
 * A three-question booking, standing in for the real appointment dialog (being built on
 * issue-dialogs) in restart and scale-out tests: its place in the conversation lives only in the
 * stored dialog stack.
 */
export class BookingDialog extends ComponentDialog {
  constructor(options: { waterfallId?: string; extraStep?: boolean } = {}) {
    super('main');
    this.addDialog(new TextPrompt('text'));
    const steps = [
      async (step: any) => step.prompt('text', 'Which day works for you?'),
      async (step: any) => {
        step.values.day = step.result;
        return step.prompt('text', 'What time?');
      },
      async (step: any) => {
        step.values.time = step.result;
        return step.prompt('text', `Book ${step.values.day} at ${step.values.time}? (yes/no)`);
      },
      async (step: any) => {
        await step.context.sendActivity(
          String(step.result).toLowerCase() === 'yes' ? `Booked: ${step.values.day} at ${step.values.time}.` : 'Not booked.',
        );
        return step.endDialog();
      },
    ];
    if (options.extraStep) steps.splice(3, 0, async (step: any) => step.next(step.result));
    const waterfallId = options.waterfallId ?? 'booking';
    this.addDialog(new WaterfallDialog(waterfallId, steps));
    this.initialDialogId = waterfallId;
  }
}

/**
 * Counts the member's messages in its own dialog state (part of conversation state) and answers
 * `count=N`: a lost update shows as a repeated or missing number. `beforeCount` lets a test hold
 * the turn after state was loaded and before it is changed.
 */
export class CounterDialog extends Dialog {
  constructor(private readonly beforeCount?: (context: TurnContext) => Promise<void>) {
    super('main');
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    return this.count(dc);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    return this.count(dc);
  }

  private async count(dc: DialogContext): Promise<DialogTurnResult> {
    await this.beforeCount?.(dc.context);
    const state = dc.activeDialog!.state as { count?: number };
    state.count = (state.count ?? 0) + 1;
    await dc.context.sendActivity(`count=${state.count}`);
    return Dialog.EndOfTurn;
  }
}

/** Resolves once `parties` callers are waiting, releasing them all together. */
export function barrier(parties: number): () => Promise<void> {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return () => {
    arrived++;
    if (arrived >= parties) open();
    return opened;
  };
}
