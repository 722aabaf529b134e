import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { DialogKit } from '../common/kit';
import { ChoiceQuestion, type ChoiceQuestionOptions } from '../common/questions';
import type { AppointmentState } from './appointmentState';
import type { VisitWords } from './visitWords';
import { mergedTime } from './timeAtOpenTimes';

/**
 * A day or time said at the SMS code offer ("1. Text me a code 2. Not now") while booking or moving
 * ("actually make it friday", "mejor el viernes"): it changes the request, not answers the offer.
 * The preferred time is updated (a day alone keeps the part of the day said before, and the other
 * way round), said back, and the offer asked again; it was read as "Not now".
 */
export async function timeAtCodeOffer(kit: DialogKit, words: VisitWords, innerDc: DialogContext, state: AppointmentState | undefined, text: string): Promise<DialogTurnResult | null> {
  if (!state || (state.action !== 'new' && state.action !== 'reschedule')) return null;
  let leaf: DialogContext = innerDc;
  while (leaf.child) leaf = leaf.child;
  const active = leaf.activeDialog;
  if (active?.id !== ChoiceQuestion.ID || (active.state as { options?: ChoiceQuestionOptions }).options?.question !== 'identity.smsOffer') return null;
  const question = leaf.findDialog(ChoiceQuestion.ID) as ChoiceQuestion;
  if (question.accepts(active, innerDc.context)) return null;
  const said = words.timeSaid(innerDc.context, text);
  if (!said) return null;
  const values = state;
  const before = values.preferred && 'value' in values.preferred ? values.preferred.value : null;
  const merged = mergedTime(before, said);
  values.preferred = { value: merged };
  values.whenText = text;
  await kit.say(innerDc.context, 'appointment.timeNoted', { when: words.describe(innerDc.context, merged) });
  await leaf.repromptDialog();
  return Dialog.EndOfTurn;
}
