import type { VisitModeNotPerson } from '../dialogs/main/visitModeNotPerson';
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { FollowUpMode, TriageResponder } from '../dialogs/triage';
import type { UrgentContact } from '../dialogs/escalation';
import { turnTriage, type TurnInfo } from '../dialogs/turn';
import { TASK_INTENTS, type AbuseKind, type EmergencyKind, type Locale, type TriageMatch, type TriageResult } from '../intents/types';
import { resumeThisTurn, startThisTurn } from '../dialogs/common/runningTask';
import type { PausedTask } from '../dialogs/common/taskDialog';
import { refusesPhone } from './careFollowUp';
import type { CrisisVisit } from './crisisVisit';
import { asksBack, calledEmergencyServices, readFollowUp } from './followUpReading';
import { deniesCrisis, injuryAfterAbuse } from './injuryAfterAbuse';
import { taskAsked } from './taskAfterSafety';
import type { TurnFacts } from './turnFacts';


/** Cancelling or moving a visit (the member may be on the way to the ER): the task goes on. */
const CANCELS = /\b(cancel\w*|reschedul\w*|move|mover|cambiar|anular)\b/i;
/**
 * What is kept after an urgent answer: ids, and after a crisis answer the task it ended (as the
 * dialog state held it: its opening message and answers), for the window only.
 */
export interface UrgentMemory {
  intent: 'emergency' | 'abuse';
  kind: EmergencyKind | AbuseKind;
  locale: Locale;
  /** When it was answered (ms). */
  at: number;
  /** Member messages that still get the follow-up. */
  left: number;
  /** The task a crisis answer ended ("book a therapy appt"): asked for again, it goes on. */
  task?: PausedTask;
  /**
   * The task a 911 or Poison Control answer ended: never a next step while the call is to be made,
   * it goes on once the member has called or help came and they ask for it ("y la cita?").
   */
  interrupted?: PausedTask;
  /** The last follow-up given in the window ('full': the paragraph, never given twice in a row). */
  last?: FollowUpMode;
}

export interface UrgentFollowUpSettings {
  /** How many of the member's next messages get the follow-up. */
  messages: number;
  /** For how long after the urgent answer (ms). */
  withinMs: number;
}

/**
 * Triage concepts that are a new medical or crisis sign of their own: a message with one of them
 * that the triage finds urgent gets that answer afresh, whatever came before.
 */
const NEW_SIGNS: ReadonlySet<string> = new Set([
  'body', 'pain', 'sign', 'breathing', 'collapse', 'stroke_sign', 'injury', 'substance', 'ingest', 'death_wish', 'self_harm', 'farewell',
]);
/** Triage concepts that make an abuse outcome a disclosure of its own, after another urgent answer. */
const ABUSE_SIGNS: ReadonlySet<string> = new Set(['violence', 'abuser', 'exploit', 'neglect', 'fear']);
/** Crisis words no reading of a follow-up overrides ("i'm safe now but i want to die"). */
const CRISIS_SIGNS: ReadonlySet<string> = new Set(['death_wish', 'self_harm', 'farewell', 'ingest']);
/** Signs a denial may name ("no estoy herida", "i'm not hurt"): with a negation, no new sign. */
const DENIABLE_SIGNS: ReadonlySet<string> = new Set(['sign', 'injury', 'pain', 'body']);
/** Follow-ups after which a bare "ok" is still about the urgent answer, once its window is used. */
const STILL_ABOUT_IT: ReadonlySet<FollowUpMode> = new Set(['full', 'aside', 'later', 'ack', 'still', 'means', 'safe', 'account', 'privacy', 'police', 'refusal', 'injury']);

/**
 * Safe for now after an abuse disclosure, whatever the triage hears in the words ("no estoy
 * herida" names a sign, denied): no crisis word, and no new sign but a denied one.
 */
function safeForNow(concepts: readonly string[]): boolean {
  if (concepts.some((c) => CRISIS_SIGNS.has(c))) return false;
  const denied = concepts.includes('negation');
  return !concepts.some((c) => NEW_SIGNS.has(c) && !(denied && DENIABLE_SIGNS.has(c)));
}

/** After a Poison Control answer, the person now drowsy or hard to wake: a sign for 911 now. */
function drowsyAfterPoison(kept: UrgentMemory, concepts: readonly string[]): boolean {
  return kept.intent === 'emergency' && kept.kind === 'poison' && concepts.includes('drowsy');
}

