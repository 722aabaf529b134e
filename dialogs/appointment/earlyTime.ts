import type { TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import type { DialogKit } from '../common/kit';
import { ChoiceQuestion } from '../common/questions';
import type { LaterFlow } from '../common/taskDialog';
import type { QuestionKey } from '../questions';
import { turnInfo } from '../turn';
import { isTask, type AppointmentState } from './appointmentState';
import { mergedTime, timeSaidAfter } from './timeAtOpenTimes';
import type { VisitWords } from './visitWords';

/**
 * Booking: a day or time said before "When would you prefer?" is asked ("atención primaria, mañana
 * en la tarde", "tomorrow morning" to "What kind of care?") is kept as the preferred time, and
 * "as soon as possible" / "any time" as that answer, so "When would you prefer?" is not asked.
 */
export class EarlyTime {
  constructor(
    private readonly kit: DialogKit,
    private readonly words: VisitWords,
  ) {}

  /**
   * A day or time said alone to an earlier question, to be kept for "When would you prefer?" with
   * whatever else it answers (before the symptoms model may read a time of day as one). A message
   * the question accepts, or with words asking for something else, is left to the usual reading.
   */
  saidAlone(innerDc: DialogContext, state: AppointmentState, text: string): boolean {
    const context = innerDc.context;
    const active = innerDc.activeDialog;
    if (state.action !== 'new' || state.when !== undefined || active?.id !== ChoiceQuestion.ID) return false;
    const question = innerDc.findDialog(ChoiceQuestion.ID) as ChoiceQuestion;
    if (question.accepts(active, context) || this.kit.phrases.interruption(text)) return false;
    const { result } = turnInfo(context);
    if (result.intent !== 'appointment' && isTask(result.intent) && result.score >= this.kit.policy.routeAt) return false;
    return !!this.words.timeSaid(context, text);
  }

  /** A day or time (or "as soon as possible") in an answer to another question: kept in the flow, and said back. */
  keep(context: TurnContext, text: string, flow: LaterFlow, open?: QuestionKey): string[] {
    const state = (flow.values ?? {}) as AppointmentState;
    // Said to "What would you like to do?", only with a new visit: a day beside "move my tuesday visit" is the visit's.
    const action = state.action ?? flow.options?.answers?.action ?? this.kit.options.prefill(text, 'appointment.action');
    if (action !== 'new' || open === 'appointment.when' || state.when !== undefined) return [];
    // A second day or time corrects the first ("next thursday afternoon", then "actually friday"): the
    // day in that week, the time of day kept (v21).
    const before = state.newTime ?? null;
    const said = before ? timeSaidAfter(this.words, context, text, before) : this.words.timeSaid(context, text);
    const time = said && before ? mergedTime(before, said) : said;
    if (time) {
      state.newTime = time;
      flow.values = state;
      return [this.words.describe(context, time)];
    }
    const choice = this.kit.options.prefill(text, 'appointment.when', ['asap', 'any']);
    if (!choice) return [];
    flow.options = { ...flow.options, answers: { ...flow.options?.answers, when: choice } };
    return [this.kit.text(context, `options.appointment.when.${choice}`)];
  }
}
