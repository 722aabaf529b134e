import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type Dialog, type DialogState } from 'botbuilder-dialogs';

/** Runs the main dialog for a turn, and ends every dialog when something more important happens. */
export class DialogRunner {
  private readonly dialogs: DialogSet;

  constructor(
    private readonly dialogState: StatePropertyAccessor<DialogState>,
    private readonly main: Dialog,
  ) {
    this.dialogs = new DialogSet(dialogState);
    this.dialogs.add(main);
  }

  /** Continues the dialog in progress, or starts the main dialog (which routes the message). */
  async run(context: TurnContext): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.main.id);
  }

  /** Ends every dialog in progress (their end handlers run), so the next message is routed fresh. */
  async cancelAll(context: TurnContext): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    await dc.cancelAllDialogs();
  }

  /** Drops the dialog stack without running anything (after a failed turn). */
  async forget(context: TurnContext): Promise<void> {
    await this.dialogState.delete(context);
  }
}
