import type { TurnContext } from 'botbuilder';
import { resumeThisTurn, startThisTurn } from '../dialogs/common/runningTask';
import type { TriageCheck, TriageMatch, TriageResult } from '../intents/types';
import type { ClauseTaskReader } from './clauseTask';
import { calmerAfterCrisis, readFollowUp } from './followUpReading';
import { asksCare, deniesCrisis, injuryAfterAbuse } from './injuryAfterAbuse';
import { phoneSafety } from './phoneSafety';
import type { UrgentReply } from './urgentReply';
import { onTheWayAfter, type UrgentMemory, type UrgentWindow } from './urgentWindow';
import type { UrgentWords } from './urgentWords';

/** Concepts that are never a calmer word after a crisis answer: something taken, an acute body sign. */
const ACUTE: ReadonlySet<string> = new Set(['ingest', 'substance', 'breathing', 'collapse', 'stroke_sign']);

/**
 * A message the triage finds urgent itself, within the window of an earlier urgent answer (the
 * triage gate asks before it answers, through pipeline/urgentFollowUp.ts): with no new medical or
 * crisis sign, it is read in the earlier answer's light, never the same script word for word.
 */
export class UrgentInItsLight {
  constructor(
    private readonly window: Pick<UrgentWindow, 'recent' | 'active' | 'answered' | 'settings'>,
    private readonly reply: Pick<UrgentReply, 'give'>,
    private readonly words: UrgentWords,
    /** The task one clause asks for after the call ("ya llamé a control de envenenamiento. puedo hacerle una cita"): pipeline/clauseTask.ts. */
    private readonly clauses?: Pick<ClauseTaskReader, 'read'>,
  ) {}

