import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { IN_PERSON_ONLY, type CareKind } from '../../services/appointments/appointmentLookup';
import type { DialogKit } from '../common/kit';
import type { TextAnswer } from '../common/questions';
import { PickQuestion } from '../common/pickQuestion';
import { turnInfo, turnTriage } from '../turn';
import { WHEN_QUESTION, type AppointmentFlow, type AppointmentState, type AppointmentTaskOptions } from './appointmentState';
import type { AppointmentParts } from './appointmentParts';
import { visitVars } from './describe';
import { timeAtCodeOffer } from './timeAtCodeOffer';
import { timeAtOpenTimes } from './timeAtOpenTimes';
import type { PreferredTime } from './when';

/** What the readings need of the appointment task they run in (AppointmentDialog). */
export interface InFlowTask {
  readonly intent: 'appointment';
  readonly kit: DialogKit;
  readonly parts: AppointmentParts;
  /** `TaskDialog.answerKeptForLater`. */
  answerKeptForLater(innerDc: DialogContext): Promise<boolean>;
}

/**
 * Moving a visit: words that say which visit but no time ("its the video one with dr chen btw"),
 * said to "When would you prefer?", are kept for picking the visit and the time asked again;
 * they are not a request for the video-visits menu.
 */
export async function readInFlow(task: InFlowTask, innerDc: DialogContext): Promise<DialogTurnResult | null> {
  const { words, modes, changes, mover } = task.parts;
  // The question is on top of this dialog's stack, the waterfall (and its values) under it.
  const flow = innerDc.stack.find((i) => i.id === `${task.intent}.flow`)?.state as { options?: AppointmentTaskOptions; values?: AppointmentState } | undefined;
  const text = turnInfo(innerDc.context).text;
  const action = flow?.values?.action;
  if ((action === 'reschedule' || action === 'cancel') && !turnTriage(innerDc.context).match) {
    // "actually no keep it", "actually just cancel it", "don't cancel it, make it a video visit".
    const changed = await changes.changeOfMind(innerDc, flow as AppointmentFlow, text);
    if (changed) return changed;
  }
  // "actually make it friday" at the SMS code offer: the preferred time is changed and the offer asked again.
  if (!turnTriage(innerDc.context).match) {
    const retimed = await timeAtCodeOffer(task.kit, words, innerDc, flow?.values, text);
    if (retimed) return retimed;
    // "actually afternoons work better for him" at the open times: searched again with it, for the same person.
    const searched = await timeAtOpenTimes(task.kit, words, innerDc, flow?.values, text);
    if (searched) return searched;
  }
  // "same place right?" while moving a visit: answered, then the open question again (the move goes on).
  if (flow?.values?.action === 'reschedule' && words.asksSamePlace(innerDc.context, text)) {
    await task.kit.say(innerDc.context, 'appointment.answer.samePlace');
    await innerDc.repromptDialog();
    return Dialog.EndOfTurn;
  }
  // Booking: "pues es por la tos de la niña" to one of its questions is the visit's reason, not a new health question (v15 YX13).
  const reason = await task.parts.reason.read(innerDc, flow as AppointmentFlow | undefined, text);
  if (reason) return reason;
  // Booking: "in person, at the closest one" said to "When would you prefer?" is about how to be seen, not a time.
  // The last kind named: "video... no, in person" is in person.
  const namedMode = task.parts.details.lastMode(text);
  if (flow?.values?.action === 'new' && namedMode && innerDc.activeDialog?.id === WHEN_QUESTION && words.namesVisit(innerDc.context, text)) {
    await modes.noteForBooking(innerDc, flow.values, namedMode);
    await innerDc.repromptDialog();
    return Dialog.EndOfTurn;
  }
  // Booking: "actually make it in person, he wants them to look at it. thurs afternoon-ish?" to
  // "When would you prefer?": the mode is changed and the time read as usual (newcomer run v21, Z11).
  const values = flow?.values;
  if (values?.action === 'new' && namedMode && innerDc.activeDialog?.id === WHEN_QUESTION && values.mode && values.mode !== namedMode && !turnTriage(innerDc.context).match && !IN_PERSON_ONLY.includes(values.care as CareKind)) {
    values.mode = namedMode;
    await task.kit.memory.remember(innerDc.context, 'mode', namedMode);
  }
  // Booking: "por video... no, mejor en persona" to "What kind of care?" is the visit's mode (the last one named), kept.
  const detail = flow?.values?.action === 'new' ? await task.parts.details.keep(innerDc, flow as AppointmentFlow, text) : null;
  if (detail === 'answered') return Dialog.EndOfTurn;
  // The rest of the message (a day, the kind of care) is kept with it; the open question's own answer is read as usual.
  if (detail === 'kept' && !task.parts.details.answersOpen(innerDc)) {
    if (!(await task.answerKeptForLater(innerDc))) await task.parts.details.sayKept(innerDc);
    return Dialog.EndOfTurn;
  }
  // Booking: "tomorrow morning" to "What kind of care?" is kept for "When would you prefer?", and the question asked again.
  if (flow?.values && task.parts.earlyTime.saidAlone(innerDc, flow.values, text) && (await task.answerKeptForLater(innerDc))) return Dialog.EndOfTurn;
  if (flow?.values?.action === 'reschedule' && flow.values.visits && innerDc.activeDialog?.id === PickQuestion.ID) {
    const picked = await mover.pickAnswer(innerDc, flow.values, text);
    if (picked) return picked;
  }
  // "la del viernes" / "its his checkup on the 14th": the day of the visit they have, not the new one.
  const namesVisit = words.namesVisit(innerDc.context, text) || (!flow?.values?.visitWords && task.parts.opening.namesHeldVisit(text));
  if (flow?.values?.action === 'reschedule' && !flow.values.moving && innerDc.activeDialog?.id === WHEN_QUESTION && namesVisit) {
    flow.values.visitWords = `${flow.values.visitWords ?? ''} ${text}`.trim();
    await task.kit.say(innerDc.context, 'appointment.visitNoted');
    await innerDc.repromptDialog();
    return Dialog.EndOfTurn;
  }
  // "the video one with dr chen" to "When would you prefer?" once the visit is picked: that visit, said back, not a new topic.
  const moving = flow?.values?.action === 'reschedule' ? flow.values.moving : undefined;
  if (moving && innerDc.activeDialog?.id === WHEN_QUESTION && task.parts.movedVisit.describes(innerDc.context, text, moving)) {
    await task.kit.say(innerDc.context, 'appointment.movingThatVisit');
    await innerDc.repromptDialog();
    return Dialog.EndOfTurn;
  }
  // "the monday after that, morning" / "el lunes siguiente": that weekday after the visit being moved (v15 YX08).
  const after = moving && innerDc.activeDialog?.id === WHEN_QUESTION && !turnTriage(innerDc.context).match ? task.parts.dayShift.weekdayAfter(innerDc.context, text, moving) : null;
  if (after) return innerDc.endDialog({ value: after } satisfies TextAnswer<PreferredTime>);
  // "tuesday at 3pm" for the visit on Tuesday at 3:00 PM: that moves nothing; said, and asked again.
  const clash = moving && innerDc.activeDialog?.id === WHEN_QUESTION && !turnTriage(innerDc.context).match ? task.parts.newTime.clashInWords(innerDc.context, text, moving) : null;
  if (clash && moving) {
    await task.kit.say(innerDc.context, clash, { visit: task.kit.text(innerDc.context, 'appointment.live.visit', visitVars(task.kit, innerDc.context, moving, task.parts.words.zone(innerDc.context))) });
    await innerDc.repromptDialog();
    return Dialog.EndOfTurn;
  }
  return null;
}