/** On the way to the ER is the answer's own next step after 911 or Poison Control (not after 988 or a hotline). */
function onTheWayAfter(kept: UrgentMemory): boolean {
  return kept.intent === 'emergency' && (kept.kind === 'medical' || kept.kind === 'poison');
}

/** The same, less what a call made names anyway ("I called Poison Control about the pills"). */
const NEW_SIGNS_AFTER_CALL: ReadonlySet<string> = new Set([...NEW_SIGNS].filter((c) => c !== 'substance' && c !== 'ingest'));

export const DEFAULT_FOLLOW_UP: UrgentFollowUpSettings = { messages: 2, withinMs: 30 * 60_000 };

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
  constructor(
    private readonly memory: StatePropertyAccessor<UrgentMemory | undefined>,
    private readonly responder: TriageResponder,
    private readonly clock: () => number,
    private readonly settings: UrgentFollowUpSettings = DEFAULT_FOLLOW_UP,
    /** After a crisis answer, a visit asked for: a mental-health visit for the member (pipeline/crisisVisit.ts). */
    private readonly visit?: CrisisVisit,
    /** "mañana, en persona" read as a person: the visit task (dialogs/main/visitModeNotPerson.ts). */
    private readonly visitMode?: Pick<VisitModeNotPerson, 'read'>,
  ) {}

  /** After an urgent answer: the next messages get the follow-up. */
  async remember(context: TurnContext, match: Pick<TriageMatch, 'intent' | 'kind' | 'locale'>, task?: PausedTask): Promise<void> {
    if (match.intent !== 'emergency' && match.intent !== 'abuse') return;
    const kind = (match.kind ?? (match.intent === 'emergency' ? 'medical' : 'dv')) as EmergencyKind | AbuseKind;
    // Only a crisis answer or a disclosure leads back to a task (after 911 or Poison Control, a
    // visit is no next step): "solo quiero la cita" after the hotline goes on with the booking's
    // answers ("para mí"), newcomer run v13 YW14, YZ12.
    const kept = (kind === 'crisis' || match.intent === 'abuse') && task ? { task } : task ? { interrupted: task } : {};
    await this.memory.set(context, { intent: match.intent, kind, locale: match.locale, at: this.clock(), left: this.settings.messages, ...kept });
  }

  /**
   * The number of the last urgent answer in one line, when it was given within the window's time
   * (988 and 911 after a crisis; 911 and the hotline after a disclosure), for the reply that no
   * agent can chat: a call back or a secure message reaches nobody in time. After a disclosure,
   * discreetly: the abuser may read the portal or answer the phone (no call back, no secure message).
   */
  async urgentLine(context: TurnContext, locale: Locale): Promise<UrgentContact | undefined> {
    const kept = await this.memory.get(context);
    if (!kept || this.clock() - kept.at > this.settings.withinMs) return undefined;
    return { line: this.responder.urgentLine(kept, locale), discreet: kept.intent === 'abuse' };
  }

  /** True when an urgent answer was given in this conversation (its welcome would come too late). */
  async answeredBefore(context: TurnContext): Promise<boolean> {
    return !!(await this.memory.get(context));
  }

  /**
   * A message the triage finds urgent itself, within the window of an earlier urgent answer
   * (called by the triage gate before it answers): with no new medical or crisis sign, it is read in
   * the earlier answer's light. "ya llamé al 911" acknowledges the call instead of "call now"; after
   * an abuse disclosure, "I can't call, he's home" (an emergency to the triage, with no sign of a
   * medical one) gets the abuse follow-up (the text line, 911, a person), never "go to the
   * emergency department". True when it was answered here (the turn ends); 'continue' when a short
   * answer was given and the turn goes on as a plain one (help came: the task asked for with it).
   */
  async answerInItsLight(context: TurnContext, match: TriageMatch, result: Pick<TriageResult, 'concepts' | 'safety'>): Promise<boolean | 'continue'> {
    const reading = readFollowUp(context.activity.text ?? '');
    const concepts = result.concepts ?? [];
    const locale = match.locale;
    // Help came and took the person after 911 or Poison Control ("they took her to the hospital"),
    // even once the window's messages are used: the emergency is in hand, never "call 911 now".
    const recent = await this.recent(context);
    // The task asked for with it ("ambulance came and took him. can u cancel the appt") goes on.
    if (reading === 'handled' && recent && onTheWayAfter(recent) && !concepts.some((c) => NEW_SIGNS_AFTER_CALL.has(c))) {
      await this.answered(context, recent, 0);
      await this.give(context, recent, locale, 'handled');
      return 'continue';
    }
    const kept = await this.active(context);
    if (!kept) return false;
    // After a disclosure, the phone watched ("tengo miedo, el revisa mi celular", which the triage
    // reads as the disclosure again): phone safety, never the same answer word for word.
    if (kept.intent === 'abuse' && reading === 'watched' && !concepts.some((c) => NEW_SIGNS.has(c) || CRISIS_SIGNS.has(c))) {
      await this.answered(context, kept, kept.left - 1);
      await this.give(context, kept, locale, this.phoneMode(kept));
      return true;
    }
    // After Poison Control, the person now drowsy or hard to wake, which the triage reads as the
    // poisoning again ("y ahora? la veo medio dormida"): 911 now, not Poison Control again.
    if (match.intent === 'emergency' && match.kind === 'poison' && drowsyAfterPoison(kept, concepts)) {
      await this.answered(context, kept, kept.left - 1);
      await this.give(context, kept, locale, 'full', 'medical');
      return true;
    }
    // After a crisis answer, the means at hand named ("i have my pills saved up"): not the same
    // script again but means safety (distance from them now, 988 now, 911 if taken); the window
    // opens again. Something taken is the triage's own answer.
    if (kept.kind === 'crisis' && reading === 'means' && !concepts.includes('ingest')) {
      await this.answered(context, kept, this.settings.messages);
      await this.give(context, kept, locale, 'means');
      return true;
    }
    // After an abuse disclosure, a hurt body ("i just want someone to look at my eye its blurry",
    // which the model may read as a crisis; "he kicked me again, it hurts to breathe"): care for the
    // injury now (ER or same-day, the nurse line, 911, the hotline), not 988 nor the hotline again.
    // A medical emergency or a poisoning is the triage's own answer (911, Poison Control).
    const sameOrCrisis = match.intent === 'abuse' ? match.kind === kept.kind : match.kind === 'crisis';
    if (kept.intent === 'abuse' && sameOrCrisis && injuryAfterAbuse(context.activity.text ?? '', concepts, deniesCrisis({ match, safety: result.safety }))) {
      await this.answered(context, kept, kept.left - 1);
      await this.give(context, kept, locale, 'injury');
      return true;
    }
    // After an abuse disclosure, "no estoy herida, estoy en casa de mi hermana" is where the member
    // is now (the triage hears a crisis in a denied injury): acknowledged, with the hotline.
    if (kept.intent === 'abuse' && (reading === 'safe' || reading === 'reassured') && safeForNow(concepts)) {
      await this.answered(context, kept, kept.left - 1);
      await this.give(context, kept, locale, kept.last === 'safe' ? 'ack' : 'safe');
      return true;
    }
    if (readFollowUp(context.activity.text ?? '') === 'called' && !concepts.some((c) => NEW_SIGNS_AFTER_CALL.has(c))) {
      await this.answered(context, kept, 0);
      await this.give(context, kept, locale, 'called');
      return true;
    }
    // Already on the way to the ER, with no new sign ("on our way to the hospital now"): acknowledged.
    if (reading === 'onTheWay' && onTheWayAfter(kept) && !concepts.some((c) => NEW_SIGNS_AFTER_CALL.has(c))) {
      await this.answered(context, kept, 0);
      await this.give(context, kept, locale, 'onTheWay');
      return true;
    }
    // After an abuse disclosure, "don't tell anyone" is a worry about who will know, and "I don't
    // want the police" a worry about the police (the triage may hear a crisis or another abuse in
    // them): what stays private, the hotline (not the police), 911.
    const worry = readFollowUp(context.activity.text ?? '');
    if (kept.intent === 'abuse' && (worry === 'account' || worry === 'privacy' || worry === 'police') && !concepts.some((c) => NEW_SIGNS.has(c))) {
      await this.answered(context, kept, kept.left - 1);
      await this.give(context, kept, locale, worry);
      return true;
    }
    if (kept.intent === 'abuse' && match.intent === 'emergency' && match.kind === 'medical' && !concepts.some((c) => NEW_SIGNS.has(c))) {
      await this.answered(context, kept, kept.left - 1);
      await this.give(context, kept, locale, 'full');
      return true;
    }
    // After 911 or Poison Control, "I don't want to go to the ER, he hates hospitals" is a refusal
    // whatever the model hears in it (a partner who "hates" reads like abuse): the answer to it.
    if (kept.intent === 'emergency' && kept.kind !== 'crisis' && readFollowUp(context.activity.text ?? '') === 'refusal' && !concepts.some((c) => NEW_SIGNS.has(c))) {
      await this.answered(context, kept, kept.left - 1);
      await this.give(context, kept, locale, 'refusal');
      return true;
    }
    // After a 911 or 988 answer, "he says he's fine" is about the same person, not a disclosure:
    // abuse needs a sign of its own (violence, an abuser, exploitation, neglect, fear).
    if (kept.intent === 'emergency' && match.intent === 'abuse' && !concepts.some((c) => ABUSE_SIGNS.has(c))) {
      await this.answered(context, kept, kept.left - 1);
      await this.give(context, kept, locale, 'full');
      return true;
    }
    // The same crisis again with no new sign ("no tengo a nadie" after "me quiero morir"): the
    // follow-up (still here, 988, a person), not the same script word for word.
    if (kept.intent === 'emergency' && kept.kind === 'crisis' && match.intent === 'emergency' && match.kind === 'crisis' && !concepts.some((c) => NEW_SIGNS.has(c))) {
      await this.answered(context, kept, kept.left - 1);
      await this.give(context, kept, locale, 'full');
      return true;
    }
    return false;
  }

  /** A member message after an urgent answer; true when it was answered here (the turn ends). */
  async handle(context: TurnContext, facts: TurnFacts, turn: TurnInfo): Promise<boolean> {
    const kept = await this.active(context);
    if (!kept) return this.afterWindow(context, facts, turn);
    const triage = turnTriage(context);
    // This message was urgent itself (answered, and remembered afresh), or is empty.
    if (triage.answered || !(context.activity.text ?? '').trim()) return false;
    await this.answered(context, kept, kept.left - 1);
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
      await this.answered(context, kept, 0);
      await this.give(context, kept, locale, 'handled');
      return !this.goOn(context, kept, turn, own.taskWord === true);
    }
    // "ok ya llamé. lo de la cita de mi mamá porfa": the call acknowledged, then the task asked for.
    if (reading === 'called' || reading === 'handled') {
      await this.answered(context, kept, 0);
      await this.give(context, kept, locale, 'called');
      return !this.goOn(context, kept, turn, own.taskWord === true);
    }
    // "my wife is driving me to the er now", "me lleva mi esposo a urgencias": already on the way
    // after 911 or Poison Control: acknowledged (an ambulance if it gets worse on the way), never
    // "call 911 now" again nor the generic safety line; a task named with it goes on after.
    if (reading === 'onTheWay' && onTheWayAfter(kept)) {
      await this.answered(context, kept, 0);
      await this.give(context, kept, locale, 'onTheWay');
      return taskAsked(turn, own.taskWord === true, kept.task?.intent) === null;
    }
    // After Poison Control, the person now drowsy or hard to wake ("q hago?? está como muy
    // dormido"): 911 now, whatever the model makes of the words alone (a symptom, to it).
    if (drowsyAfterPoison(kept, own.concepts ?? [])) {
      await this.give(context, kept, locale, 'full', 'medical');
      return true;
    }
    // After a disclosure, a hurt body ("it hurts when i breathe", "im not suicidal. can i book
    // something today for my eye"): care for the injury now, with the hotline; never 988 nor a
    // booking menu (the answer has the same-day visit).
    if (kept.intent === 'abuse' && injuryAfterAbuse(context.activity.text ?? '', own.concepts ?? [], deniesCrisis(own))) {
      await this.give(context, kept, locale, 'injury');
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
      await this.give(context, kept, locale, this.phoneMode(kept));
      return !task;
    }
    if ((reading === 'account' || reading === 'privacy' || reading === 'police') && kept.intent === 'abuse') {
      await this.give(context, kept, locale, reading);
      return !task;
    }
    // After a crisis answer, the means at hand named: means safety, and the window opens again.
    if (reading === 'means' && kept.kind === 'crisis') {
      await this.answered(context, kept, this.settings.messages);
      await this.give(context, kept, locale, 'means');
      return true;
    }
    // After a disclosure, "I'm at a friend's", "he's gone": acknowledged, with the hotline.
    if ((reading === 'safe' || reading === 'reassured') && kept.intent === 'abuse' && !task) {
      await this.give(context, kept, locale, kept.last === 'safe' ? 'ack' : 'safe');
      return true;
    }
    // "ok", "idk", "vale": a short caring reply with the number and a person, never "outside what I can help with".
    if (reading === 'ack') {
      await this.give(context, kept, locale, kept.last === 'ack' ? 'still' : 'ack');
      return true;
    }
    // "I don't want to call anyone" after 988 or a hotline (the recognizer may hear a request for a
    // person in it): the ways that need no call (988 by text or chat, the text line), never the
    // Member Services hand-off; after 911 or Poison Control, the answer to a refusal.
    if (refusesPhone(context.activity.text ?? '')) {
      await this.give(context, kept, locale, kept.intent === 'emergency' && kept.kind !== 'crisis' ? 'refusal' : 'full');
      return true;
    }
    if (intent === 'agent' && !task) return false;
    // "ok thanks bye" after a crisis or a disclosure: a warm goodbye with the line, and the window ends.
    if (reading === 'goodbye' && (kept.intent === 'abuse' || kept.kind === 'crisis')) {
      await this.answered(context, kept, 0);
      await this.give(context, kept, locale, 'goodbye');
      return true;
    }
    // "thank u" after 911 or Poison Control: a short warm reply that keeps the number in one line,
    // never the paragraph again nor a goodbye without it (the window goes on: the call may not be made).
    if (reading === 'goodbye') {
      await this.give(context, kept, locale, 'goodbye');
      return true;
    }
    // After a crisis answer, "can I just make a therapy appointment" is a next step, not a refusal of
    // 911: it goes on as a task (with the reminder) below.
    if (reading === 'refusal' && kept.intent === 'emergency' && kept.kind !== 'crisis') {
      await this.give(context, kept, locale, 'refusal');
      return true;
    }
    // After 911 or Poison Control, a visit asked for instead ("should i still do the video visit
    // tho", "puedo hacer una cita mejor?"): a visit comes too late for this, so the answer to a
    // refusal (call now anyway; the nurse line if sure it is not an emergency), never the video or
    // booking menu after "call 911 now" (newcomer run v12, YV09).
    if (task && (asked === 'appointment' || asked === 'telehealth') && kept.intent === 'emergency' && kept.kind !== 'crisis' && !CANCELS.test(context.activity.text ?? '')) {
      await this.give(context, kept, locale, 'refusal');
      return true;
    }
    // "she says she's fine now", "ya está mejor": the usual reason not to call, whatever a
    // recognizer makes of it ("…says…" reads like a sign-in error): the number
    // again, unless a task is named ("ya estoy mejor, solo quiero mi cita").
    if (reading === 'reassured' && kept.intent === 'emergency' && own.taskWord !== true) {
      await this.give(context, kept, locale, 'full');
      return true;
    }
    // The triage itself found mental health or symptoms ("I am depressed" after a disclosure):
    // the line, then that answer. A message that only leans there ("she seems ok") is answered here.
    const health = own.match?.intent === 'mental_health' || own.match?.intent === 'symptoms';
    if (health || task) {
      await this.give(context, kept, locale, 'reminder');
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
      if (task && kept.kind === 'crisis') await this.answered(context, kept, 0);
      return false;
    }
    // The paragraph was just given: a message on something else ("what's the weather") is
    // acknowledged in one line, with the number in one short line, never the paragraph word for word.
    const again = kept.last === 'full' || kept.last === 'aside' || kept.last === 'later';
    const aside = (TASK_INTENTS as readonly string[]).includes(intent) || intent === 'greeting' || intent === 'help' ? 'later' : 'aside';
    await this.give(context, kept, locale, again ? aside : 'full');
    return true;
  }

  /**
   * Once the window is used, within its time: a bare "ok" or "idk" right after a follow-up is still
   * about the urgent answer (a short caring reply with the number and a person), never the
   * out-of-scope reply. Anything else goes on as usual, and a later "ok" is the task's.
   */
  private async afterWindow(context: TurnContext, facts: TurnFacts, turn: TurnInfo): Promise<boolean> {
    const kept = await this.recent(context);
    if (!kept || !kept.last) return false;
    const text = context.activity.text ?? '';
    if (turnTriage(context).answered || !text.trim()) return false;
    // Help came after the call ("they took her to the hospital. can you cancel her appointment"):
    // a short wish once, then the task asked for goes on.
    if (readFollowUp(text) === 'handled' && onTheWayAfter(kept) && kept.last !== 'handled') {
      await this.give(context, kept, turn.locale, 'handled');
      return !this.goOn(context, kept, turn, facts.triage(text).taskWord === true);
    }
    // The task a 911 or Poison Control answer ended, asked for again once the call was made ("si
    // gracias. y la cita?", "ok back to the booking"): it goes on where it was.
    if (kept.interrupted && asksBack(text) && !this.otherTask(turn, kept.interrupted)) {
      this.resume(context, kept, text);
      await this.memory.set(context, kept);
      return false;
    }
    if (readFollowUp(text) !== 'ack' || !STILL_ABOUT_IT.has(kept.last)) {
      delete kept.last;
      await this.memory.set(context, kept);
      return false;
    }
    await this.give(context, kept, turn.locale, kept.last === 'ack' ? 'still' : 'ack');
    return true;
  }

  /** A follow-up, remembered as the window's last one. */
  private async give(context: TurnContext, kept: UrgentMemory, locale: Locale, mode: FollowUpMode, as?: EmergencyKind): Promise<void> {
    kept.last = mode;
    await this.memory.set(context, kept);
    // A call to 911 after a Poison Control answer ("ya llamé al 911, vienen en camino"): thanked as
    // the call it was (stay with the person, call again if worse), not as a call to Poison Control.
    const kind = as ?? (mode === 'called' && kept.intent === 'emergency' && kept.kind === 'poison' && calledEmergencyServices(context.activity.text ?? '') ? 'medical' : kept.kind);
    await this.responder.followUp(context, { ...kept, kind, locale }, mode);
  }

  /**
   * After a call made or help come, the task asked for goes on: the one the 911 or Poison Control
   * answer ended when it is that task and no other action ("can u cancel the appt" is a cancel, not
   * the booking it ended), else as routed. True when a task goes on.
   */
  private goOn(context: TurnContext, kept: UrgentMemory, turn: TurnInfo, taskWord: boolean): boolean {
    const text = context.activity.text ?? '';
    const asked = taskAsked(turn, taskWord, kept.interrupted?.intent);
    const back = !!kept.interrupted && asksBack(text) && !this.otherTask(turn, kept.interrupted);
    if (kept.interrupted && (back || (asked === kept.interrupted.intent && !CANCELS.test(text)))) {
      this.resume(context, kept, text);
      return true;
    }
    if (asked !== null && asked !== turn.result.intent) resumeThisTurn(context, { intent: asked, text, answers: {} });
    return asked !== null;
  }

  /** The recognizer sure of another task than the one ended (plain reading of the turn). */
  private otherTask(turn: TurnInfo, task: PausedTask): boolean {
    const { intent } = turn.result;
    return (TASK_INTENTS as readonly string[]).includes(intent) && intent !== task.intent && taskAsked(turn, false, task.intent) !== null;
  }

  /** The task a 911 or Poison Control answer ended goes on this turn, with these words; once. */
  private resume(context: TurnContext, kept: UrgentMemory, text: string): void {
    const task = kept.interrupted!;
    delete kept.interrupted;
    resumeThisTurn(context, { ...task, text: [task.text, text].filter(Boolean).join(' '), added: text });
  }

  /** Phone safety after a disclosure, in short when just given (never the same text twice). */
  private phoneMode(kept: UrgentMemory): FollowUpMode {
    if (kept.last !== 'phone') return 'phone';
    return kept.kind === 'dv' ? 'phoneAgain' : 'ack';
  }

  /** The last urgent answer when it was given within the window's time, if any. */
  private async recent(context: TurnContext): Promise<UrgentMemory | undefined> {
    const kept = await this.memory.get(context);
    return kept && this.clock() - kept.at <= this.settings.withinMs ? kept : undefined;
  }

  /** The urgent answer whose window is still open, if any. */
  private async active(context: TurnContext): Promise<UrgentMemory | undefined> {
    const kept = await this.memory.get(context);
    if (!kept || kept.left <= 0 || this.clock() - kept.at > this.settings.withinMs) return undefined;
    return kept;
  }

  /** One message of the window used (`left` is what remains). */
  private async answered(context: TurnContext, kept: UrgentMemory, left: number): Promise<void> {
    kept.left = Math.max(0, left);
    if (kept.left === 0) delete kept.task;
    await this.memory.set(context, kept);
  }
}