  /**
   * A message the triage finds urgent itself, within the window of an earlier urgent answer
   * (called by the triage gate before it answers): with no new medical or crisis sign, it is read in
   * the earlier answer's light. "ya llamé al 911" acknowledges the call instead of "call now"; after
   * an abuse disclosure, "I can't call, he's home" (an emergency to the triage, with no sign of a
   * medical one) gets the abuse follow-up (the text line, 911, a person), never "go to the
   * emergency department". True when it was answered here (the turn ends); 'continue' when a short
   * answer was given and the turn goes on as a plain one (help came: the task asked for with it;
   * a call made or on the way, with a task one clause asks for). `triage`: the turn's (its facts).
   */
  async answer(context: TurnContext, match: TriageMatch, result: Pick<TriageResult, 'concepts' | 'safety'>, triage?: TriageCheck): Promise<boolean | 'continue'> {
    const reading = readFollowUp(context.activity.text ?? '');
    const concepts = result.concepts ?? [];
    const locale = match.locale;
    // Help came and took the person after 911 or Poison Control ("they took her to the hospital"),
    // even once the window's messages are used: the emergency is in hand, never "call 911 now".
    const recent = await this.window.recent(context);
    // The task asked for with it ("ambulance came and took him. can u cancel the appt") goes on.
    if (reading === 'handled' && recent && onTheWayAfter(recent) && !this.words.newSignAfterCall(concepts)) {
      await this.window.answered(context, recent, 0);
      await this.reply.give(context, recent, locale, 'handled');
      return 'continue';
    }
    const active = await this.window.active(context);
    // A disclosure still remembered (its window's messages used, within its time): a phone watched
    // a few turns on ("he goes thru my phone at night") is still read in its light (v19 X12).
    const kept = active ?? ((reading === 'watched' || reading === 'mail') && recent?.intent === 'abuse' ? recent : undefined);
    if (!kept) return false;
    // After a disclosure, mail or contact details to send elsewhere ("how do i change the mailing
    // address so he doesnt see my mail", which the triage reads as the disclosure again): where
    // they go, never the hotline text word for word (v20). A new sign is the triage's own answer.
    if (kept.intent === 'abuse' && reading === 'mail' && !this.words.newSign(concepts)) {
      await this.window.answered(context, kept, kept.left - 1);
      await this.reply.give(context, kept, locale, 'mail');
      return true;
    }
    // After a disclosure, the phone watched ("tengo miedo, el revisa mi celular", which the triage
    // reads as the disclosure again): phone safety, never the same answer word for word.
    // With the same disclosure read again, a body part it told of ("he checks my phone. can i still
    // get my wrist looked at this week"): phone safety, then the visit asked for goes on (v17 X11).
    const sameDisclosure = match.intent === 'abuse' && match.kind === kept.kind;
    if (kept.intent === 'abuse' && reading === 'watched' && !(sameDisclosure ? this.words.newSignBeyondBody(concepts) : this.words.newOrCrisisSign(concepts))) {
      await this.window.answered(context, kept, kept.left - 1);
      await this.reply.give(context, kept, locale, phoneSafety(kept));
      return (await this.taskGoesOn(context, kept, match, triage)) ? 'continue' : true;
    }
    if (!active) return false;
    // After Poison Control, the person now drowsy or hard to wake, which the triage reads as the
    // poisoning again or as a medical emergency ("y ahora? la veo medio dormida", "no despierta"):
    // 911 now first, then Poison Control. Taken on purpose (a crisis) is the triage's own answer.
    if (match.intent === 'emergency' && match.kind !== 'crisis' && this.words.drowsyAfterPoison(kept, concepts, context.activity.text ?? '')) {
      await this.window.answered(context, kept, kept.left - 1);
      await this.reply.give(context, kept, locale, 'worse');
      return true;
    }
    // After an abuse disclosure, fear or danger ("tengo miedo, el esta aqui en la casa ahorita",
    // which the triage may read as a crisis, a medical emergency with no sign of one, or the same
    // disclosure again): the abuse answer kept (911 now if in danger, a person, the hotline), never
    // 988 without a word of self-harm. Another kind of abuse disclosed, a poisoning or a new
    // medical sign is the triage's own answer.
    const sameAbuseOrCrisis = match.intent === 'abuse' ? match.kind === kept.kind : match.kind === 'crisis' || match.kind === 'medical';
    if (sameAbuseOrCrisis && !reading && this.words.dangerAfterAbuse(kept, concepts) && !this.words.newSign(concepts)) {
      await this.window.answered(context, kept, kept.left - 1);
      await this.reply.give(context, kept, locale, kept.last === 'danger' ? 'still' : 'danger');
      return true;
    }
    // After a crisis answer, the means at hand named ("i have my pills saved up"): not the same
    // script again but means safety (distance from them now, 988 now, 911 if taken); the window
    // opens again. Something taken is the triage's own answer.
    if (kept.kind === 'crisis' && reading === 'means' && !concepts.includes('ingest')) {
      await this.window.answered(context, kept, this.window.settings.messages);
      await this.reply.give(context, kept, locale, 'means');
      return true;
    }
    // After a crisis answer, a calmer word the triage hears as the crisis again ("im not gonna do
    // anything, just tired of all of it", newcomer run v16, W07): heard, 988 kept in a few words
    // and a person offered, never the script word for word. Something taken or an acute sign is
    // the triage's own; words of dying or self-harm not taken back are not calmer (followUpReading).
    if (kept.kind === 'crisis' && match.intent === 'emergency' && match.kind === 'crisis' && calmerAfterCrisis(context.activity.text ?? '') && !concepts.some((c) => ACUTE.has(c))) {
      await this.window.answered(context, kept, kept.left - 1);
      await this.reply.give(context, kept, locale, kept.last === 'calmer' ? 'ack' : 'calmer');
      return true;
    }
    // After an abuse disclosure, a hurt body ("i just want someone to look at my eye its blurry",
    // which the model may read as a crisis; "he kicked me again, it hurts to breathe"): care for the
    // injury now (ER or same-day, the nurse line, 911, the hotline), not 988 nor the hotline again.
    // A medical emergency or a poisoning is the triage's own answer (911, Poison Control).
    const sameOrCrisis = match.intent === 'abuse' ? match.kind === kept.kind : match.kind === 'crisis';
    if (kept.intent === 'abuse' && sameOrCrisis && injuryAfterAbuse(context.activity.text ?? '', concepts, deniesCrisis({ match, safety: result.safety }))) {
      await this.window.answered(context, kept, kept.left - 1);
      await this.reply.give(context, kept, locale, 'injury');
      return true;
    }
    // After an abuse disclosure, "no estoy herida, estoy en casa de mi hermana" is where the member
    // is now (the triage hears a crisis in a denied injury): acknowledged, with the hotline.
    if (kept.intent === 'abuse' && (reading === 'safe' || reading === 'reassured') && this.words.safeForNow(concepts)) {
      await this.window.answered(context, kept, kept.left - 1);
      await this.reply.give(context, kept, locale, kept.last === 'safe' ? 'ack' : 'safe');
      return true;
    }
    if (readFollowUp(context.activity.text ?? '') === 'called' && !this.words.newSignAfterCall(concepts)) {
      await this.window.answered(context, kept, 0);
      await this.reply.give(context, kept, locale, 'called');
      // "we called poison control, she's fine. can we get her in with her doctor tomorrow": the visit
      // the last clause asks for goes on after the acknowledgement (newcomer run v16 X13).
      return (await this.clauseTask(context, match, triage)) ? 'continue' : true;
    }
    // Already on the way to the ER, with no new sign ("on our way to the hospital now"): acknowledged.
    if (reading === 'onTheWay' && onTheWayAfter(kept) && !this.words.newSignAfterCall(concepts)) {
      await this.window.answered(context, kept, 0);
      await this.reply.give(context, kept, locale, 'onTheWay');
      return (await this.clauseTask(context, match, triage)) ? 'continue' : true;
    }
    // After an abuse disclosure, "don't tell anyone" is a worry about who will know, and "I don't
    // want the police" a worry about the police (the triage may hear a crisis or another abuse in
    // them): what stays private, the hotline (not the police), 911.
    const worry = readFollowUp(context.activity.text ?? '');
    if (kept.intent === 'abuse' && (worry === 'account' || worry === 'privacy' || worry === 'police') && !this.words.newSign(concepts)) {
      await this.window.answered(context, kept, kept.left - 1);
      await this.reply.give(context, kept, locale, worry);
      return true;
    }
    if (kept.intent === 'abuse' && match.intent === 'emergency' && match.kind === 'medical' && !this.words.newSign(concepts)) {
      await this.window.answered(context, kept, kept.left - 1);
      await this.reply.give(context, kept, locale, 'full');
      return true;
    }
    // After 911 or Poison Control, "I don't want to go to the ER, he hates hospitals" is a refusal
    // whatever the model hears in it (a partner who "hates" reads like abuse): the answer to it.
    if (kept.intent === 'emergency' && kept.kind !== 'crisis' && readFollowUp(context.activity.text ?? '') === 'refusal' && !this.words.newSign(concepts)) {
      await this.window.answered(context, kept, kept.left - 1);
      await this.reply.give(context, kept, locale, 'refusal');
      return true;
    }
    // After a 911 or 988 answer, "he says he's fine" is about the same person, not a disclosure:
    // abuse needs a sign of its own (violence, an abuser, exploitation, neglect, fear).
    if (kept.intent === 'emergency' && match.intent === 'abuse' && !this.words.abuseSign(concepts)) {
      await this.window.answered(context, kept, kept.left - 1);
      await this.reply.give(context, kept, locale, 'full');
      return true;
    }
    // The same crisis again with no new sign ("no tengo a nadie" after "me quiero morir"): the
    // follow-up (still here, 988, a person), not the same script word for word.
    if (kept.intent === 'emergency' && kept.kind === 'crisis' && match.intent === 'emergency' && match.kind === 'crisis' && !this.words.newSign(concepts)) {
      await this.window.answered(context, kept, kept.left - 1);
      await this.reply.give(context, kept, locale, 'full');
      return true;
    }
    return false;
  }

