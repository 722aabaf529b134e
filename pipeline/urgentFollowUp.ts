import type { VisitModeNotPerson } from '../dialogs/main/visitModeNotPerson';
import type { TurnContext } from 'botbuilder';
import type { TriageResponder } from '../dialogs/triage';
import type { UrgentContact } from '../dialogs/escalation';
import { turnTriage, type TurnInfo } from '../dialogs/turn';
import { TASK_INTENTS, type Locale, type TriageMatch, type TriageResult } from '../intents/types';
import { resumeThisTurn, startThisTurn } from '../dialogs/common/runningTask';
import type { PausedTask } from '../dialogs/common/taskDialog';
import { refusesPhone } from './careFollowUp';
import type { CrisisVisit } from './crisisVisit';
import { readFollowUp } from './followUpReading';
import { deniesCrisis, injuryAfterAbuse } from './injuryAfterAbuse';
import { phoneSafety } from './phoneSafety';
import type { TaskAfterUrgent } from './taskAfterUrgent';
import { taskAsked } from './taskAfterSafety';
import type { TurnFacts } from './turnFacts';
import type { UrgentInItsLight } from './urgentInItsLight';
import type { UrgentReply } from './urgentReply';
import { onTheWayAfter, type UrgentWindow } from './urgentWindow';
import type { UrgentWords } from './urgentWords';

/** What the follow-up is made of (composed in bot/app.ts). */
export interface UrgentFollowUpParts {
  /** The window after an urgent answer and its memory (pipeline/urgentWindow.ts). */
  window: UrgentWindow;
  /** A follow-up said and remembered (pipeline/urgentReply.ts). */
  reply: UrgentReply;
  /** An urgent message read in an earlier answer's light (pipeline/urgentInItsLight.ts). */
  inItsLight: Pick<UrgentInItsLight, 'answer'>;
  /** The task that goes on after the call (pipeline/taskAfterUrgent.ts). */
  tasks: TaskAfterUrgent;
  /** Signs and words (pipeline/urgentWords.ts, pipeline/data/urgent-follow-up.json). */
  words: UrgentWords;
  /** The number of an urgent answer in one line (dialogs/triage.ts). */
  responder: Pick<TriageResponder, 'urgentLine'>;
  /** After a crisis answer, a visit asked for: a mental-health visit for the member (pipeline/crisisVisit.ts). */
  visit?: CrisisVisit;
  /** "mañana, en persona" read as a person: the visit task (dialogs/main/visitModeNotPerson.ts). */
  visitMode?: Pick<VisitModeNotPerson, 'read'>;
}

/**
 * After an emergency or abuse answer, the member's next messages are read in its light. What
 * people write next is often a reason not to call ("I don't want to go to the ER", "she seems ok",
 * "no tengo carro", "he's here, I can't call", "no tengo a nadie"); routed afresh, that became a
 * booking menu, a billing menu or "Thanks!". Now:
 * - a message that asks for a person goes on as usual (the hand-off);
 * - a portal task named with a task word ("book me an appointment"), or mental health or symptoms
 *   found by the triage itself ("I am depressed"), gets the outcome's one-line reminder first, then
 *   goes on as usual;
 * - "I already called" is acknowledged (follow their advice, call again if worse), and the window
 *   ends; a reason not to go or call after an emergency ("I don't want to go to the ER", "can I
 *   just get an appt") gets an answer to it (pipeline/followUpReading.ts), never a menu;
 * - after a disclosure, a worry about who will know ("don't tell anyone", "will he find out") gets
 *   what stays private, the hotline and 911, never the crisis script;
 * - after a crisis or a disclosure, a thanks or goodbye gets a warm goodbye with the line, and the
 *   window ends; after a crisis, the task it ended, asked for again, goes on (with the reminder),
 *   and a task the member goes on with ends the window;
 * - anything else gets the outcome's follow-up (the number again, answering the usual barriers:
 *   911 comes to you, Poison Control even when all seems well, text START to 88788 when one cannot
 *   speak) and the turn ends there.
 * For the next `messages` messages within `withinMs`; a new urgent answer starts it again.
 */
export class UrgentFollowUp {
  private readonly window: UrgentWindow;
  private readonly reply: UrgentReply;
  private readonly tasks: TaskAfterUrgent;
  private readonly words: UrgentWords;
  private readonly visit?: CrisisVisit;
  private readonly visitMode?: Pick<VisitModeNotPerson, 'read'>;

