import {
  ActivityHandler,
  type ConversationState,
  type InvokeResponse,
  type StatePropertyAccessor,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import { localeOf, type ResponseCatalog } from '../common/responses';
import type { Locale } from '../intents/types';
import type { PortalProfile } from '../services/portal/profile';
import type { ReplySender } from './channels/replySender';
import type { DialogRunner } from './dialogRunner';
import type { TriageGate } from './pipeline/triageGate';
import type { SecretMasking } from './pipeline/secretMasking';
import type { SmsKeywordGate } from './pipeline/smsKeywords';
import type { TurnUnderstanding } from './pipeline/understandTurn';
import type { TextLimit } from './pipeline/textLimit';
import { IDENTITY_EVENT, type IdentityAssertionHandler } from './identity';
import type { IdentityGate } from './identity/gate';
import type { TurnGuard } from './state/turnGuard';
import type { EventHandoff } from './handoff/eventHandoff';
import { HANDOFF_STATUS } from './handoff/eventHandoff';
import type { HandoffRelay } from './pipeline/handoffRelay';
import type { TranscriptRecorder } from './transcript/recorder';
import { welcomeReply } from './welcome';

export interface AssistantBotDeps {
  conversationState: ConversationState;
  userState: UserState;
  sender: ReplySender;
  catalog: ResponseCatalog;
  profile: PortalProfile;
  /** The safety triage, step 1 of every message. */
  triage: TriageGate;
  secrets: SecretMasking;
  smsKeywords: SmsKeywordGate;
  understanding: TurnUnderstanding;
  dialogs: DialogRunner;
  /** Verifies the portal's identity assertion (member/identity event); absent: members stay anonymous. */
  identity?: IdentityAssertionHandler;
  /** Sign out, forget me and one-time codes, before the recognizer (bot/identity/gate.ts). */
  identityGate?: IdentityGate;
  /** Runs each turn alone per conversation and commits its state (eTag-checked) before replies go out. */
  turnGuard: TurnGuard;
  /** Cuts overlong messages (MAX_MESSAGE_CHARS) after the emergency check, with a note. */
  textLimit?: TextLimit;
  /** While a person has the conversation (or it waits for one), member messages go to them. */
  handoff?: HandoffRelay;
  /** Keeps what was said (redacted) in the transcript store. */
  recorder?: TranscriptRecorder;
  /** HANDOFF_MODE=event: the contact centre's handoff.status events. */
  handoffStatus?: EventHandoff;
}

/**
 * The thin Bot Framework edge: turns activities into calls on the assistant; the turn guard saves
 * state at the end of every turn. Each step of a message's pipeline is a small injected
 * collaborator; routing and conversation logic live in dialogs/.
 */
export class AssistantBot extends ActivityHandler {
  private readonly welcomed: StatePropertyAccessor<boolean>;

  constructor(private readonly deps: AssistantBotDeps) {
    super();
    this.welcomed = deps.conversationState.createProperty<boolean>('welcomed');

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const memberJoined = (context.activity.membersAdded ?? []).some((member) => member.id !== botId);
      if (memberJoined) await this.welcome(context, localeOf(context.activity.locale), true);
      await next();
    });

    this.onMessage(async (context, next) => {
      await this.onMemberMessage(context);
      await next();
    });

    // A sign-in card's token (OAuthPrompt, outside Teams' invokes) continues the dialog that asked.
    this.onTokenResponseEvent(async (context, next) => {
      await this.deps.dialogs.run(context);
      await next();
    });

    this.onEvent(async (context, next) => {
      const { name, value } = context.activity;
      if (name === IDENTITY_EVENT && typeof value === 'string' && this.deps.identity) await this.deps.identity.receive(context, value);
      if (name === HANDOFF_STATUS && this.deps.handoffStatus) await this.deps.handoffStatus.status(context);
      await next();
    });
  }

  /** The order matters: nothing may come before the safety triage that could swallow a message. */
  private async onMemberMessage(context: TurnContext): Promise<void> {
    const { triage, secrets, sender, smsKeywords, understanding, dialogs, textLimit, handoff } = this.deps;
    if (await triage.handle(context)) return; // 1. safety triage first, on the raw text (all of it): emergency, abuse answered here
    textLimit?.truncate(context); // 1b. overlong messages are cut (the member is told below)
    await secrets.mask(context); // 2. a typed password never goes further
    const handedOff = await handoff?.handle(context); // 2b. a person has (or is about to have) the conversation
    if (handedOff) {
      await triage.answerAside(context); // mental health, symptoms: answered too (the agent sees the answer)
      await secrets.warnIfMasked(context, handedOff);
      return textLimit?.noteIfTruncated(context, handedOff);
    }
    await sender.normalizeInput(context); // 3. "2" → the second choice; card submits → text
    if (await smsKeywords.handle(context)) return triage.answerAside(context); // 4. STOP / START / HELP, and silence after STOP (but not for a health message)
    if (await this.deps.identityGate?.handle(context)) return; // 4b. sign out, forget me; a typed code is checked and masked
    const turn = await understanding.resolve(context); // 5. intent and language, once per turn
    if (await triage.handleUnderstood(context, turn)) return;
    turn.welcomed = await this.welcome(context, turn.locale, false); // 6. SMS sends no conversationUpdate: welcome once
    await secrets.warnIfMasked(context, turn.locale);
    await textLimit?.noteIfTruncated(context, turn.locale);
    await dialogs.run(context); // 7. MainDialog routes, or the dialog in progress continues
  }

  override async run(context: TurnContext): Promise<void> {
    this.deps.sender.attach(context);
    const { recorder } = this.deps;
    try {
      await this.deps.turnGuard.run(context, () => {
        // Inside the turn, after TurnGuard's reply buffer: the recorder sees what is delivered.
        recorder?.attach(context);
        return super.run(context);
      });
    } finally {
      recorder?.flush(context);
    }
  }

  /**
   * After a failed turn: forget the turn's half-made changes and the dialog stack, keep the rest
   * (the member was welcomed already), so the next message is routed fresh.
   */
  async resetConversation(context: TurnContext): Promise<void> {
    await this.deps.conversationState.load(context, true);
    await this.deps.dialogs.forget(context);
    await this.deps.sender.forgetChoices(context);
    await this.deps.conversationState.saveChanges(context, true);
  }

  /** Teams sign-in (OAuthPrompt): the verify-state / token-exchange invoke continues the dialog that asked. */
  protected override async onSignInInvoke(context: TurnContext): Promise<void> {
    await this.deps.dialogs.run(context);
  }

  /** Unknown invoke names get a 4xx, not botbuilder's 501. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const response = await super.onInvokeActivity(context);
    if (response.status === 501) {
      return { status: 400, body: { error: 'unsupported_invoke', message: 'This assistant does not handle that invoke.' } };
    }
    return response;
  }

  /** Welcomes once per conversation; true when the welcome was sent now. */
  private async welcome(context: TurnContext, locale: Locale, withMenu: boolean): Promise<boolean> {
    if (await this.welcomed.get(context, false)) return false;
    await this.welcomed.set(context, true);
    await this.deps.sender.send(context, welcomeReply(this.deps.catalog, this.deps.profile, locale, withMenu), locale);
    return true;
  }
}