  /**
   * After a disclosure, the task one clause asks for goes on: the one the disclosure paused when it
   * is that task (with what was asked then), else started from that clause. The window's messages
   * end: the task's next answers ("1 in person. tmrw") are the task's, not the disclosure's follow-up.
   */
  private async taskGoesOn(context: TurnContext, kept: UrgentMemory, match: TriageMatch, triage: TriageCheck | undefined): Promise<boolean> {
    if (!this.clauses || !triage) return false;
    const text = context.activity.text ?? '';
    const clause = await this.clauses.read(text, match.locale, triage);
    // Care asked for the body with a visit paused ("can i still get my wrist looked at"): that visit.
    const paused = clause ? (kept.task?.intent === clause.intent ? kept.task : undefined) : kept.task?.intent === 'appointment' && asksCare(text) ? kept.task : undefined;
    if (!clause && !paused) return false;
    const added = clause?.text ?? text;
    if (paused) resumeThisTurn(context, { ...paused, text: [paused.text, added].filter(Boolean).join(' '), added });
    else startThisTurn(context, { intent: clause!.intent, text: added, answers: {} });
    delete kept.task;
    await this.window.answered(context, kept, 0);
    return true;
  }

  /**
   * The task one clause of the message asks for (an urgent clause is the triage's, never a task):
   * started this turn from that clause's words. True when there is one.
   */
  private async clauseTask(context: TurnContext, match: TriageMatch, triage: TriageCheck | undefined): Promise<boolean> {
    if (!this.clauses || !triage) return false;
    const clause = await this.clauses.read(context.activity.text ?? '', match.locale, triage);
    if (clause) startThisTurn(context, { intent: clause.intent, text: clause.text, answers: {} });
    return !!clause;
  }
}
