import { createHash } from 'node:crypto';
import { ActivityTypes, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { DialogContainer, DialogSet, type Dialog, type DialogInstance, type DialogState } from 'botbuilder-dialogs';
import { currentCorrelationId } from '../../common/correlation';
import type { Logger } from '../../common/logger';

/** The conversation-state property AssistantBot keeps its dialog stack in. */
export const DIALOG_STATE_PROPERTY = 'dialogState';

export type ResetReason = 'idle' | 'stale';

export interface FreshnessDeps {
  conversationState: ConversationState;
  mainDialog: Dialog;
  /** After this long without a message, an unfinished task is closed on the next message. */
  idleMs: number;
  logger: Logger;
  /** Forgets the numbered choices offered on SMS (an hour-old "2" should not pick from them). */
  forgetChoices: (context: TurnContext) => Promise<void>;
  /** Tells the member, kindly, that what they were doing was closed. */
  notify: (context: TurnContext, reason: ResetReason) => Promise<void>;
  clock?: () => number;
}

/**
 * Runs before a member's message is routed. Closes the dialog the member was in (and tells them,
 * then routes their message as usual; never an error) when
 * - the conversation was idle longer than the limit (the member stepped away mid-booking), or
 * - the stored dialog stack was written by another version of the dialogs (a deployment changed
 *   them): a stack naming dialogs that no longer exist, or a different dialog-set version.
 * It also records the time of the message and the dialog-set version.
 */
export class ConversationFreshness {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly lastMessageAt: StatePropertyAccessor<number>;
  private readonly dialogVersion: StatePropertyAccessor<string>;
  private readonly dialogs: DialogSet;
  private readonly clock: () => number;
  /** Ids and waterfall step counts of every dialog, hashed: changes when a deployment changes the dialogs. */
  readonly version: string;

  constructor(private readonly deps: FreshnessDeps) {
    this.dialogState = deps.conversationState.createProperty<DialogState>(DIALOG_STATE_PROPERTY);
    this.lastMessageAt = deps.conversationState.createProperty<number>('lastMessageAt');
    this.dialogVersion = deps.conversationState.createProperty<string>('dialogVersion');
    this.dialogs = new DialogSet();
    this.dialogs.add(deps.mainDialog);
    this.version = createHash('sha256').update(fingerprint(deps.mainDialog)).digest('hex').slice(0, 16);
    this.clock = deps.clock ?? Date.now;
  }

  async check(context: TurnContext): Promise<ResetReason | undefined> {
    if (context.activity.type !== ActivityTypes.Message) return undefined;
    const now = this.clock();
    const last = await this.lastMessageAt.get(context);
    const storedVersion = await this.dialogVersion.get(context);
    const stack = (await this.dialogState.get(context))?.dialogStack ?? [];

    let reason: ResetReason | undefined;
    const idle = typeof last === 'number' && now - last > this.deps.idleMs;
    if (idle) reason = 'idle';
    else if (stack.length > 0 && ((storedVersion !== undefined && storedVersion !== this.version) || !this.knows(stack, (id) => this.dialogs.find(id)))) {
      reason = 'stale';
    }

    if (idle) await this.deps.forgetChoices(context);
    if (reason && stack.length > 0) {
      await this.dialogState.delete(context);
      await this.deps.forgetChoices(context);
      this.deps.logger.info(
        { correlationId: currentCorrelationId(), reason, stackDepth: stack.length, idleMinutes: idle ? Math.round((now - last!) / 60_000) : undefined },
        'unfinished dialog closed before routing the message',
      );
      await this.deps.notify(context, reason);
    }
    await this.lastMessageAt.set(context, now);
    await this.dialogVersion.set(context, this.version);
    return reason && stack.length > 0 ? reason : undefined;
  }

  /** True if every dialog on the stack (and on the stacks of component dialogs inside it) still exists. */
  private knows(stack: DialogInstance[], find: (id: string) => Dialog | undefined): boolean {
    return stack.every((entry) => {
      const dialog = typeof entry?.id === 'string' ? find(entry.id) : undefined;
      if (!dialog) return false;
      const inner = (entry.state as { dialogs?: DialogState } | undefined)?.dialogs?.dialogStack;
      if (!Array.isArray(inner) || !(dialog instanceof DialogContainer)) return true;
      return this.knows(inner, (id) => dialog.findDialog(id));
    });
  }
}

/**
 * A dialog's version including everything inside it. botbuilder's own `getVersion()` stops at a
 * component dialog (it answers its id, so that the container can handle inner changes itself), and
 * ComponentDialog does not, so the whole tree is walked here: ids, and step counts of waterfalls.
 */
function fingerprint(dialog: Dialog): string {
  const own = dialog.getVersion();
  if (!(dialog instanceof DialogContainer)) return own;
  const inner = dialog.dialogs.getDialogs().map(fingerprint).sort();
  return `${own}{${inner.join('|')}}`;
}
