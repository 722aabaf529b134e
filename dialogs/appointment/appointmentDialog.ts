import type { TurnContext } from 'botbuilder';
import { Dialog, DialogTurnStatus, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Clock } from '../../common/clock';
import { IN_PERSON_ONLY, type Appointment, type CareKind, type Slot, type VisitMode } from '../../services/appointments/appointmentLookup';
import { wallClock, zonedDate } from '../../services/time';
import { timeZoneOf } from '../common/dates';
import type { DialogKit } from '../common/kit';
import type { MemberRecords } from '../common/memberRecords';
import { PickQuestion, type PickAnswer, type PickOptions } from '../common/pickQuestion';
import { ChoiceQuestion, TextQuestion, type ChoiceAnswer, type TextAnswer } from '../common/questions';
import { TASK_INTENTS } from '../../intents/types';
import type { QuestionKey } from '../questions';
import { TaskDialog, values, type LaterFlow, type TaskOptions, type TaskOutcome } from '../common/taskDialog';
import { cancelsVisit, keepsVisit } from './changeOfMind';
import { turnInfo, turnTriage } from '../turn';
import { verificationNote } from '../identity/notes';
import type { IdentityVerification } from '../identity/verification';
import { VERIFY_DIALOG, VerifyIdentityDialog, type VerifyOptions, type VerifyResult } from '../identity/verifyDialog';
import { fold } from '../common/text';
import { QUESTIONS } from '../questions';
import { appointmentLine, visitVars } from './describe';
import { visitPickItem } from './pickItems';
import { LIVE_APPOINTMENTS, LiveAppointmentsDialog, type LiveAppointmentOptions } from './liveAppointments';
import { fittingVisits, type VisitMention } from './visitMention';
import { describePreferredTime, memberNow, PARTS_OF_DAY, PreferredTimeParser, whenParams, type PreferredTime } from './when';