  constructor(private readonly parts: UrgentFollowUpParts) {
    ({ window: this.window, reply: this.reply, tasks: this.tasks, words: this.words, visit: this.visit, visitMode: this.visitMode } = parts);
  }

  /** After an urgent answer: the next messages get the follow-up. */
  async remember(context: TurnContext, match: Pick<TriageMatch, 'intent' | 'kind' | 'locale'>, task?: PausedTask): Promise<void> {
    await this.window.open(context, match, task);
  }

  /**
   * The number of the last urgent answer in one line, when it was given within the window's time
   * (988 and 911 after a crisis; 911 and the hotline after a disclosure), for the reply that no
   * agent can chat: a call back or a secure message reaches nobody in time. After a disclosure,
   * discreetly: the abuser may read the portal or answer the phone (no call back, no secure message).
   */
  async urgentLine(context: TurnContext, locale: Locale): Promise<UrgentContact | undefined> {
    const kept = await this.window.recent(context);
    if (!kept) return undefined;
    return { line: this.parts.responder.urgentLine(kept, locale), discreet: kept.intent === 'abuse' };
  }

  /** True when an urgent answer was given in this conversation (its welcome would come too late). */
  async answeredBefore(context: TurnContext): Promise<boolean> {
    return !!(await this.window.last(context));
  }

  /**
   * A message the triage finds urgent itself, within the window of an earlier urgent answer
   * (pipeline/urgentInItsLight.ts). True when it was answered there (the turn ends); 'continue'
   * when a short answer was given and the turn goes on as a plain one.
   */
  async answerInItsLight(context: TurnContext, match: TriageMatch, result: Pick<TriageResult, 'concepts' | 'safety'>): Promise<boolean | 'continue'> {
    return this.parts.inItsLight.answer(context, match, result);
  }

