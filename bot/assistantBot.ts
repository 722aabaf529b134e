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
import type { ReplySender } from '../channels/replySender';
import type { DialogRunner } from '../pipeline/dialogRunner';
import type { TriageGate } from '../pipeline/triageGate';
import type { SecretMasking } from '../pipeline/secretMasking';
import type { SmsKeywordGate } from '../pipeline/smsKeywords';
import type { TurnUnderstanding } from '../pipeline/understandTurn';
import type { TextLimit } from '../pipeline/textLimit';
import type { UrgentFollowUp } from '../pipeline/urgentFollowUp';
import type { CareFollowUp } from '../pipeline/careFollowUp';
import { memberMessageSteps, runSteps, type TurnStep } from '../pipeline/steps';
import type { TurnFactsSource } from '../pipeline/turnFacts';
import { IDENTITY_EVENT, type IdentityAssertionHandler } from '../identity/bot/assertionEvent';
import type { IdentityGate } from '../identity/bot/gate';
import type { TurnGuard } from '../storage/state/turnGuard';
import type { EventHandoff } from '../handoff/bot/eventHandoff';
import { HANDOFF_STATUS } from '../handoff/bot/eventHandoff';
import type { HandoffRelay } from '../handoff/bot/relay';
import type { TranscriptRecorder } from '../handoff/transcript/recorder';
import { profileOf } from '../channels/capabilities';
import { rewelcomeReply, welcomeReply } from './welcome';

export interface AssistantBotDeps {
  conversationState: ConversationState;
  userState: UserState;
  sender: ReplySender;
  catalog: ResponseCatalog;
  profile: PortalProfile;
  /** The turn's one facts object: the triage (run once per turn), masking, understanding. */
  facts: TurnFactsSource;
  /** The safety triage, step 1 of every message. */
  triage: TriageGate;
  secrets: SecretMasking;
  smsKeywords: SmsKeywordGate;
  understanding: TurnUnderstanding;
  dialogs: DialogRunner;
  /** Verifies the portal's identity assertion (member/identity event); absent: members stay anonymous. */
  identity?: IdentityAssertionHandler;
  /** Sign out, forget me and one-time codes, before the recognizer (identity/bot/gate.ts). */
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
  /** After an emergency or abuse answer, the member's next messages in its light. */
  followUp?: UrgentFollowUp;
  /** After a mental-health answer, the member's next messages in its light. */
  careFollowUp?: CareFollowUp;
}

/**
 * The thin Bot Framework edge: turns activities into calls on the assistant; the turn guard saves
 * state at the end of every turn. Each step of a message's pipeline is a small injected
 * collaborator; routing and conversation logic live in dialogs/.
 */
export class AssistantBot extends ActivityHandler {
  private readonly welcomed: StatePropertyAccessor<boolean>;
  /** The language of the welcome sent when the member joined, until their first message. */
  private readonly welcomedIn: StatePropertyAccessor<Locale | undefined>;
  /** The steps of every member message, in order (pipeline/steps.ts). */
  readonly steps: readonly TurnStep[];

  constructor(private readonly deps: AssistantBotDeps) {
    super();
    this.welcomed = deps.conversationState.createProperty<boolean>('welcomed');
    this.welcomedIn = deps.conversationState.createProperty<Locale | undefined>('welcomedIn');
    this.steps = memberMessageSteps({ ...deps, welcome: (context, locale, quiet) => this.welcome(context, locale, false, quiet) });

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
      if (name === IDENTITY_EVENT && typeof value === 'string' && this.deps.identity) await this.deps.identity.receive(context, value, await this.welcomedIn.get(context));
      if (name === HANDOFF_STATUS && this.deps.handoffStatus) await this.deps.handoffStatus.status(context);
      await next();
    });
  }

  /** A member message, through the pipeline's steps (the safety triage first). */
  private async onMemberMessage(context: TurnContext): Promise<void> {
    await runSteps(this.steps, context, this.deps.facts.of(context));
  }

  override async run(context: TurnContext): Promise<void> {
    this.deps.sender.attach(context);
    // The turn's facts outlive a re-run of the turn (TurnGuard keeps what was in the turn state).
    this.deps.facts.of(context);
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

  /**
   * Welcomes once per conversation; true when the welcome was sent now. A member who joined
   * without a language (a Direct Line client with no locale) was welcomed in English: when their
   * first message is in the other language, one short welcome line in it comes first.
   */
  private async welcome(context: TurnContext, locale: Locale, withMenu: boolean, quiet = false): Promise<boolean> {
    if (await this.welcomed.get(context, false)) return this.rewelcome(context, locale, withMenu, quiet);
    await this.welcomed.set(context, true);
    // The first message carries a safety outcome: its answer first, the welcome left out.
    if (quiet) return false;
    // The conversation began with an emergency or abuse answer: a welcome now would come too late.
    if (await this.deps.followUp?.answeredBefore(context)) return false;
    const sms = !!profileOf(context.activity.channelId).carrierKeywords;
    await this.deps.sender.send(context, welcomeReply(this.deps.catalog, this.deps.profile, locale, withMenu, sms), locale);
    if (withMenu) await this.welcomedIn.set(context, locale);
    return true;
  }

  /** The first message after the join's welcome, in another language: its short welcome line. */
  private async rewelcome(context: TurnContext, locale: Locale, withMenu: boolean, quiet: boolean): Promise<boolean> {
    if (withMenu) return false;
    const welcomedIn = await this.welcomedIn.get(context);
    if (welcomedIn === undefined) return false;
    await this.welcomedIn.delete(context);
    if (welcomedIn === locale || quiet) return false;
    if (await this.deps.followUp?.answeredBefore(context)) return false;
    await this.deps.sender.send(context, rewelcomeReply(this.deps.catalog, this.deps.profile, locale), locale);
    return true;
  }
}
