import type { TurnContext } from 'botbuilder';
import type { Reply } from '../../channels/reply';
import type { ReplySender } from '../../channels/replySender';
import type { ResponseCatalog, Vars } from '../../common/responses';
import type { Locale } from '../../intents/types';
import type { LinkKey, PortalProfile } from '../../services/portal/profile';
import type { AnswerEcho } from '../answerEcho';
import type { ConversationMemory } from '../memory';
import type { PhraseBook } from '../phrases';
import type { AnswerAbout } from '../repeatReply';
import type { TriageResponder } from '../triage';
import { turnInfo } from '../turn';
import { BackEndTerms } from './backEndTerms';
import type { MedicineNames } from './medicineNames';
import type { OptionMatcher } from './options';
import { profileOf } from '../../channels/capabilities';

/** Confidence levels the routing uses (scores are calibrated to [0, 1]). */
export interface RoutingPolicy {
  /** A task or conversational intent at or above this is acted on; below, the member is asked. */
  routeAt: number;
  /** cancel / help / agent recognized mid-dialog at or above this interrupts the dialog. */
  interruptAt: number;
  /** Another task recognized mid-dialog at or above this (and not an answer) switches topic. */
  switchAt: number;
  /**
   * An unclear message is asked "is this about A?" only for a task scored at or above this; a
   * task the recognizer all but ruled out ("the weather" → Contact at 0.00) is no candidate, so
   * the member hears that it is outside what the assistant does.
   */
  clarifyAt: number;
}

/** The group of SMS versions of texts in responses/<locale>.json. */
export const SMS_TEXT = 'smsText';

export const DEFAULT_POLICY: RoutingPolicy = { routeAt: 0.6, interruptAt: 0.7, switchAt: 0.85, clarifyAt: 0.15 };

/** What every dialog needs to talk: texts, the portal profile, the sender, options and memory. */
export class DialogKit {
  /** Names the back ends write in English (visit kinds, drug forms), in the member's language. */
  readonly terms: BackEndTerms;

  constructor(
    readonly sender: ReplySender,
    readonly catalog: ResponseCatalog,
    readonly profile: PortalProfile,
    readonly options: OptionMatcher,
    readonly phrases: PhraseBook,
    readonly memory: ConversationMemory,
    /** The safety triage's answers (mental health, symptoms, the safety line) inside the dialogs. */
    readonly triage: TriageResponder,
    /** Brand and generic names of the same medicine, for matching a medicine the member names. */
    readonly medicines: MedicineNames,
    /** An answer of the last two turns is not sent again word for word (`sendAnswer`). */
    private readonly echo: AnswerEcho,
    readonly policy: RoutingPolicy = DEFAULT_POLICY,
  ) {
    this.terms = new BackEndTerms(catalog);
  }

  locale(context: TurnContext): Locale {
    return turnInfo(context).locale;
  }

  /**
   * The text in the member's language. Where carrier keywords apply (SMS, its channel profile), a
   * text may have its own version (`smsText.<key>`): there STOP, CANCEL, END, QUIT and UNSUBSCRIBE opt the member out, so no text invites them.
   */
  text(context: TurnContext, key: string, vars: Vars = {}): string {
    const sms = profileOf(context.activity.channelId).carrierKeywords && this.catalog.has(`${SMS_TEXT}.${key}`);
    return this.catalog.text(this.locale(context), sms ? `${SMS_TEXT}.${key}` : key, { planName: this.profile.planName, ...vars });
  }

  /** A titled portal link, from the profile (never written in dialog code). */
  link(context: TurnContext, key: LinkKey, params: Record<string, string | undefined> = {}) {
    return { title: this.catalog.text(this.locale(context), `links.${key}`), url: this.profile.link(key, params) };
  }

  async send(context: TurnContext, reply: Reply): Promise<void> {
    await this.echo.count(context);
    await this.sender.send(context, reply, this.locale(context));
  }

  /**
   * An answer (a topic's, a how-to): never the same text as one of the last two turns' answers;
   * instead what the follow-up asks, or "no more detail than above" (dialogs/answerEcho.ts).
   */
  async sendAnswer(context: TurnContext, reply: Reply, about: AnswerAbout = {}): Promise<void> {
    const vetted = await this.echo.vet(context, reply, about, (key, vars) => this.text(context, key, vars));
    if (vetted) await this.send(context, vetted);
  }

  async say(context: TurnContext, key: string, vars: Vars = {}): Promise<void> {
    await this.send(context, { text: this.text(context, key, vars) });
  }
}
