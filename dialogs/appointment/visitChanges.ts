import { DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Appointment, Slot, VisitMode } from '../../services/appointments/appointmentLookup';
import type { DialogKit } from '../common/kit';
import type { TaskOutcome } from '../common/taskDialog';
import type { AppointmentFlow, AppointmentState, AppointmentTaskOptions } from './appointmentState';
import { cancelsVisit, keepsVisit } from './changeOfMind';
import { visitVars } from './describe';
import { LIVE_APPOINTMENTS } from './liveAppointments';
import { movesInstead, startsWithYes } from './moveInsteadWords';
import type { VisitModes } from './visitModes';
import type { VisitWords } from './visitWords';

/**
 * A change of mind while moving or cancelling a visit, before it is confirmed: keep it as it is
 * ("actually no keep it"), cancel the visit being moved ("actually just cancel it"), or move the
 * visit being cancelled to another kind of visit ("don't cancel it, make it a video visit").
 */
export class VisitChanges {
  constructor(
    private readonly kit: DialogKit,
    private readonly words: VisitWords,
    private readonly modes: VisitModes,
    /** The task's waterfall, started again when the task becomes another. */
    private readonly flowId: string,
  ) {}

  /** The member's words as a change of mind while moving or cancelling (the safety triage did not match), or null. */
  async changeOfMind(innerDc: DialogContext, flow: AppointmentFlow, text: string): Promise<DialogTurnResult | null> {
    const action = flow.values.action;
    // "don't cancel it, move it to friday instead" / "mejor cámbiala para otro día" at "Cancel …?": not
    // cancelled, and that visit is moved; a day, a time or a kind of visit said with it is kept.
    const inHand = action === 'cancel' && movesInstead(text) ? this.visitInHand(innerDc, flow.values) : null;
    if (inHand) return this.moveInstead(innerDc, flow, inHand, text);
    // "wait can it just be in person instead? same time" / "mejor presencial" at "Cancel …?": another
    // kind of visit for the visit in hand is a change of it, not a cancel nor a person asked for
    // ("in person" is the visit's mode): not cancelled, and that visit moved to it, at the time said.
    const modeFor = action === 'cancel' && this.asksModeInstead(text) ? this.visitInHand(innerDc, flow.values) : null;
    const toMode = modeFor ? this.modes.other(text, modeFor.mode) : undefined;
    if (modeFor && toMode) {
      // No other day or time named: the same time, in that kind of visit (its page, not "when?").
      if (this.words.timeSaid(innerDc.context, text)) return this.moveInstead(innerDc, flow, modeFor, text);
      return this.switchModeInstead(innerDc, flow, modeFor, toMode, { when: 'sameTime' });
    }
    // "actually no keep it" / "no, mejor déjala" while moving or cancelling: nothing changes, and it is said.
    if (keepsVisit(text)) {
      const visit = this.visitInHand(innerDc, flow.values);
      // "no don't cancel it, can it be by video instead": not cancelled, and that visit is moved to video.
      const to = visit && action === 'cancel' ? this.modes.other(text, visit.mode) : undefined;
      if (visit && to) return this.switchModeInstead(innerDc, flow, visit, to);
      return this.keep(innerDc, visit);
    }
    // "actually just cancel it" while moving: that visit is cancelled (not the task stopped).
    if (action === 'reschedule' && cancelsVisit(text)) return this.cancelInstead(innerDc, flow, text);
    return null;
  }

  /**
   * The words after "never mind" / "olvídalo" ask for a change this task makes: while moving, cancel
   * that visit ("actually nevermind just cancel it"); while cancelling, move it ("nvm, move it to friday instead").
   */
  ownsChange(state: AppointmentState | undefined, rest: string): boolean {
    if (state?.action === 'reschedule') return cancelsVisit(rest);
    if (state?.action === 'cancel') return movesInstead(rest) || this.asksModeInstead(rest);
    return false;
  }

  /** While cancelling, a kind of visit named with no yes, cancel or keep ("can it just be in person instead?", "mejor presencial"). */
  private asksModeInstead(text: string): boolean {
    return !startsWithYes(text) && !cancelsVisit(text) && !keepsVisit(text) && !!this.modes.first(text);
  }

