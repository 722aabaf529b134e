import {
  ActivityHandler,
  type ConversationState,
  type InvokeResponse,
  type StatePropertyAccessor,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type Dialog, type DialogState } from 'botbuilder-dialogs';
import { localeOf, type ResponseCatalog } from '../common/responses';
import type { PortalProfile } from '../services/portal/profile';
import type { ReplySender } from './channels/replySender';
import { IDENTITY_EVENT, type IdentityAssertionHandler } from './identity';
import type { TurnGuard } from './state/turnGuard';
import { welcomeReply } from './welcome';

export interface AssistantBotDeps {
  conversationState: ConversationState;
  userState: UserState;
  mainDialog: Dialog;
  sender: ReplySender;
  catalog: ResponseCatalog;
  profile: PortalProfile;
  /** Verifies the portal's identity assertion (member/identity event); absent: members stay anonymous. */
  identity?: IdentityAssertionHandler;
  /** Runs each turn alone per conversation and commits its state (eTag-checked) before replies go out. */
  turnGuard: TurnGuard;
}

/**
 * The thin Bot Framework edge: turns activities into calls on the assistant; the turn guard saves
 * state at the end of every turn. Routing and conversation logic live in dialogs/.
 */
export class AssistantBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly welcomed: StatePropertyAccessor<boolean>;

  constructor(private readonly deps: AssistantBotDeps) {
    super();
    this.dialogState = deps.conversationState.createProperty<DialogState>('dialogState');
    this.welcomed = deps.conversationState.createProperty<boolean>('welcomed');

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const memberJoined = (context.activity.membersAdded ?? []).some((member) => member.id !== botId);
      if (memberJoined) await this.welcome(context);
      await next();
    });

    this.onMessage(async (context, next) => {
      await this.deps.sender.normalizeInput(context);
      // SMS and some other channels send no conversationUpdate: welcome on the first message.
      if (!(await this.welcomed.get(context, false))) await this.welcome(context);
      await this.runMainDialog(context);
      await next();
    });

    this.onEvent(async (context, next) => {
      const { name, value } = context.activity;
      if (name === IDENTITY_EVENT && typeof value === 'string' && this.deps.identity) await this.deps.identity.receive(context, value);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    this.deps.sender.attach(context);
    await this.deps.turnGuard.run(context, () => super.run(context));
  }

  /**
   * After a failed turn: forget the turn's half-made changes and the dialog stack, keep the rest
   * (the member was welcomed already), so the next message is routed fresh.
   */
  async resetConversation(context: TurnContext): Promise<void> {
    await this.deps.conversationState.load(context, true);
    await this.dialogState.delete(context);
    await this.deps.sender.forgetChoices(context);
    await this.deps.conversationState.saveChanges(context, true);
  }

  /** Unknown invoke names get a 4xx, not botbuilder's 501. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const response = await super.onInvokeActivity(context);
    if (response.status === 501) {
      return { status: 400, body: { error: 'unsupported_invoke', message: 'This assistant does not handle that invoke.' } };
    }
    return response;
  }

  private async welcome(context: TurnContext): Promise<void> {
    if (await this.welcomed.get(context, false)) return;
    await this.welcomed.set(context, true);
    const locale = localeOf(context.activity.locale);
    await this.deps.sender.send(context, welcomeReply(this.deps.catalog, this.deps.profile, locale), locale);
  }

  private async runMainDialog(context: TurnContext): Promise<void> {
    const dialogs = new DialogSet(this.dialogState);
    dialogs.add(this.deps.mainDialog);
    const dc = await dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.deps.mainDialog.id);
  }
}