  /** A member message after an urgent answer; true when it was answered here (the turn ends). */
  async handle(context: TurnContext, facts: TurnFacts, turn: TurnInfo): Promise<boolean> {
    const kept = await this.window.active(context);
    if (!kept) return this.afterWindow(context, facts, turn);
    const triage = turnTriage(context);
    // This message was urgent itself (answered, and remembered afresh), or is empty.
    if (triage.answered || !(context.activity.text ?? '').trim()) return false;
    await this.window.answered(context, kept, kept.left - 1);
    const locale = turn.locale;
    const { intent } = turn.result;
    // "I already called them": no "call now" again; the window ends (what follows is routed as usual).
    // "I don't want to go to the ER", "can I just get an appt": an answer to that, never a menu.
    const reading = readFollowUp(context.activity.text ?? '');
    const own = facts.triage(context.activity.text ?? '');
    // "they took her. can u cancel the appt": help came after 911 or Poison Control; a short wish,
    // then the task asked for goes on (never "call 911 now" before it). After 988 or a hotline,
    // help that came is a call made.
    if (reading === 'handled' && onTheWayAfter(kept)) {
      await this.window.answered(context, kept, 0);
      await this.reply.give(context, kept, locale, 'handled');
      return !this.tasks.goOn(context, kept, turn, own.taskWord === true);
    }
    // "ok ya llamé. lo de la cita de mi mamá porfa": the call acknowledged, then the task asked for.
    if (reading === 'called' || reading === 'handled') {
      await this.window.answered(context, kept, 0);
      await this.reply.give(context, kept, locale, 'called');
      return !this.tasks.goOn(context, kept, turn, own.taskWord === true);
    }
    // "my wife is driving me to the er now", "me lleva mi esposo a urgencias": already on the way
    // after 911 or Poison Control: acknowledged (an ambulance if it gets worse on the way), never
    // "call 911 now" again nor the generic safety line; a task named with it goes on after.
    if (reading === 'onTheWay' && onTheWayAfter(kept)) {
      await this.window.answered(context, kept, 0);
      await this.reply.give(context, kept, locale, 'onTheWay');
      return taskAsked(turn, own.taskWord === true, kept.task?.intent) === null;
    }
    // After Poison Control, the person now drowsy or hard to wake ("q hago?? está como muy
    // dormido", "what do i do shes acting sleepy"): 911 now, then Poison Control, whatever the
    // model makes of the words alone (a symptom, to it: never the nurse line after an ingestion).
    if (this.words.drowsyAfterPoison(kept, own.concepts ?? [], context.activity.text ?? '')) {
      await this.reply.give(context, kept, locale, 'worse');
      return true;
    }
    // After a disclosure, a hurt body ("it hurts when i breathe", "im not suicidal. can i book
    // something today for my eye"): care for the injury now, with the hotline; never 988 nor a
    // booking menu (the answer has the same-day visit).
    if (kept.intent === 'abuse' && injuryAfterAbuse(context.activity.text ?? '', own.concepts ?? [], deniesCrisis(own))) {
      await this.reply.give(context, kept, locale, 'injury');
      return true;
    }
    // After a disclosure, fear or danger and nothing else read ("i'm scared he's home"): 911 now if in
    // danger, the hotline, a person (a worry about who will know, or a person asked for, is answered as such).
    if (!reading && intent !== 'agent' && this.words.dangerAfterAbuse(kept, own.concepts ?? [])) {
      await this.reply.give(context, kept, locale, 'danger');
      return true;
    }
    // A task: named with a task word, or a recognizer (CLU, LUIS, a stand-in) that is all but certain;
    // or its runner-up named with a task word ("can we just do the bill"): pipeline/taskAfterSafety.ts.
    const asked = taskAsked(turn, own.taskWord === true, kept.task?.intent) ?? this.visitMode?.read(turn) ?? null;
    const task = asked !== null;
    // "don't tell anyone" after a disclosure: who will know, never the crisis script; nor a
    // hand-off, whatever the recognizer hears in it ("no le cuente nada a mi esposo"). With a task
    // ("I need an appointment but he can't know"), the task goes on after it.
    // "he knows my password", "how do i keep him out of the portal": keeping them out of the account.
    // "he checks my phone. pls dont text me back": phone safety (on SMS, no text from us unless
    // they write), the hotline from a safe phone or its chat; with a task, the task goes on after.
    if (reading === 'watched' && kept.intent === 'abuse') {
      await this.reply.give(context, kept, locale, phoneSafety(kept));
      return !task;
    }
    if ((reading === 'account' || reading === 'privacy' || reading === 'police') && kept.intent === 'abuse') {
      await this.reply.give(context, kept, locale, reading);
      return !task;
    }
    // After a crisis answer, the means at hand named: means safety, and the window opens again.
    if (reading === 'means' && kept.kind === 'crisis') {
      await this.window.answered(context, kept, this.window.settings.messages);
      await this.reply.give(context, kept, locale, 'means');
      return true;
    }
    // After a disclosure, "I'm at a friend's", "he's gone": acknowledged, with the hotline.
    if ((reading === 'safe' || reading === 'reassured') && kept.intent === 'abuse' && !task) {
      await this.reply.give(context, kept, locale, kept.last === 'safe' ? 'ack' : 'safe');
      return true;
    }
    // "ok", "idk", "vale": a short caring reply with the number and a person, never "outside what I can help with".
    if (reading === 'ack') {
      await this.reply.give(context, kept, locale, kept.last === 'ack' ? 'still' : 'ack');
      return true;
    }
    // "I don't want to call anyone" after 988 or a hotline (the recognizer may hear a request for a
    // person in it): the ways that need no call (988 by text or chat, the text line), never the
    // Member Services hand-off; after 911 or Poison Control, the answer to a refusal.
    if (refusesPhone(context.activity.text ?? '')) {
      await this.reply.give(context, kept, locale, kept.intent === 'emergency' && kept.kind !== 'crisis' ? 'refusal' : 'full');
      return true;
    }
    if (intent === 'agent' && !task) return false;
    // "ok thanks bye" after a crisis or a disclosure: a warm goodbye with the line, and the window ends.
    if (reading === 'goodbye' && (kept.intent === 'abuse' || kept.kind === 'crisis')) {
      await this.window.answered(context, kept, 0);
      await this.reply.give(context, kept, locale, 'goodbye');
      return true;
    }
    // "thank u" after 911 or Poison Control: a short warm reply that keeps the number in one line,
    // never the paragraph again nor a goodbye without it (the window goes on: the call may not be made).
    if (reading === 'goodbye') {
      await this.reply.give(context, kept, locale, 'goodbye');
      return true;
    }
    // After a crisis answer, "can I just make a therapy appointment" is a next step, not a refusal of
    // 911: it goes on as a task (with the reminder) below.
    if (reading === 'refusal' && kept.intent === 'emergency' && kept.kind !== 'crisis') {
      await this.reply.give(context, kept, locale, 'refusal');
      return true;
    }
    // After 911 or Poison Control, a visit asked for instead ("should i still do the video visit
    // tho", "puedo hacer una cita mejor?"): a visit comes too late for this, so the answer to a
    // refusal (call now anyway; the nurse line if sure it is not an emergency), never the video or
    // booking menu after "call 911 now" (newcomer run v12, YV09).
    if (task && (asked === 'appointment' || asked === 'telehealth') && kept.intent === 'emergency' && kept.kind !== 'crisis' && !this.words.cancels(context.activity.text ?? '')) {
      await this.reply.give(context, kept, locale, 'refusal');
      return true;
    }
    // "she says she's fine now", "ya está mejor": the usual reason not to call, whatever a
    // recognizer makes of it ("…says…" reads like a sign-in error): the number
    // again, unless a task is named ("ya estoy mejor, solo quiero mi cita").
    if (reading === 'reassured' && kept.intent === 'emergency' && own.taskWord !== true) {
      await this.reply.give(context, kept, locale, 'full');
      return true;
    }
    // The triage itself found mental health or symptoms ("I am depressed" after a disclosure):
    // the line, then that answer. A message that only leans there ("she seems ok") is answered here.
    const health = own.match?.intent === 'mental_health' || own.match?.intent === 'symptoms';
    if (health || task) {
      await this.reply.give(context, kept, locale, 'reminder');
      // The task the crisis answer ended, asked for again ("I just want the appt"): it goes on, with
      // what was asked then and what these words add. Once.
      const text = context.activity.text ?? '';
      // A visit asked for after a crisis answer, with no booking it ended ("can i still make an
      // appointment tho, video"): a mental-health visit for the member, in the mode named, said so.
      const visit = kept.kind === 'crisis' && !kept.task && this.visit ? this.visit.read(text, asked) : null;
      if (visit) {
        await this.visit!.announce(context, visit);
        startThisTurn(context, { intent: 'appointment', text, answers: visit });
      } else if (task && kept.task && kept.task.intent === asked) {
        resumeThisTurn(context, { ...kept.task, text: [kept.task.text, text].filter(Boolean).join(' '), added: text });
      } else if (asked && asked !== intent) {
        // A task only the runner-up names: started from these words (the routing would read none).
        resumeThisTurn(context, { intent: asked, text, answers: {} });
      }
      // After a crisis answer, a task the member goes on with is theirs: its answers ("Myself") are
      // not met with the crisis script again (the window ends; a new sign is still the triage's).
      if (task && kept.kind === 'crisis') await this.window.answered(context, kept, 0);
      return false;
    }
    // The paragraph was just given: a message on something else ("what's the weather") is
    // acknowledged in one line, with the number in one short line, never the paragraph word for word.
    const again = kept.last === 'full' || kept.last === 'aside' || kept.last === 'later';
    const aside = (TASK_INTENTS as readonly string[]).includes(intent) || intent === 'greeting' || intent === 'help' ? 'later' : 'aside';
    await this.reply.give(context, kept, locale, again ? aside : 'full');
    return true;
  }