  /** Nothing changes, and it is said (the visit in hand, if known); the task ends. */
  async keep(innerDc: DialogContext, visit: Appointment | null): Promise<DialogTurnResult> {
    const context = innerDc.context;
    if (visit) {
      const described = this.kit.text(context, 'appointment.live.visit', visitVars(this.kit, context, visit, this.words.zone(context)));
      await this.kit.say(context, 'appointment.kept.visit', { visit: described });
    } else {
      await this.kit.say(context, 'appointment.kept.any');
    }
    await innerDc.cancelAllDialogs();
    return { status: DialogTurnStatus.complete, result: { kind: 'completed' } satisfies TaskOutcome };
  }

  /** The visit being moved, or the one a cancel is asking about ("Cancel the … ?"), if known. */
  private visitInHand(innerDc: DialogContext, state: AppointmentState): Appointment | null {
    if (state.moving) return state.moving;
    for (let dc: DialogContext | undefined = innerDc; dc; dc = dc.child) {
      const live = dc.stack.find((i) => i.id === `${LIVE_APPOINTMENTS}.flow`)?.state as { values?: { target?: Appointment | Slot } } | undefined;
      if (live?.values?.target && !('care' in live.values.target)) return live.values.target;
    }
    return null;
  }

  /**
   * Moving a visit, "actually just cancel it": the task becomes cancelling that visit, the one
   * already chosen (straight to "Cancel the … ?"), or the one these words name.
   */
  private async cancelInstead(innerDc: DialogContext, flow: AppointmentFlow, text: string): Promise<DialogTurnResult> {
    const visitId = flow.values.moving?.id;
    const patient = flow.values.patient as string | undefined;
    const opening = flow.options?.text;
    await innerDc.cancelAllDialogs();
    return innerDc.beginDialog(this.flowId, {
      text: visitId ? (opening ?? text) : [opening, text].filter(Boolean).join(' '),
      answers: { action: 'cancel', ...(patient ? { patient } : {}), ...(visitId ? { visit: visitId } : {}) },
      ...(visitId ? { visitId } : {}),
    } satisfies AppointmentTaskOptions);
  }

  /**
   * Cancelling a visit, "don't cancel it, move it to friday instead": nothing is cancelled (said),
   * and the task becomes moving that visit, read from these words (their day, time or kind of visit).
   */
  private async moveInstead(innerDc: DialogContext, flow: AppointmentFlow, visit: Appointment, text: string): Promise<DialogTurnResult> {
    const patient = flow.values.patient as string | undefined;
    const to = this.modes.other(text, visit.mode);
    await this.kit.say(innerDc.context, 'appointment.live.notCancelled');
    await innerDc.cancelAllDialogs();
    return innerDc.beginDialog(this.flowId, {
      text,
      // The visit in the answers too: going back to this task (after a safety answer) keeps it (YW06).
      answers: { action: 'reschedule', ...(patient ? { patient } : {}), visit: visit.id },
      visitId: visit.id,
      ...(to ? { toMode: to } : {}),
    } satisfies AppointmentTaskOptions);
  }

  /**
   * Cancelling a visit, "no, don't cancel it, make it a video visit instead": nothing is cancelled
   * (said), and the task becomes moving that visit to the kind of visit named (when is asked).
   */
  private async switchModeInstead(innerDc: DialogContext, flow: AppointmentFlow, visit: Appointment, to: VisitMode, kept: Record<string, string> = {}): Promise<DialogTurnResult> {
    const patient = flow.values.patient as string | undefined;
    await this.kit.say(innerDc.context, 'appointment.live.notCancelled');
    await innerDc.cancelAllDialogs();
    return innerDc.beginDialog(this.flowId, {
      ...(flow.options?.text ? { text: flow.options.text } : {}),
      // The visit in the answers too: going back to this task (after a safety answer) keeps it (YW06).
      answers: { action: 'reschedule', ...(patient ? { patient } : {}), visit: visit.id, ...kept },
      visitId: visit.id,
      toMode: to,
    } satisfies AppointmentTaskOptions);
  }
}
