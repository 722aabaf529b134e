import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { FollowUpMode } from '../dialogs/triage';
import type { PausedTask } from '../dialogs/common/taskDialog';
import type { AbuseKind, EmergencyKind, Locale, TriageMatch } from '../intents/types';
import { patientIn, readFollowUp } from './followUpReading';

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
  /**
   * The task a crisis answer or a disclosure ended ("book a therapy appt"): asked for again, it
   * goes on, once, within the window's time (also after its messages are used).
   */
  task?: PausedTask;
  /**
   * The task a 911 or Poison Control answer ended: never a next step while the call is to be made,
   * it goes on once the member has called or help came and they ask for it ("y la cita?").
   */
  interrupted?: PausedTask;
  /**
   * Who the emergency is about, when the member's words said it: the member ("me duele el pecho",
   * "estoy sola") or someone else ("my dad", "mi hijo"). "I called" is answered for that person
   * (never "stay with the person" to a member who is alone and is the patient).
   */
  patient?: 'self' | 'other';
  /**
   * The phone is watched ("he goes thru my phone", phone safety given): the hotline's lines after
   * it never invite texting (dialogs/watchedPhone.ts).
   */
  watched?: boolean;
  /** 911 was called after a Poison Control answer: what follows ("theyre on the way") is answered as that call, not as Poison Control's. */
  called911?: boolean;
  /** The last follow-up given in the window ('full': the paragraph, never given twice in a row). */
  last?: FollowUpMode;
}

export interface UrgentFollowUpSettings {
  /** How many of the member's next messages get the follow-up. */
  messages: number;
  /** For how long after the urgent answer (ms). */
  withinMs: number;
}

/** After 911 or Poison Control, on the way to the ER is the answer's own next step (not after 988 or a hotline). */
export function onTheWayAfter(kept: Pick<UrgentMemory, 'intent' | 'kind'>): boolean {
  return kept.intent === 'emergency' && (kept.kind === 'medical' || kept.kind === 'poison');
}

export const DEFAULT_FOLLOW_UP: UrgentFollowUpSettings = { messages: 2, withinMs: 30 * 60_000 };

/**
 * The window after an urgent answer and its memory: the next `messages` member messages within
 * `withinMs` get the follow-up; a new urgent answer starts it again.
 */
export class UrgentWindow {
  constructor(
    private readonly memory: StatePropertyAccessor<UrgentMemory | undefined>,
    private readonly clock: () => number,
    readonly settings: UrgentFollowUpSettings = DEFAULT_FOLLOW_UP,
  ) {}

  /** After an urgent answer: the window opens. */
  async open(context: TurnContext, match: Pick<TriageMatch, 'intent' | 'kind' | 'locale'>, task?: PausedTask): Promise<void> {
    if (match.intent !== 'emergency' && match.intent !== 'abuse') return;
    const kind = (match.kind ?? (match.intent === 'emergency' ? 'medical' : 'dv')) as EmergencyKind | AbuseKind;
    // Only a crisis answer or a disclosure leads back to a task (after 911 or Poison Control, a
    // visit is no next step): "solo quiero la cita" after the hotline goes on with the booking's
    // answers ("para mí"), newcomer run v13 YW14, YZ12.
    // A second urgent answer with no task running (the first one ended it) keeps the task the
    // first one ended, within its time: "y la cita de mi mama?" after both still goes back to it (v15 YZ12).
    const before = task ? undefined : await this.recent(context);
    const ended = task ?? before?.task;
    const kept = (kind === 'crisis' || match.intent === 'abuse') && ended ? { task: ended } : task ? { interrupted: task } : before?.interrupted ? { interrupted: before.interrupted } : {};
    // Who it is about, from the urgent message's words (or, within the time, the earlier answer's).
    const earlier = await this.recent(context);
    const patient = patientIn(context.activity.text ?? '') ?? before?.patient ?? earlier?.patient;
    // The phone watched, said with the disclosure or before it: remembered (no texting line after).
    const watched = match.intent === 'abuse' && (readFollowUp(context.activity.text ?? '') === 'watched' || !!earlier?.watched);
    await this.memory.set(context, { intent: match.intent, kind, locale: match.locale, at: this.clock(), left: this.settings.messages, ...kept, ...(patient ? { patient } : {}), ...(watched ? { watched } : {}) });
  }

  /** The last urgent answer, whenever it was given. */
  async last(context: TurnContext): Promise<UrgentMemory | undefined> {
    return this.memory.get(context);
  }

  /** The last urgent answer when it was given within the window's time, if any. */
  async recent(context: TurnContext): Promise<UrgentMemory | undefined> {
    const kept = await this.memory.get(context);
    return kept && this.clock() - kept.at <= this.settings.withinMs ? kept : undefined;
  }

  /** The urgent answer whose window is still open, if any. */
  async active(context: TurnContext): Promise<UrgentMemory | undefined> {
    const kept = await this.memory.get(context);
    if (!kept || kept.left <= 0 || this.clock() - kept.at > this.settings.withinMs) return undefined;
    return kept;
  }

  /** One message of the window used (`left` is what remains). */
  async answered(context: TurnContext, kept: UrgentMemory, left: number): Promise<void> {
    kept.left = Math.max(0, left);
    await this.memory.set(context, kept);
  }

  /** The memory as changed. */
  async save(context: TurnContext, kept: UrgentMemory): Promise<void> {
    await this.memory.set(context, kept);
  }
}
