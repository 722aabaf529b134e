import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type Dialog, type DialogContext, type DialogState } from 'botbuilder-dialogs';
import { runningTask, takeResume, type OptionReader } from '../dialogs/common/runningTask';
import type { PausedTask } from '../dialogs/common/taskDialog';

/**
 * Where botbuilder-dialogs keeps the memory-scope configuration a DialogContext needs. Without it
 * in the turn state, the first DialogContext of every turn rebuilds it from the registered bot
 * components (a service collection, a dozen scope objects): per-turn work that need not be per
 * turn. botbuilder's own DialogManager builds it once and sets it every turn; so do we.
 */
const DIALOG_STATE_MANAGER_CONFIGURATION = 'DialogStateManagerConfiguration';

/** Runs the main dialog for a turn, and ends every dialog when something more important happens. */
export class DialogRunner {
  private readonly dialogs: DialogSet;
  private stateConfiguration: unknown;

  constructor(
    private readonly dialogState: StatePropertyAccessor<DialogState>,
    private readonly main: Dialog,
    /** Reads a task's options in the message an urgent answer interrupts (the details said in it are kept). */
    private readonly read?: OptionReader,
  ) {
    this.dialogs = new DialogSet(dialogState);
    this.dialogs.add(main);
  }

  /** Continues the dialog in progress, or starts the main dialog (which routes the message). */
  async run(context: TurnContext): Promise<void> {
    const dc = await this.context(context);
    const result = await dc.continueDialog();
    if (result.status !== DialogTurnStatus.empty) return;
    // A task a crisis answer ended, asked for again (pipeline/urgentFollowUp.ts): the main dialog goes back to it.
    // A new task started with its answers (a visit asked for after a crisis answer) begins without "back to".
    const resume = takeResume(context);
    await dc.beginDialog(this.main.id, resume ? (resume.fresh ? { next: resume.task } : { resume: resume.task }) : undefined);
  }

  /**
   * The task in progress, if any (its opening message and answers), before something ends the
   * dialogs; with the details `text` names (the message that ends it: "en persona pero...").
   */
  async runningTask(context: TurnContext, text?: string): Promise<PausedTask | undefined> {
    const said = text && this.read ? { text, read: this.read } : undefined;
    return runningTask(await this.dialogState.get(context), said);
  }

  /** Ends every dialog in progress (their end handlers run), so the next message is routed fresh. */
  async cancelAll(context: TurnContext): Promise<void> {
    const dc = await this.context(context);
    await dc.cancelAllDialogs();
  }

  private async context(context: TurnContext): Promise<DialogContext> {
    if (this.stateConfiguration) context.turnState.set(DIALOG_STATE_MANAGER_CONFIGURATION, this.stateConfiguration);
    const dc = await this.dialogs.createContext(context);
    this.stateConfiguration ??= context.turnState.get(DIALOG_STATE_MANAGER_CONFIGURATION);
    return dc;
  }

  /** Drops the dialog stack without running anything (after a failed turn). */
  async forget(context: TurnContext): Promise<void> {
    await this.dialogState.delete(context);
  }
}