  /**
   * Once the window is used, within its time: a bare "ok" or "idk" right after a follow-up is still
   * about the urgent answer (a short caring reply with the number and a person), never the
   * out-of-scope reply. Anything else goes on as usual, and a later "ok" is the task's.
   */
  private async afterWindow(context: TurnContext, facts: TurnFacts, turn: TurnInfo): Promise<boolean> {
    const kept = await this.window.recent(context);
    if (!kept || !kept.last) return false;
    const text = context.activity.text ?? '';
    if (turnTriage(context).answered || !text.trim()) return false;
    // Help came after the call ("they took her to the hospital. can you cancel her appointment"):
    // a short wish once, then the task asked for goes on.
    if (readFollowUp(text) === 'handled' && onTheWayAfter(kept) && kept.last !== 'handled') {
      await this.reply.give(context, kept, turn.locale, 'handled');
      return !this.tasks.goOn(context, kept, turn, facts.triage(text).taskWord === true);
    }
    // The task a 911 or Poison Control answer ended, asked for again once the call was made ("si
    // gracias. y la cita?", "ok back to the booking"): it goes on where it was.
    if (this.tasks.asksBack(kept, turn, text)) {
      this.tasks.resume(context, kept, text);
      await this.window.save(context, kept);
      return false;
    }
    if (readFollowUp(text) !== 'ack' || !this.words.stillAboutIt(kept.last)) {
      delete kept.last;
      await this.window.save(context, kept);
      return false;
    }
    await this.reply.give(context, kept, turn.locale, kept.last === 'ack' ? 'still' : 'ack');
    return true;
  }
}
