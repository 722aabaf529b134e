import type { TurnContext } from 'botbuilder';
import { DialogTurnStatus, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { IN_PERSON_ONLY, type CareKind, type VisitMode } from '../../services/appointments/appointmentLookup';
import type { DialogKit } from '../common/kit';
import { PickQuestion, type PickAnswer } from '../common/pickQuestion';
import { TextQuestion, type ChoiceAnswer, type TextAnswer } from '../common/questions';
import type { QuestionKey } from '../questions';
import { TaskDialog, values, type LaterFlow, type TaskOptions, type TaskOutcome } from '../common/taskDialog';
import { cancelsVisit, keepsVisit } from './changeOfMind';
import { movesInstead } from './moveInsteadWords';
import { turnInfo, turnTriage } from '../turn';
import { VERIFY_DIALOG, VerifyIdentityDialog, type VerifyOptions, type VerifyResult } from '../identity/verifyDialog';
import { QUESTIONS } from '../questions';
import { LIVE_ACTIONS, WHEN_QUESTION, type AppointmentDeps, type AppointmentState, type AppointmentTaskOptions, type AppointmentValues } from './appointmentState';
import { visitVars } from './describe';
import { LIVE_APPOINTMENTS, LiveAppointmentsDialog, type LiveAppointmentOptions } from './liveAppointments';
import type { AppointmentParts } from './appointmentParts';
import { readInFlow } from './inFlowReadings';
import type { PreferredTime } from './when';

/**
 * Appointments: what the member wants (new, reschedule, cancel, find), for whom, the kind of care
 * and visit mode (new only), the preferred day and time (new and reschedule). Finding, cancelling
 * and booking need the member's identity, verified the way their channel allows: a verified
 * member sees their own appointments, cancels one, or picks a free time that is booked for them
 * (LiveAppointmentsDialog); anyone else gets the portal's page with the choices filled in, and how
 * to sign in. Answers named in the opening message are not asked again ("I need to reschedule my
 * video visit"). The waterfall is here; reading words, moving, changes of mind and the portal's
 * answer are its parts.
 */
export class AppointmentDialog extends TaskDialog {
  static override readonly STEPS = ['action', 'patient', 'care', 'mode', 'when'] as const;
  /** "Myself" said for the appointments just listed holds for the visit moved or cancelled next. */
  protected override readonly carries = ['patient'];

  constructor(
    kit: DialogKit,
    deps: AppointmentDeps,
    private readonly parts: AppointmentParts,
  ) {
    super('appointment', kit);
    const { words, mover } = parts;
    // The channel's time zone (Web Chat), else MEMBER_TIME_ZONE (SMS, Teams): never the server's.
    this.addDialog(new TextQuestion<PreferredTime>(WHEN_QUESTION, kit, (text, { locale, context }) => words.parse(context, text, locale)));
    this.addDialog(new PickQuestion(kit));
    this.addDialog(new VerifyIdentityDialog(kit, deps.verification, deps.oauthConnection));
    this.addDialog(new LiveAppointmentsDialog(kit, { records: deps.records, clock: deps.clock, timeZone: deps.timeZone, family: parts.family }));
    this.addFlow([
      (step) => this.askAction(step),
      (step) => this.afterAction(step),
      (step) => this.afterPatient(step),
      (step) => this.afterCare(step),
      (step) => mover.beforeWhich(step),
      (step) => this.visitAfterCode(step),
      (step) => this.afterMode(step),
      (step) => this.afterWhen(step),
      (step) => this.afterVerify(step),
      (step) => this.finishStep(step),
    ]);
  }

  /** How the booking reads days and times: the follow-up right after its page reads them the same way. */
  get words(): AppointmentParts['words'] {
    return this.parts.words;
  }

  /** "actually nevermind just cancel it" while moving: the visit is cancelled, not the task dropped. */
  protected override readsOwnChange(innerDc: DialogContext, rest: string): boolean {
    const flow = innerDc.stack.find((i) => i.id === `${this.intent}.flow`)?.state as { values?: AppointmentState } | undefined;
    return !turnTriage(innerDc.context).match && this.parts.changes.ownsChange(flow?.values, rest);
  }

  /** Readings of the member's message at an open question, before the task's own (inFlowReadings.ts). */
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const task = { intent: 'appointment' as const, kit: this.kit, parts: this.parts, answerKeptForLater: (dc: DialogContext) => this.answerKeptForLater(dc) };
    return (await readInFlow(task, innerDc)) ?? super.onContinueDialog(innerDc);
  }

  /** Booking: a time said before "When would you prefer?" is asked is kept for it. */
  protected override keepLaterDetails(context: TurnContext, text: string, flow: LaterFlow, open?: QuestionKey): string[] {
    return [...this.parts.details.keptNow(context), ...this.parts.earlyTime.keep(context, text, flow, open)];
  }

  /**
   * Right after the answer about cancelling or moving a visit (a follow-up routed back to this
   * topic), "actually no, keep it" is a change of mind: nothing changes, and it is said.
   */
  protected override async onBeginDialog(innerDc: DialogContext, options?: AppointmentTaskOptions): Promise<DialogTurnResult> {
    // "did you book it?" / "¿ya quedó la cita?": answered from what was booked, not a new booking's first question.
    if (this.parts.status.asks(options?.text) && !turnTriage(innerDc.context).match) {
      await this.parts.status.answer(innerDc.context);
      return { status: DialogTurnStatus.complete, result: { kind: 'completed' } satisfies TaskOutcome };
    }
    const before = options?.answers?.action ?? (options?.previous?.intent === this.intent ? options.previous.answers.action : undefined);
    // Going back to the task (after a safety answer, a detour): only the words said now can change
    // its mind; "don't cancel it" of the opening message was read when said (YW06).
    const said = options?.added ?? options?.text;
    // "mejor no la cancelo, la cambio pal otro lunes en la tarde" right after the cancel answer: that visit is moved (newcomer run v23, W10).
    if (said && before === 'cancel' && movesInstead(said) && !turnTriage(innerDc.context).match) {
      const last = options?.answers ?? options?.previous?.answers;
      const answers = { action: 'reschedule', ...(last?.patient ? { patient: last.patient } : {}) };
      return super.onBeginDialog(innerDc, { ...options, text: said, answers, ...(typeof last?.visit === 'string' ? { visitId: last.visit } : {}) });
    }
    if (said && (before === 'cancel' || before === 'reschedule') && keepsVisit(said) && !movesInstead(said) && !turnTriage(innerDc.context).match) {
      // "never mind, i'll keep it. is it still on?": the member's visits answer it (the one named first), not only "nothing changed" (v15 YZ02).
      if (this.kit.phrases.changeOfMind.asksStillOn(said)) {
        const visit = options?.answers?.visit ?? options?.previous?.answers.visit;
        return super.onBeginDialog(innerDc, { ...options, text: said, answers: { action: 'find' }, ...(typeof visit === 'string' ? { visitId: visit } : {}) });
      }
      return this.parts.changes.keep(innerDc, null);
    }
    const moved = options?.previous?.intent === this.intent && options.previous.answers.action === 'reschedule' ? options.previous.answers : null;
    // "actually just cancel it" right after the answer about moving a visit: that same visit (whoever it is for) is cancelled.
    if (options?.text && moved && options.answers?.action !== 'new' && cancelsVisit(options.text) && !turnTriage(innerDc.context).match) {
      const answers = { action: 'cancel', ...(moved.patient ? { patient: moved.patient } : {}) };
      return super.onBeginDialog(innerDc, { ...options, answers, ...(moved.visit ? { visitId: moved.visit } : {}) });
    }
    const { sameTime } = this.parts;
    if (options?.text && moved && !options.answers?.action && !turnTriage(innerDc.context).match && sameTime.keepsVisitDetail(innerDc.context, options.text)) {
      return super.onBeginDialog(innerDc, sameTime.aboutMovedVisit(innerDc.context, options, moved));
    }
    // "cita para mi hijo, tiene infección de oído, lo antes posible": an urgent / same-day visit, not asked.
    // "no, by video please, wednesday the 16th" right after the page: the kind of visit said now wins over the one carried.
    return super.onBeginDialog(innerDc, this.parts.care.fill(innerDc.context, this.parts.details.withModeSaid(innerDc.context, options)));
  }

  /** Who it is for, and for a new visit the kind of care and how to be seen, may be said early. */
  protected override laterQuestions(given: Readonly<Record<string, unknown>>): Readonly<Record<string, QuestionKey>> {
    const action = given.action;
    if (action !== undefined && action !== 'new') return { patient: 'appointment.patient' };
    // A mode already given is changed by its own reading (the last one named, BookingDetails), not by the longest phrase.
    if (given.mode !== undefined) return { patient: 'appointment.patient', care: 'appointment.care' };
    return { patient: 'appointment.patient', care: 'appointment.care', mode: 'appointment.mode' };
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
    // "cambiar mi cita de video a una cita por teléfono" names a new phone visit too: it is a change to the visit.
    if (named === 'new' && this.parts.modes.isSwitch((step.options as TaskOptions | undefined)?.text ?? '')) return step.next({ answer: 'reschedule' } satisfies ChoiceAnswer);
    // "una cita para mí", the words the assistant itself suggests (v14 YZ07): a new visit for the member.
    const text = (step.options as TaskOptions | undefined)?.text;
    if (!named && (this.prefilled(step, 'appointment.care') || this.parts.booking.ownNewVisit(text))) return step.next({ answer: 'new' } satisfies ChoiceAnswer);
    return this.ask(step, 'action', 'appointment.action');
  }

  private async afterAction(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const action = this.answer(step);
    if (!action) return this.stuck(step);
    await this.answered(step, 'action', action);
    // "cancel my lab appointment": the member's own visit, unless a family member is named.
    // "what appts do i have": the member's own visits; "with my doctor": a visit for the member.
    // "no recuerdo el dia": when a visit is, asked with no one else named, is the member's own.
    const { opening } = this.parts;
    const said = (step.options as TaskOptions | undefined)?.text;
    if (!this.prefilled(step, 'appointment.patient') && (action === 'new' ? opening.ownDoctor(said) : opening.ownVisit(said) || (action === 'find' && opening.ownVisitWhen(said)))) return step.next({ answer: 'self' } satisfies ChoiceAnswer);
    return this.ask(step, 'patient', 'appointment.patient');
  }

  private async afterPatient(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const patient = this.answer(step);
    if (!patient) return this.stuck(step);
    await this.answered(step, 'patient', patient);
    if (values(step).action !== 'new') return step.next();
    // "book for my mom shes 78": a relative who is not on the account is said now, never swapped for a proxy.
    if (patient === 'family' && (await this.relativeNotOnAccount(step))) return this.done(step);
    // "book a checkup for my son" with no proxy access: said now, not after the kind of care and the time.
    if (patient === 'family' && (await this.parts.family.none(step.context))) {
      await this.parts.family.explain(step.context);
      return this.done(step);
    }
    // A kind of care named in the words wins over the visit an answer offered ("a checkup instead" after the nurse line).
    const named = (step.options as TaskOptions | undefined)?.added ? null : this.parts.care.named((step.options as TaskOptions | undefined)?.text);
    if (named) return step.next({ answer: named } satisfies ChoiceAnswer);
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

  /** Moving a visit: after the code (or none needed), which visit; anything else passes the mode's answer on. */
  private async visitAfterCode(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (values(step).action !== 'reschedule') return step.next(step.result);
    return this.parts.mover.whichVisit(step);
  }

  private async afterMode(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const action = values(step).action;
    if (action === 'reschedule') this.parts.mover.keepPicked(step);
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
    const opening = (step.options as TaskOptions | undefined)?.text;
    const moving = (step.values as AppointmentValues).moving;
    // "move it a day earlier" / "un día antes": the visit's own day moved, at its own time.
    const shifted = action === 'reschedule' ? this.parts.dayShift.newTime(step.context, opening, moving) : null;
    const said = shifted ?? this.parts.opening.whenInRequest(step.context, opening, action) ?? (step.values as AppointmentValues).newTime;
    // "move my 3pm visit to tuesday at 3pm": the visit's own time moves nothing; said, and the time asked.
    const clash = action === 'reschedule' ? this.parts.newTime.clash(step.context, said, moving) : null;
    if (clash && moving) await this.kit.say(step.context, clash, { visit: this.kit.text(step.context, 'appointment.live.visit', visitVars(this.kit, step.context, moving, this.parts.words.zone(step.context))) });
    else if (said) return step.next({ value: said } satisfies TextAnswer<PreferredTime>);
    // "Same time" is offered only for moving a visit (it keeps the visit's time of day).
    // With no visit known (not signed in), "Same time" would refer to nothing: not offered.
    const ids = action === 'reschedule' && moving ? QUESTIONS['appointment.when'] : QUESTIONS['appointment.when'].filter((id) => id !== 'sameTime');
    const named = moving
      ? { prompt: 'appointment.ask.whenMove', vars: { visit: this.kit.text(step.context, 'appointment.live.visit', visitVars(this.kit, step.context, moving, this.parts.words.zone(step.context))) } }
      : { prompt: 'appointment.ask.when' };
    return step.beginDialog(WHEN_QUESTION, { ...named, choices: { question: 'appointment.when', ids }, maxAttempts: 3 });
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
      // "thursday, same time": the day said, and the time of the visit being moved; said in the
      // request itself too ("can it be the same time next week").
      const opening = (step.options as TaskOptions | undefined)?.text;
      const saysSameTime = (text: string | undefined) => !!text && this.kit.options.mentioned(text, 'appointment.when', ['sameTime']).length > 0;
      state.sameTime = action === 'reschedule' && ('choice' in when ? when.choice === 'sameTime' : saysSameTime(state.whenText) || saysSameTime(opening));
      await this.answered(step, 'when', 'choice' in when ? when.choice : 'given');
      // An illness booked for a later day, not asked for now: a regular visit, not urgent / same day.
      if (action === 'new') await this.parts.care.settle(step, when, [opening, state.whenText]);
    }
    if (!LIVE_ACTIONS.has(action)) return step.next();
    const verify: VerifyOptions =
      action === 'new' ? { topic: 'booking' } : { topic: 'appointments', ...(action === 'find' ? { remember: { topic: 'appointments' } } : {}) };
    return step.beginDialog(VERIFY_DIALOG, verify);
  }

  private async afterVerify(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const action = values(step).action!;
    if (action === 'reschedule') return (step.values as AppointmentValues).visitAsked ? step.next() : this.parts.mover.whichVisit(step);
    if (!LIVE_ACTIONS.has(action)) return step.next();
    const state = step.values as AppointmentValues;
    const verify = (step.result as VerifyResult | undefined) ?? { member: null, route: 'failed' };
    if (!verify.member) {
      state.verify = verify;
      return step.next();
    }
    // Signed in only now: a relative named in the request who is not on the account is said, not booked for another.
    if (action === 'new' && values(step).patient === 'family' && (await this.relativeNotOnAccount(step))) return this.done(step);
    state.live = true;
    if (values(step).care === 'urgent') await this.kit.say(step.context, 'appointment.urgentNote');
    const preferred = state.preferred;
    const when = preferred && 'choice' in preferred ? (preferred.choice as 'asap' | 'any') : preferred && 'value' in preferred ? preferred.value : undefined;
    const opening = (step.options as { text?: string } | undefined)?.text;
    // The visit already chosen, also when going back to the task (a paused task keeps only its answers).
    const visitId = (step.options as AppointmentTaskOptions | undefined)?.visitId ?? (step.options as AppointmentTaskOptions | undefined)?.answers?.visit;
    return step.beginDialog(LIVE_APPOINTMENTS, {
      action: action as LiveAppointmentOptions['action'],
      ...(action !== 'new' && opening ? { about: this.parts.words.about(step.context, opening) } : {}),
      ...(visitId ? { visitId } : {}),
      patient: values(step).patient === 'family' ? 'family' : 'self',
      memberId: verify.member.memberId,
      ...(values(step).care ? { care: values(step).care as CareKind } : {}),
      ...(values(step).mode ? { mode: values(step).mode as VisitMode } : {}),
      ...(when ? { when } : {}),
    } satisfies LiveAppointmentOptions);
  }

  /** A relative named in the request ("for my mom") who is not among the member's proxies: explained. */
  private async relativeNotOnAccount(step: WaterfallStepContext): Promise<boolean> {
    const relative = await this.parts.family.relativeNotOnAccount(step.context, (step.options as TaskOptions | undefined)?.text);
    if (relative) await this.parts.family.explainRelative(step.context, relative);
    return !!relative;
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
    if (action === 'cancel' || action === 'find') {
      await this.parts.answer.manage(step, action, patient);
      return this.done(step);
    }
    const when = state.preferred;
    if (!when || 'stuck' in when) return this.stuck(step);
    // Moving a visit "to next week": the week after the visit's own, not the one it is already in.
    const said = [(step.options as TaskOptions | undefined)?.text, state.whenText];
    await this.parts.answer.schedule(step, this.parts.nextWeek.shift(step.context, when, state.moving, said, this.kit.locale(step.context)));
    return this.done(step);
  }
}