const WHEN_QUESTION = 'appointment.whenQuestion';
/** The member's own: "my", "mi", "mis". */
const OWN_WORDS = /\b(?:my|mi|mis)\b/;
/** Visits the member has: "what appts do i have", "i have an appointment", "que citas tengo". */
const HAVE_WORDS = /\b(?:i|i've|ive)\s+(?:have|got|had)\b|\bdo\s+i\s+have\b|\b(?:tengo|tenia)\b/;
/** The member's own doctor: "with my doctor", "con mi medico". */
const OWN_DOCTOR = /\b(?:my|mi)\s+(?:own\s+|usual\s+|regular\s+|primary\s+)?(?:doctor|doctora|doc|dr|physician|pcp|provider|medico|medica)\b/;
const isTask = (intent: string): boolean => TASK_INTENTS.some((t) => t === intent);
/** Moving a visit: the day after the visit is named ("my lab appointment to friday", "mi cita para el lunes", "move it to next week"). */
const MOVED_TO = /\b(?:appointment|appointments|appt|appts|visit|one|it|them|cita|consulta|la|lo)\b.*?\b(?:to|for|until|para|al|hasta)\b(.+)$/;
/**
 * Actions a verified member can complete in the chat. Moving a visit stays on the portal: the
 * scheduling back end has no move, and booking the new time then cancelling the old one here could
 * leave the member with two visits or none; the reply says so.
 */
const LIVE_ACTIONS = new Set(['find', 'cancel', 'new']);

export interface AppointmentDeps {
  clock: Clock;
  records: MemberRecords;
  verification: IdentityVerification;
  oauthConnection?: string;
  /** Appointment times are shown in the member's time zone, or this one when the channel does not say. */
  timeZone: string;
}

interface AppointmentValues {
  /** The preferred time as answered (`values.when` holds the trail's marker). */
  preferred?: TextAnswer<PreferredTime>;
  live?: boolean;
  verify?: VerifyResult;
  /** Reschedule, signed in: the member's own visits while they pick one, then the one being moved. */
  visits?: Appointment[];
  moving?: Appointment;
  /** The words of the answer to "When would you prefer?", which may also say which visit ("la de video, el lunes"). */
  whenText?: string;
  /** Words about which visit, said while asked when ("its the video one with dr chen btw"). */
  visitWords?: string;
  /** Moving a visit: the new day or time said while picking the visit ("la de video, para el lunes"). */
  newTime?: PreferredTime;
  /** Moving a visit: which visit was looked for before asking when (it is not asked again after). */
  visitAsked?: boolean;
  /** Moving a visit: "same time is fine" / "a la misma hora" (keep its time of day and clinician). */
  sameTime?: boolean;
}

/** Cancelling instead of moving ("actually just cancel it"), or moving instead of cancelling: the visit already chosen. */
interface AppointmentTaskOptions extends TaskOptions {
  visitId?: string;
  /** Moving instead of cancelling ("don't cancel it, make it a video visit"): the new kind of visit. */
  toMode?: VisitMode;
  /** Right after moving a visit, "same time is fine": the days that answer looked for (YYYY-MM-DD/YYYY-MM-DD). */
  keptDays?: string;
}

/**
 * Appointments: what the member wants (new, reschedule, cancel, find), for whom, the kind of care
 * and visit mode (new only), the preferred day and time (new and reschedule). Finding, cancelling
 * and booking need the member's identity, verified the way their channel allows: a verified
 * member sees their own appointments, cancels one, or picks a free time that is booked for them
 * (LiveAppointmentsDialog); anyone else gets the portal's page with the choices filled in, and how
 * to sign in. Answers named in the opening message are not asked again ("I need to reschedule my
 * video visit").
 */
export class AppointmentDialog extends TaskDialog {
  static override readonly STEPS = ['action', 'patient', 'care', 'mode', 'when'] as const;
  /** "Myself" said for the appointments just listed holds for the visit moved or cancelled next. */
  protected override readonly carries = ['patient'];
  private readonly times = new PreferredTimeParser();

  constructor(
    kit: DialogKit,
    private readonly deps: AppointmentDeps,
  ) {
    super('appointment', kit);
    const times = this.times;
    this.addDialog(
      new TextQuestion<PreferredTime>(WHEN_QUESTION, kit, (text, { locale, context }) =>
        // The channel's time zone (Web Chat), else MEMBER_TIME_ZONE (SMS, Teams): never the server's.
        times.parse(text, locale, memberNow(this.deps.clock(), timeZoneOf(context, this.deps.timeZone))),
      ),
    );
    this.addDialog(new PickQuestion(kit));
    this.addDialog(new VerifyIdentityDialog(kit, deps.verification, deps.oauthConnection));
    this.addDialog(new LiveAppointmentsDialog(kit, { records: deps.records, clock: deps.clock, timeZone: deps.timeZone }));
    this.addFlow([
      (step) => this.askAction(step),
      (step) => this.afterAction(step),
      (step) => this.afterPatient(step),
      (step) => this.afterCare(step),
      (step) => this.visitToMove(step),
      (step) => this.visitAfterCode(step),
      (step) => this.afterMode(step),
      (step) => this.afterWhen(step),
      (step) => this.afterVerify(step),
      (step) => this.finishStep(step),
    ]);
  }

  /**
   * Moving a visit: words that say which visit but no time ("its the video one with dr chen btw"),
   * said to "When would you prefer?", are kept for picking the visit and the time asked again;
   * they are not a request for the video-visits menu.
   */
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    // The question is on top of this dialog's stack, the waterfall (and its values) under it.
    const flow = innerDc.stack.find((i) => i.id === `${this.intent}.flow`)?.state as { values?: AppointmentValues & Record<string, unknown> } | undefined;
    const text = turnInfo(innerDc.context).text;
    const action = flow?.values?.action;
    if ((action === 'reschedule' || action === 'cancel') && !turnTriage(innerDc.context).match) {
      // "actually no keep it" / "no, mejor déjala" while moving or cancelling: nothing changes, and it is said.
      if (keepsVisit(text)) {
        const visit = this.visitInHand(innerDc, flow!.values!);
        // "no don't cancel it, can it be by video instead": not cancelled, and that visit is moved to video.
        const to = visit && action === 'cancel' ? this.otherMode(text, visit.mode) : undefined;
        if (visit && to) return this.switchModeInstead(innerDc, flow as { options?: AppointmentTaskOptions; values: AppointmentValues & Record<string, unknown> }, visit, to);
        return this.keep(innerDc, visit);
      }
      // "actually just cancel it" while moving: that visit is cancelled (not the task stopped).
      if (action === 'reschedule' && cancelsVisit(text)) return this.cancelInstead(innerDc, flow as { options?: AppointmentTaskOptions; values: AppointmentValues & Record<string, unknown> }, text);
    }
    // "same place right?" while moving a visit: answered, then the open question again (the move goes on).
    if (flow?.values?.action === 'reschedule' && this.asksSamePlace(innerDc.context, text)) {
      await this.kit.say(innerDc.context, 'appointment.answer.samePlace');
      await innerDc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    // Booking: "in person, at the closest one" said to "When would you prefer?" is about how to be seen, not a time.
    const namedMode = this.kit.options.mentioned(text, 'appointment.mode')[0] as VisitMode | undefined;
    if (flow?.values?.action === 'new' && namedMode && innerDc.activeDialog?.id === WHEN_QUESTION && this.namesVisit(innerDc.context, text)) {
      // A blood draw or a shot stays in person whatever is said.
      if (!IN_PERSON_ONLY.includes(flow.values.care as CareKind)) flow.values.mode = namedMode;
      const kept = (flow.values.mode as VisitMode | undefined) ?? namedMode;
      await this.kit.say(innerDc.context, 'appointment.modeNoted', { mode: this.kit.text(innerDc.context, `options.appointment.mode.${kept}`) });
      await innerDc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    if (flow?.values && (await this.keepEarlyTime(innerDc, flow.values, text))) return Dialog.EndOfTurn;
    if (flow?.values?.action === 'reschedule' && flow.values.visits && innerDc.activeDialog?.id === PickQuestion.ID) {
      const picked = await this.pickAnswer(innerDc, flow.values, text);
      if (picked) return picked;
    }
    if (flow?.values?.action === 'reschedule' && !flow.values.moving && innerDc.activeDialog?.id === WHEN_QUESTION && this.namesVisit(innerDc.context, text)) {
      flow.values.visitWords = `${flow.values.visitWords ?? ''} ${text}`.trim();
      await this.kit.say(innerDc.context, 'appointment.visitNoted');
      await innerDc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    return super.onContinueDialog(innerDc);
  }

  /**
   * Booking: a day or time said alone to an earlier question ("tomorrow morning" to "What kind of
   * care?") is kept for "When would you prefer?" with whatever else it answers, and the open
   * question asked again, saying so (before the symptoms model may read a time of day as one). A
   * message the question accepts, or with words asking for something else, is left to the usual reading.
   */
  private async keepEarlyTime(innerDc: DialogContext, state: AppointmentValues & Record<string, unknown>, text: string): Promise<boolean> {
    const context = innerDc.context;
    const active = innerDc.activeDialog;
    if (state.action !== 'new' || state.when !== undefined || active?.id !== ChoiceQuestion.ID) return false;
    const question = innerDc.findDialog(ChoiceQuestion.ID) as ChoiceQuestion;
    if (question.accepts(active, context) || this.kit.phrases.interruption(text)) return false;
    const { result } = turnInfo(context);
    if (result.intent !== 'appointment' && isTask(result.intent) && result.score >= this.kit.policy.routeAt) return false;
    if (!this.timeSaid(context, text)) return false;
    return this.answerKeptForLater(innerDc);
  }

  /** A day, a time of day or a clock time in the words ("mañana en la tarde", "next friday at 3"). */
  private timeSaid(context: TurnContext, text: string): PreferredTime | null {
    const parsed = this.times.parse(text, this.kit.locale(context), memberNow(this.deps.clock(), timeZoneOf(context, this.deps.timeZone)));
    return parsed.ok && (parsed.value.date || parsed.value.partOfDay || parsed.value.time) ? parsed.value : null;
  }

  /**
   * Booking, before "When would you prefer?" is asked: a day or time in an answer to another
   * question ("atención primaria, mañana en la tarde") is kept as the preferred time, and "as soon
   * as possible" / "any time" as that answer, so "When would you prefer?" is not asked.
   */
  protected override keepLaterDetails(context: TurnContext, text: string, flow: LaterFlow, open?: QuestionKey): string[] {
    const state = (flow.values ?? {}) as AppointmentValues & Record<string, unknown>;
    // Said to "What would you like to do?", only with a new visit: a day beside "move my tuesday visit" is the visit's.
    const action = state.action ?? flow.options?.answers?.action ?? this.kit.options.prefill(text, 'appointment.action');
    if (action !== 'new' || open === 'appointment.when' || state.when !== undefined) return [];
    const time = this.timeSaid(context, text);
    if (time) {
      state.newTime = time;
      flow.values = state;
      return [describePreferredTime(time, this.kit.locale(context), this.partNames(context))];
    }
    const choice = this.kit.options.prefill(text, 'appointment.when', ['asap', 'any']);
    if (!choice) return [];
    flow.options = { ...flow.options, answers: { ...flow.options?.answers, when: choice } };
    return [this.kit.text(context, `options.appointment.when.${choice}`)];
  }

  /**
   * Right after the answer about cancelling or moving a visit (a follow-up routed back to this
   * topic), "actually no, keep it" is a change of mind: nothing changes, and it is said.
   */
  protected override async onBeginDialog(innerDc: DialogContext, options?: AppointmentTaskOptions): Promise<DialogTurnResult> {
    const before = options?.answers?.action ?? (options?.previous?.intent === this.intent ? options.previous.answers.action : undefined);
    if (options?.text && (before === 'cancel' || before === 'reschedule') && keepsVisit(options.text) && !turnTriage(innerDc.context).match) {
      return this.keep(innerDc, null);
    }
    const moved = options?.previous?.intent === this.intent && options.previous.answers.action === 'reschedule' ? options.previous.answers : null;
    if (options?.text && moved && !options.answers?.action && !turnTriage(innerDc.context).match && this.keepsVisitDetail(innerDc.context, options.text)) {
      return super.onBeginDialog(innerDc, this.aboutMovedVisit(innerDc.context, options, moved));
    }
    return super.onBeginDialog(innerDc, options);
  }

  /**
   * Right after the answer about moving a visit, words that keep one of its details and name no
   * other task ("same time is fine", "a la misma hora está bien", "thursday, same time"): an answer
   * about that visit, not a new request.
   */
  private keepsVisitDetail(context: TurnContext, text: string): boolean {
    if (!this.kit.options.mentioned(text, 'appointment.when', ['sameTime']).length) return false;
    const { result } = turnInfo(context);
    return !(result.intent !== this.intent && isTask(result.intent) && result.score >= this.kit.policy.routeAt && this.kit.options.prefill(text, 'appointment.action') !== null);
  }

  /**
   * The move just answered, again with what the follow-up keeps: the same visit (the trail's
   * `visit`), the days that answer looked for, and the new words as the answer to when.
   */
  private aboutMovedVisit(context: TurnContext, options: AppointmentTaskOptions, moved: Readonly<Record<string, string>>): AppointmentTaskOptions {
    const text = options.text!;
    const day = this.times.parse(text, this.kit.locale(context), memberNow(this.deps.clock(), timeZoneOf(context, this.deps.timeZone)));
    const answers = { ...options.answers, action: 'reschedule', ...(moved.patient ? { patient: moved.patient } : {}), ...(day.ok && day.value.date ? {} : { when: 'sameTime' }) };
    return {
      ...options,
      // Said with a day ("next thursday, same time"): the day, read as the new one ("to ...").
      text: day.ok && day.value.date ? `move it to ${text}` : text,
      answers,
      ...(moved.visit ? { visitId: moved.visit } : {}),
      ...(moved.days && !(day.ok && day.value.date) ? { keptDays: moved.days } : {}),
    };
  }

  /** The visit being moved, or the one a cancel is asking about ("Cancel the … ?"), if known. */
  private visitInHand(innerDc: DialogContext, state: AppointmentValues): Appointment | null {
    if (state.moving) return state.moving;
    for (let dc: DialogContext | undefined = innerDc; dc; dc = dc.child) {
      const live = dc.stack.find((i) => i.id === `${LIVE_APPOINTMENTS}.flow`)?.state as { values?: { target?: Appointment | Slot } } | undefined;
      if (live?.values?.target && !('care' in live.values.target)) return live.values.target;
    }
    return null;
  }

  private async keep(innerDc: DialogContext, visit: Appointment | null): Promise<DialogTurnResult> {
    const context = innerDc.context;
    if (visit) {
      const described = this.kit.text(context, 'appointment.live.visit', visitVars(this.kit, context, visit, timeZoneOf(context, this.deps.timeZone)));
      await this.kit.say(context, 'appointment.kept.visit', { visit: described });
    } else {
      await this.kit.say(context, 'appointment.kept.any');
    }
    await innerDc.cancelAllDialogs();
    return { status: DialogTurnStatus.complete, result: { kind: 'completed' } satisfies TaskOutcome };
  }

  /**
   * Moving a visit, "actually just cancel it": the task becomes cancelling that visit, the one
   * already chosen (straight to "Cancel the … ?"), or the one these words name.
   */
  private async cancelInstead(innerDc: DialogContext, flow: { options?: AppointmentTaskOptions; values: AppointmentValues & Record<string, unknown> }, text: string): Promise<DialogTurnResult> {
    const visitId = flow.values.moving?.id;
    const patient = flow.values.patient as string | undefined;
    const opening = flow.options?.text;
    await innerDc.cancelAllDialogs();
    return innerDc.beginDialog(`${this.intent}.flow`, {
      text: visitId ? (opening ?? text) : [opening, text].filter(Boolean).join(' '),
      answers: { action: 'cancel', ...(patient ? { patient } : {}) },
      ...(visitId ? { visitId } : {}),
    } satisfies AppointmentTaskOptions);
  }

  /** A kind of visit named that is not the visit's own ("make it a video visit"), the last one named. */
  private otherMode(text: string, current: VisitMode): VisitMode | undefined {
    return (this.kit.options.mentioned(text, 'appointment.mode') as VisitMode[]).filter((m) => m !== current).at(-1);
  }

  /**
   * Cancelling a visit, "no, don't cancel it, make it a video visit instead": nothing is cancelled
   * (said), and the task becomes moving that visit to the kind of visit named (when is asked).
   */
  private async switchModeInstead(innerDc: DialogContext, flow: { options?: AppointmentTaskOptions; values: AppointmentValues & Record<string, unknown> }, visit: Appointment, to: VisitMode): Promise<DialogTurnResult> {
    const patient = flow.values.patient as string | undefined;
    await this.kit.say(innerDc.context, 'appointment.live.notCancelled');
    await innerDc.cancelAllDialogs();
    return innerDc.beginDialog(`${this.intent}.flow`, {
      ...(flow.options?.text ? { text: flow.options.text } : {}),
      answers: { action: 'reschedule', ...(patient ? { patient } : {}) },
      visitId: visit.id,
      toMode: to,
    } satisfies AppointmentTaskOptions);
  }

  /** Who it is for, and for a new visit the kind of care and how to be seen, may be said early. */
  protected override laterQuestions(given: Readonly<Record<string, unknown>>): Readonly<Record<string, QuestionKey>> {
    const action = given.action;
    if (action !== undefined && action !== 'new') return { patient: 'appointment.patient' };
    return { patient: 'appointment.patient', care: 'appointment.care', mode: 'appointment.mode' };
  }

  /**
   * "Which appointment do you want to move?" answered in the member's words: the new day or time
   * said with it ("la de video, para el lunes", "next thursday afternoon") is kept as the answer to
   * when; the visit named by its kind, care, clinician or place ("its the video one with dr chen")
   * is picked when the list's own reading finds none. Only a time: kept, and the list again.
   */
  private async pickAnswer(innerDc: DialogContext, state: AppointmentValues, text: string): Promise<DialogTurnResult | null> {
    const context = innerDc.context;
    const now = memberNow(this.deps.clock(), timeZoneOf(context, this.deps.timeZone));
    const folded = fold(text);
    const target = MOVED_TO.exec(folded)?.[1] ?? /,\s*(.+)$/.exec(folded)?.[1];
    const said = target ? this.times.parse(target, this.kit.locale(context), now) : null;
    if (said?.ok) state.newTime = said.value;
    const zone = timeZoneOf(context, this.deps.timeZone);
    const whole = target ? null : this.times.parse(text, this.kit.locale(context), now);
    // A day none of the visits is on ("next thursday afternoon") is the new day, not a pick.
    const newDay = whole?.ok && whole.value.date ? [whole.value.date, whole.value.until ?? whole.value.date] : null;
    const onThatDay = newDay && state.visits!.some((v) => zonedDate(new Date(v.start), zone) >= newDay[0]! && zonedDate(new Date(v.start), zone) <= newDay[1]!);
    if (!(newDay && !onThatDay)) {
      const active = innerDc.activeDialog!;
      if ((innerDc.findDialog(PickQuestion.ID) as PickQuestion).accepts(active, context)) return null;
      const visitWords = target ? folded.slice(0, folded.length - target.length) : folded;
      const about = this.about(context, visitWords);
      const fitting = fittingVisits(this.kit, state.visits!, { text: about.text, ...(about.mode ? { mode: about.mode } : {}), ...(about.care ? { care: about.care } : {}) }, zone);
      if (fitting.length === 1 && fitting.length < state.visits!.length) return innerDc.endDialog({ picked: fitting[0]!.id } satisfies PickAnswer);
    }
    if (!whole?.ok) return null;
    state.newTime = whole.value;
    await this.kit.say(context, 'appointment.timeNoted', { when: describePreferredTime(whole.value, this.kit.locale(context), this.partNames(context)) });
    await innerDc.repromptDialog();
    return Dialog.EndOfTurn;
  }

  /** "is it the same place?" / "¿mismo lugar?": a question about where, with no day or time in it. */
  private asksSamePlace(context: TurnContext, text: string): boolean {
    if (this.kit.options.prefill(text, 'appointment.info', ['samePlace']) !== 'samePlace') return false;
    return !this.times.parse(text, this.kit.locale(context), memberNow(this.deps.clock(), timeZoneOf(context, this.deps.timeZone))).ok;
  }

  /** A kind of visit or care named, and no day or time: words about which visit. */
  private namesVisit(context: TurnContext, text: string): boolean {
    if (!this.kit.options.mentioned(text, 'appointment.mode').length && !this.kit.options.prefill(text, 'appointment.care')) return false;
    if (this.kit.phrases.interruption(text)) return false;
    return !this.times.parse(text, this.kit.locale(context), memberNow(this.deps.clock(), timeZoneOf(context, this.deps.timeZone))).ok;
  }

  private answer(step: WaterfallStepContext): string | null {
    return (step.result as ChoiceAnswer | undefined)?.answer ?? null;
  }

  /**
   * What to do with an appointment; a request that names a kind of care or visit and no action
   * ("need appt for flu shot", "cita para vacuna") is a new one: booking is the only action it fits.
   */
  private askAction(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const named = this.resumed(step, 'action', 'appointment.action') ?? this.prefilled(step, 'appointment.action');
    if (!named && this.prefilled(step, 'appointment.care')) return step.next({ answer: 'new' } satisfies ChoiceAnswer);
    return this.ask(step, 'action', 'appointment.action');
  }

  private async afterAction(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const action = this.answer(step);
    if (!action) return this.stuck(step);
    await this.answered(step, 'action', action);
    // "cancel my lab appointment": the member's own visit, unless a family member is named.
    // "what appts do i have": the member's own visits; "with my doctor": a visit for the member.
    if (!this.prefilled(step, 'appointment.patient') && (action === 'new' ? this.ownDoctor(step) : this.ownVisit(step))) return step.next({ answer: 'self' } satisfies ChoiceAnswer);
    return this.ask(step, 'patient', 'appointment.patient');
  }

  /** The opening message speaks of the member's own visit ("my", "mi", "mis", "do I have", "tengo"). */
  private ownVisit(step: WaterfallStepContext): boolean {
    const text = this.openingWords(step);
    return !!text && (OWN_WORDS.test(text) || HAVE_WORDS.test(text));
  }

  /** A new visit asked for with the member's own doctor ("with my doctor", "con mi médico"). */
  private ownDoctor(step: WaterfallStepContext): boolean {
    const text = this.openingWords(step);
    return !!text && OWN_DOCTOR.test(text);
  }

  /** The opening message, folded; none when a menu button started the task. */
  private openingWords(step: WaterfallStepContext): string | null {
    const text = (step.options as { text?: string } | undefined)?.text;
    return text && !this.kit.options.match(text, 'topics', 'exact') ? fold(text) : null;
  }

  private async afterPatient(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const patient = this.answer(step);
    if (!patient) return this.stuck(step);
    await this.answered(step, 'patient', patient);
    if (values(step).action !== 'new') return step.next();
    return this.ask(step, 'care', 'appointment.care');
  }

  private async afterCare(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (values(step).action === 'new') {
      const care = this.answer(step);
      if (!care) return this.stuck(step);
      await this.answered(step, 'care', care);
      // A blood draw, an x-ray or a shot is given at a clinic: video or phone is never offered.
      if (IN_PERSON_ONLY.includes(care as CareKind)) return step.next({ answer: 'inPerson' } satisfies ChoiceAnswer);
      return this.ask(step, 'mode', 'appointment.mode');
    }
    return step.next();
  }

  /**
   * Moving a visit: which visit comes before when. A member known to the assistant (signed in, or
   * vouched for by the channel) with several upcoming visits picks one first; with one, it is named
   * in the question about the new time. Anything else passes the mode's answer on.
   */
  private async visitToMove(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (values(step).action !== 'reschedule') return step.next(step.result);
    (step.values as AppointmentValues).visitAsked = true;
    // A number on file but not yet confirmed (SMS): the code first, as for finding a visit, so
    // the visit is known before "when?" (and "same time" has something to keep).
    if (values(step).patient !== 'family' && !(await this.deps.records.verifiedMember(step.context))) {
      const route = await this.deps.verification.route(step.context);
      if (route.kind === 'smsCode') return step.beginDialog(VERIFY_DIALOG, { topic: 'appointments' } satisfies VerifyOptions);
    }
    return step.next();
  }

  /** Moving a visit: after the code (or none needed), which visit; anything else passes the mode's answer on. */
  private async visitAfterCode(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (values(step).action !== 'reschedule') return step.next(step.result);
    return this.whichVisit(step);
  }

  private async afterMode(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const action = values(step).action;
    if (action === 'reschedule') this.keepPicked(step);
    if (action === 'new') {
      const mode = this.answer(step);
      if (!mode) return this.stuck(step);
      await this.answered(step, 'mode', mode);
    }
    if (action !== 'new' && action !== 'reschedule') return step.next();
    // Going back to a paused booking: "as soon as possible" / "any time" stand (a day said in words is not kept).
    const resumed = this.resumed(step, 'when', 'appointment.when');
    if (resumed) return step.next({ choice: resumed } satisfies TextAnswer<PreferredTime>);
    // A day or time said in the request itself ("book a physical for next tuesday morning", "move my
    // lab appointment to next week", "cambiar mi cita para el lunes") is the answer: not asked again.
    // A time said early, to another of the booking's questions, is the answer too.
    const said = this.whenInRequest(step, action) ?? (step.values as AppointmentValues).newTime;
    if (said) return step.next({ value: said } satisfies TextAnswer<PreferredTime>);
    // "Same time" is offered only for moving a visit (it keeps the visit's time of day).
    const moving = (step.values as AppointmentValues).moving;
    // With no visit known (not signed in), "Same time" would refer to nothing: not offered.
    const ids = action === 'reschedule' && moving ? QUESTIONS['appointment.when'] : QUESTIONS['appointment.when'].filter((id) => id !== 'sameTime');
    const named = moving
      ? { prompt: 'appointment.ask.whenMove', vars: { visit: this.kit.text(step.context, 'appointment.live.visit', visitVars(this.kit, step.context, moving, timeZoneOf(step.context, this.deps.timeZone))) } }
      : { prompt: 'appointment.ask.when' };
    return step.beginDialog(WHEN_QUESTION, { ...named, choices: { question: 'appointment.when', ids }, maxAttempts: 3 });
  }

  /** The visit picked from the list (moving a visit), kept as the one being moved. */
  private keepPicked(step: WaterfallStepContext): void {
    const state = step.values as AppointmentValues;
    if (!state.visits) return;
    const picked = (step.result as PickAnswer | undefined)?.picked;
    state.moving = state.visits.find((v) => v.id === picked);
    delete state.visits;
  }

  /**
   * The preferred time in the opening request, if it names one. Moving a visit: only what follows
   * "to", "for", "para", "al" ("move my tuesday appointment to friday" is Friday, not Tuesday).
   */
  private whenInRequest(step: WaterfallStepContext, action: string): PreferredTime | null {
    const opening = (step.options as TaskOptions | undefined)?.text;
    if (!opening) return null;
    const folded = fold(opening);
    const target = action === 'reschedule' ? MOVED_TO.exec(folded)?.[1]?.trim() : folded;
    if (!target) return null;
    const context = step.context;
    const parsed = this.times.parse(target, this.kit.locale(context), memberNow(this.deps.clock(), timeZoneOf(context, this.deps.timeZone)));
    return parsed.ok && (parsed.value.date || parsed.value.partOfDay || parsed.value.time) ? parsed.value : null;
  }

  /** Keeps the preferred time; finding, cancelling and booking first verify who is asking. */
  private async afterWhen(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const action = values(step).action!;
    const state = step.values as AppointmentValues;
    if (action === 'new' || action === 'reschedule') {
      const when = step.result as TextAnswer<PreferredTime> | undefined;
      if (!when || 'stuck' in when) return this.stuck(step);
      state.preferred = when;
      state.whenText = turnInfo(step.context).text;
      // "thursday, same time": the day said, and the time of the visit being moved.
      state.sameTime = action === 'reschedule' && ('choice' in when ? when.choice === 'sameTime' : this.kit.options.mentioned(state.whenText, 'appointment.when', ['sameTime']).length > 0);
      await this.answered(step, 'when', 'choice' in when ? when.choice : 'given');
    }
    if (!LIVE_ACTIONS.has(action)) return step.next();
    const verify: VerifyOptions =
      action === 'new' ? { topic: 'booking' } : { topic: 'appointments', ...(action === 'find' ? { remember: { topic: 'appointments' } } : {}) };
    return step.beginDialog(VERIFY_DIALOG, verify);
  }

  private async afterVerify(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const action = values(step).action!;
    if (action === 'reschedule') return (step.values as AppointmentValues).visitAsked ? step.next() : this.whichVisit(step);
    if (!LIVE_ACTIONS.has(action)) return step.next();
    const state = step.values as AppointmentValues;
    const verify = (step.result as VerifyResult | undefined) ?? { member: null, route: 'failed' };
    if (!verify.member) {
      state.verify = verify;
      return step.next();
    }
    state.live = true;
    if (values(step).care === 'urgent') await this.kit.say(step.context, 'appointment.urgentNote');
    const preferred = state.preferred;
    const when = preferred && 'choice' in preferred ? (preferred.choice as 'asap' | 'any') : preferred && 'value' in preferred ? preferred.value : undefined;
    const opening = (step.options as { text?: string } | undefined)?.text;
    return step.beginDialog(LIVE_APPOINTMENTS, {
      action: action as LiveAppointmentOptions['action'],
      ...(action !== 'new' && opening ? { about: this.about(step.context, opening) } : {}),
      ...((step.options as AppointmentTaskOptions | undefined)?.visitId ? { visitId: (step.options as AppointmentTaskOptions).visitId } : {}),
      patient: values(step).patient === 'family' ? 'family' : 'self',
      memberId: verify.member.memberId,
      ...(values(step).care ? { care: values(step).care as CareKind } : {}),
      ...(values(step).mode ? { mode: values(step).mode as VisitMode } : {}),
      ...(when ? { when } : {}),
    } satisfies LiveAppointmentOptions);
  }

  /**
   * Moving a visit, signed in: which of the member's own visits it is (reschedule stays on the
   * portal, but the member is told which visit the page is for). The one they spoke of, or the
   * only one; several: they pick ("the video one with dr chen").
   */
  private async whichVisit(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const state = step.values as AppointmentValues;
    const member = values(step).patient === 'family' ? null : ((await this.deps.records.verifiedMember(context)) ?? (await this.silentlyVerified(context)));
    if (!member) return step.next();
    const upcoming = await this.deps.records.upcoming(context, member.memberId);
    if (!upcoming.verified || !upcoming.value.ok || !upcoming.value.value.length) return step.next();
    const zone = timeZoneOf(context, this.deps.timeZone);
    const list = upcoming.value.value;
    // The visit already chosen (cancelling it became moving it).
    const chosen = list.find((v) => v.id === (step.options as AppointmentTaskOptions | undefined)?.visitId);
    if (chosen) {
      state.moving = chosen;
      return step.next();
    }
    // What the opening message said of the visit, and the kind of visit or the names the answer
    // about the time added ("la de video, para el lunes": the day there is the new one).
    const said = (step.options as { text?: string } | undefined)?.text ?? '';
    // "move my appointment to next week": the words after "to" are the new time, not the visit's.
    const target = MOVED_TO.exec(fold(said))?.[1];
    const opening = target ? fold(said).slice(0, fold(said).length - target.length) : said;
    const about = this.about(context, opening);
    const later = `${state.visitWords ?? ''} ${state.whenText ?? ''}`.trim();
    const mode = about.mode ?? this.modes(later).current;
    const fitting = fittingVisits(this.kit, list, { ...about, text: `${opening} ${later}`, ...(mode ? { mode } : {}) }, zone);
    const offered = fitting.length ? fitting : list;
    if (offered.length === 1) {
      state.moving = offered[0];
      return step.next();
    }
    state.visits = offered;
    return step.beginDialog(PickQuestion.ID, {
      prompt: 'appointment.live.pickMove',
      items: offered.map((a) => visitPickItem(this.kit, a, appointmentLine(this.kit, context, a, zone), zone, this.deps.clock())),
    } satisfies PickOptions);
  }

  /**
   * A member the channel itself vouches for, without a question (Teams maps their Entra ID):
   * moving a visit asks nobody to sign in, but one known this way is told which visit it is.
   */
  private async silentlyVerified(context: TurnContext): Promise<{ memberId: string } | null> {
    const route = await this.deps.verification.route(context);
    return route.kind === 'verified' ? route.member : null;
  }

  private async finishStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = step.values as AppointmentValues;
    if (state.live) return this.done(step);
    if (state.visits) {
      const picked = (step.result as PickAnswer | undefined)?.picked;
      state.moving = state.visits.find((v) => v.id === picked);
      delete state.visits;
    }
    const action = values(step).action;
    const patient = values(step).patient ?? 'self';
    const context = step.context;
    if (action === 'cancel' || action === 'find') return this.manage(step, action, patient);

    const when = state.preferred;
    if (!when || 'stuck' in when) return this.stuck(step);
    const params: Record<string, string | undefined> = { action, patient };
    let whenText: string;
    const sameTime = state.sameTime ? this.sameTime(step, when) : null;
    if (sameTime) {
      Object.assign(params, sameTime.params);
      whenText = sameTime.text;
    } else if ('choice' in when) {
      params.when = when.choice === 'asap' ? 'asap' : undefined;
      whenText = this.kit.text(context, `options.appointment.when.${when.choice}`);
    } else {
      Object.assign(params, whenParams(when.value));
      whenText = describePreferredTime(when.value, this.kit.locale(context), this.partNames(context));
    }

    const lines: string[] = [];
    if (action === 'new') {
      params.care = values(step).care;
      params.mode = values(step).mode;
      lines.push(
        this.kit.text(context, 'appointment.done.new', {
          care: this.kit.text(context, `options.appointment.care.${params.care}`),
          mode: this.kit.text(context, `options.appointment.mode.${params.mode}`),
          when: whenText,
        }),
      );
      if (params.care === 'urgent') lines.push(this.kit.text(context, 'appointment.urgentNote'));
    } else {
      // "from video to in person": the new kind of visit goes to the page, and is said.
      const opening = (step.options as { text?: string } | undefined)?.text ?? '';
      const to = (step.options as AppointmentTaskOptions | undefined)?.toMode ?? this.modes(opening).to;
      if (to) params.mode = to;
      const vars = { when: whenText, to: to ? this.kit.text(context, `appointment.toMode.${to}`) : '' };
      const moving = state.moving;
      lines.push(
        moving
          ? this.kit.text(context, 'appointment.done.rescheduleVisit', {
              ...vars,
              visit: this.kit.text(context, 'appointment.live.visit', visitVars(this.kit, context, moving, timeZoneOf(context, this.deps.timeZone))),
            })
          : this.kit.text(context, 'appointment.done.reschedule', vars),
      );
      // A signed-in member could book here: why moving their visit is not done in the chat.
      if (moving) lines.push(this.kit.text(context, 'appointment.moveOnPortal'));
      // Which visit and days this answer was about, for a follow-up that keeps a detail ("same time is fine").
      if (moving) await this.kit.memory.remember(context, 'visit', moving.id);
      const days = 'value' in when && when.value.date ? `${when.value.date}/${when.value.until ?? when.value.date}` : null;
      if (days) await this.kit.memory.remember(context, 'days', days);
    }
    if (patient === 'family') lines.push(this.kit.text(context, 'appointment.familyNote'));
    lines.push(this.kit.text(context, 'appointment.orCall', { number: this.kit.profile.phone('memberServices', this.kit.locale(context)).number }));
    await this.kit.send(context, { text: lines.join('\n\n'), links: [this.kit.link(context, 'appointments.schedule', params)] });
    return this.done(step);
  }

  /**
   * "same time is fine" while moving a visit: the time of day of the visit being moved, with the
   * same clinician, on the day the member said, or — when only the kind of visit changes ("switch
   * the video one to in person") — on the visit's own day. Not knowing the visit (not signed in),
   * the page looks for no time and the text says so (it does not know the visit).
   */
  private sameTime(step: WaterfallStepContext, when: TextAnswer<PreferredTime>): { params: Record<string, string | undefined>; text: string } {
    const context = step.context;
    const moving = (step.values as AppointmentValues).moving;
    const keptDays = (step.options as AppointmentTaskOptions | undefined)?.keptDays?.split('/');
    const named = 'value' in when ? when.value : keptDays?.[0] ? { date: keptDays[0], until: keptDays[1] ?? null, time: null, partOfDay: null } : null;
    if (!moving) {
      const text = named?.date ? `${describePreferredTime({ ...named, time: null, partOfDay: null }, this.kit.locale(context), this.partNames(context))}, ` : '';
      return { params: named?.date ? { when: whenParams(named).when } : {}, text: `${text}${this.kit.text(context, 'appointment.when.sameTimeUnknown')}` };
    }
    const zone = timeZoneOf(context, this.deps.timeZone);
    const clock = wallClock(new Date(moving.start), zone);
    const local = { date: zonedDate(new Date(moving.start), zone), time: `${String(clock.hour % 24).padStart(2, '0')}:${String(clock.minute).padStart(2, '0')}` };
    const onlyMode = !named?.date && !!((step.options as AppointmentTaskOptions | undefined)?.toMode ?? this.modes((step.options as { text?: string } | undefined)?.text ?? '').to);
    const kept: PreferredTime = { date: named?.date ?? (onlyMode ? local.date : null), until: named?.date ? named.until : null, time: local.time, partOfDay: null };
    const who = moving.clinician ? this.kit.text(context, 'appointment.live.with', { who: moving.clinician }) : '';
    return { params: whenParams(kept), text: `${describePreferredTime(kept, this.kit.locale(context), this.partNames(context))}${who}` };
  }

  /** Cancel or find: those happen on the portal's upcoming-appointments page. */
  private async manage(step: WaterfallStepContext, action: 'cancel' | 'find', patient: string): Promise<DialogTurnResult> {
    const context = step.context;
    const lines = [this.kit.text(context, `appointment.done.${action}`)];
    const verify = (step.values as AppointmentValues).verify;
    const note = verify ? verificationNote(this.kit, context, verify, 'appointments') : { text: null, links: [] };
    if (note.links.length) await this.kit.memory.noteSignInAsked(context);
    if (note.text) lines.push(note.text);
    if (patient === 'family') lines.push(this.kit.text(context, 'appointment.familyNote'));
    await this.kit.send(context, { text: lines.join('\n\n'), links: [this.kit.link(context, 'appointments.upcoming', { action, patient }), ...note.links] });
    return this.done(step);
  }

  /** Which visit the opening message speaks of: its words, its kind, its mode and its day. */
  /**
   * The kinds of visit a message names: one is the visit's own ("my video visit"), unless the
   * message is a change to it ("... to in person"); two are a change, the first the visit's and
   * the last the new one ("from video to in person").
   */
  private modes(text: string): { current?: VisitMode; to?: VisitMode } {
    const named = this.kit.options.mentioned(text, 'appointment.mode') as VisitMode[];
    if (!named.length) return {};
    // One kind named as the change itself ("change my appointment with dr chen to in person"): the new one.
    if (named.length === 1) return this.kit.options.concept(text, 'appointment.action')?.id === 'reschedule' ? { to: named[0]! } : { current: named[0]! };
    return { current: named[0]!, to: named[named.length - 1]! };
  }

  private about(context: TurnContext, text: string): VisitMention {
    const opts = this.kit.options;
    const named = this.modes(text);
    const mode = named.current ?? (named.to ? undefined : opts.prefill(text, 'appointment.mode'));
    const care = opts.prefill(text, 'appointment.care');
    const day = this.times.parse(text, this.kit.locale(context), memberNow(this.deps.clock(), timeZoneOf(context, this.deps.timeZone)));
    return {
      text,
      ...(mode ? { mode: mode as VisitMode } : {}),
      ...(care ? { care: care as CareKind } : {}),
      ...(day.ok && day.value.date ? { from: day.value.date, until: day.value.until ?? day.value.date } : {}),
    };
  }

  private partNames(context: TurnContext) {
    return Object.fromEntries(PARTS_OF_DAY.map((p) => [p, this.kit.text(context, `appointment.partOfDay.${p}`)])) as Record<
      (typeof PARTS_OF_DAY)[number],
      string
    >;
  }
}
