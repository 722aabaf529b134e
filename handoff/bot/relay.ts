import { ActivityTypes, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { Logger } from '../../common/logger';
import { redactText, type PublicNumbers } from '../../common/redaction';
import type { ResponseCatalog, Vars } from '../../common/responses';
import type { ConversationMemory } from '../../dialogs/memory';
import type { PhraseBook } from '../../dialogs/phrases';
import { isOpen, type AlertKind, type EscalationRecord } from '../core/model';
import type { HandoffService } from '../core/service';
import { isUrgent, type Locale } from '../../intents/types';
import type { TriageAnswer } from '../../dialogs/triage';
import type { Reply } from '../../channels/reply';
import { profileOf } from '../../channels/capabilities';
import { CARD_CHOICE_KEY } from '../../channels/render';
import type { ReplySender } from '../../channels/replySender';
import { withContactCentre, type HandoffState } from './state';
import { smsKeyword } from '../../pipeline/smsKeywords';

/**
 * The pipeline step for a conversation in a hand-off. It runs after the safety triage (step 1:
 * an emergency or abuse disclosure is answered at once, whatever the hand-off, and `onTriage` alerts
 * the agent and puts the member first in line) and
 * after password masking (step 2), before input normalization, SMS keywords, understanding and
 * the dialogs, which do not see the member's messages while a person has the conversation:
 *
 * - queued or with an agent: the message (redacted) goes into the escalation's transcript and to
 *   the agent's console; while queued the member is reminded of their place at most every two
 *   minutes. "LEAVE" (or "SALIR"; while queued also "never mind", "cancel") leaves the line / ends
 *   the chat, and the assistant takes the conversation back at once.
 * - SMS: opt-out keywords (STOP, CANCEL, END, QUIT…) end the chat and then opt the number out as
 *   always (the keyword gate answers); HELP and START get the SMS program's answer, the chat goes on.
 *   That is why the way to leave is "LEAVE", not "cancel".
 * - event mode, accepted by the contact centre: messages are theirs, the assistant stays silent
 *   (the emergency check still answers) until handoff.status completed / failed, or the member has
 *   been silent for the idle limit.
 * - an escalation an agent closed: the pointer is dropped and the message is routed as usual.
 */
export class HandoffRelay {
  constructor(
    private readonly deps: {
      state: StatePropertyAccessor<HandoffState>;
      service?: HandoffService;
      sender: ReplySender;
      catalog: ResponseCatalog;
      phrases: PhraseBook;
      memory: ConversationMemory;
      logger: Logger;
      now: () => number;
      /** Event mode: after this long without a member message, the assistant takes the conversation back. */
      idleMs: number;
      /** The plan's own numbers (portal profile): not redacted. */
      keep?: PublicNumbers;
    },
  ) {}

  /**
   * The conversation's language when the message belonged to the hand-off (the turn ends here),
   * null when it goes on through the pipeline.
   */
  async handle(context: TurnContext): Promise<Locale | null> {
    if (context.activity.type !== ActivityTypes.Message) return null;
    const state = await this.deps.state.get(context);
    if (!state) return null;
    const locale = (await this.deps.memory.locale(context)) ?? 'en';
    if (state.event) return (await this.handleEvent(context, state)) ? locale : null;
    const record = state.escalationId && this.deps.service ? await this.deps.service.get(state.escalationId) : undefined;
    if (!record || !isOpen(record.status)) {
      await this.deps.state.delete(context);
      return null;
    }
    return (await this.handleQueued(context, state, record)) ? ((await this.deps.memory.locale(context)) ?? record.locale) : null;
  }

  private async handleQueued(context: TurnContext, state: HandoffState, record: EscalationRecord): Promise<boolean> {
    const service = this.deps.service!;
    const { activity } = context;
    // A card button the member pressed (Teams sends its value, not text) counts as what it says.
    const picked = (activity.value as Record<string, unknown> | undefined)?.[CARD_CHOICE_KEY];
    const text = activity.text?.trim() ? activity.text : typeof picked === 'string' ? picked : '';
    if (profileOf(activity.channelId).carrierKeywords) {
      const keyword = smsKeyword(text, false);
      if (keyword?.kind === 'stop') {
        await service.memberLeft(record.id, 'member_opted_out');
        await this.deps.state.delete(context);
        return false;
      }
      if (keyword) return false;
    }
    const locale = (await this.deps.memory.locale(context)) ?? record.locale;
    if (this.deps.phrases.leavesHandoff(text) || (record.status === 'queued' && this.deps.phrases.interruption(text) === 'cancel')) {
      await service.memberLeft(record.id, 'member_left');
      await this.deps.state.delete(context);
      await this.say(context, record.status === 'queued' ? 'handoff.leftQueue' : 'handoff.leftChat', locale);
      return true;
    }
    const described = describe(text, activity.attachments?.length ?? 0);
    if (!described) return true;
    const { record: updated, notice } = await service.memberMessage(record.id, { text: redactText(described, this.deps.keep), activityId: activity.id });
    if (!updated || !isOpen(updated.status)) {
      // Closed while this message was on its way: the assistant has the conversation again.
      await this.deps.state.delete(context);
      return false;
    }
    await this.deps.state.set(context, { ...state, at: this.deps.now() });
    if (notice) await this.say(context, 'handoff.stillWaiting', locale, { position: await service.position(updated) });
    return true;
  }

  private async handleEvent(context: TurnContext, state: HandoffState): Promise<boolean> {
    const now = this.deps.now();
    if (state.event !== 'accepted') return false;
    if (!withContactCentre(state, now, this.deps.idleMs)) {
      this.deps.logger.info({ channelId: context.activity.channelId }, 'contact centre hand-off idle: the assistant takes the conversation back');
      await this.deps.state.delete(context);
      return false;
    }
    await this.deps.state.set(context, { ...state, at: now });
    return true;
  }

  /**
   * Called by the triage responder after it has answered: if a person has (or is about to have)
   * the conversation, they see what the assistant said. An urgent message (emergency, abuse; the
   * turn ended at step 1, so the relay has not passed it on) is added with an alert, and a queued
   * conversation goes to the front of the line; for mental health and symptoms (the relay passed
   * the message on already) the answer is added after it.
   */
  async onTriage(context: TurnContext, match: TriageAnswer, answer: Reply): Promise<void> {
    const state = await this.deps.state.get(context);
    if (!state?.escalationId || !this.deps.service) return;
    // The assistant's own answer (catalog texts with the profile's hotlines, no member text) is
    // kept as said: redacting it would show the agent "[PHONE]" where the member was given
    // Poison Control, RAINN or the nurse line.
    const said = { text: answer.text, ...(answer.links?.length ? { links: answer.links } : {}) };
    if (!isUrgent(match)) return this.deps.service.assistantAnswer(state.escalationId, said);
    await this.deps.service.emergency(state.escalationId, {
      kind: (match.kind ?? (match.intent === 'abuse' ? 'dv' : 'medical')) as AlertKind,
      text: redactText(describe(context.activity.text ?? '', context.activity.attachments?.length ?? 0) ?? '', this.deps.keep),
      activityId: context.activity.id,
      answer: said,
    });
  }

  private async say(context: TurnContext, key: string, locale: Locale, vars?: Vars): Promise<void> {
    await this.deps.sender.send(context, { text: this.deps.catalog.text(locale, key, vars) }, locale);
  }
}

/** The message as the agent sees it: attachments are never passed on, only mentioned. */
function describe(text: string, attachments: number): string | undefined {
  const note = attachments ? `[${attachments === 1 ? 'an attachment was' : `${attachments} attachments were`} sent; attachments are not passed on]` : '';
  const all = [text.trim(), note].filter(Boolean).join(' ');
  return all || undefined;
}
