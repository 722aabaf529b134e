import type { TurnContext } from 'botbuilder';
import type { DialogContext, DialogInstance } from 'botbuilder-dialogs';
import { IN_PERSON_ONLY, type CareKind, type VisitMode } from '../../services/appointments/appointmentLookup';
import type { DialogKit } from '../common/kit';
import { Question, type ChoiceAnswer } from '../common/questions';
import { fold } from '../common/text';
import { QUESTIONS, type QuestionKey } from '../questions';
import { turnTriage } from '../turn';
import type { AppointmentFlow } from './appointmentState';

/** The booking's questions whose words are details of the visit (how, what care, for whom). */
const DETAIL_QUESTIONS = ['appointment.mode', 'appointment.care', 'appointment.patient'] as const satisfies readonly QuestionKey[];
/** Words left once the details are taken out that are still only a correction or a mood ("no!!", "actually, better", "no mejor"). */
const FILLER_WORDS = 4;
/** Phrases this short ("no", "yo") are too common to take out of a sentence. */
const SHORTEST_PHRASE = 3;
/** Turn state: the kind of visit kept this turn. */
const KEPT_MODE = Symbol('appointment.modeKept');

const questionOf = (active: DialogInstance): QuestionKey | undefined => {
  const options = (active.state as { options?: { question?: QuestionKey; choices?: { question?: QuestionKey } } } | undefined)?.options;
  return options?.question ?? options?.choices?.question;
};

/**
 * Booking: a kind of visit said while another of the booking's questions is open ("por video...
 * no, mejor en persona" to "What kind of care?"), with only booking details and a few words of
 * correction or frustration around it ("no!! in person, for my daughter, primary care"). It is
 * the visit's mode, the last one named when the member corrects themself; not a request for the
 * video-visits menu, and "en persona" / "in person" is no request for a person. It is kept for the
 * mode question (or changes the mode already given) and the open question is asked again, or
 * answered when the message answers it too.
 */
export class BookingDetails {
  constructor(private readonly kit: DialogKit) {}

  /** The kind of visit the words settle on: the last one named ("by video... actually in person": in person). */
  lastMode(text: string): VisitMode | undefined {
    return this.kit.options.mentioned(text, 'appointment.mode').at(-1) as VisitMode | undefined;
  }

  /** Without the phrases of the booking's details (mode, care, for whom), only a few words are left. */
  onlyDetails(text: string): boolean {
    let rest = ` ${fold(text)} `;
    const phrases = DETAIL_QUESTIONS.flatMap((question) => QUESTIONS[question].flatMap((id) => this.kit.options.optionPhrases(question, id)))
      .filter((p) => p.length >= SHORTEST_PHRASE)
      .sort((a, b) => b.length - a.length);
    for (const phrase of phrases) rest = rest.split(` ${phrase} `).join('  ');
    return rest.split(' ').filter(Boolean).length <= FILLER_WORDS;
  }

  /**
   * Keeps the kind of visit a booking-detail message names, said to another of the booking's
   * questions: 'answered' when the message ends the open question (the mode question, with a
   * correction in it), 'kept' when the mode is kept for later (what else the message gives is read
   * as usual), null to read the message as usual.
   */
  async keep(innerDc: DialogContext, flow: AppointmentFlow, text: string): Promise<'answered' | 'kept' | null> {
    const active = innerDc.activeDialog;
    const open = active ? questionOf(active) : undefined;
    if (!active || !open || !(DETAIL_QUESTIONS as readonly QuestionKey[]).includes(open)) return null;
    if (turnTriage(innerDc.context).match || this.kit.phrases.interruption(text)) return null;
    const mode = this.lastMode(text);
    if (!mode || !this.onlyDetails(text)) return null;
    if (open === 'appointment.mode') {
      // One kind named is the question's own answer; two or more are a correction, the last one holds.
      if (new Set(this.kit.options.mentioned(text, 'appointment.mode')).size < 2) return null;
      await innerDc.endDialog({ answer: mode } satisfies ChoiceAnswer);
      return 'answered';
    }
    const values = flow.values;
    const kept = IN_PERSON_ONLY.includes(values.care as CareKind) ? 'inPerson' : mode;
    if (kept === mode) {
      if (values.mode !== undefined) values.mode = mode;
      else flow.options = { ...flow.options, answers: { ...flow.options?.answers, mode } };
      await this.kit.memory.remember(innerDc.context, 'mode', mode);
    }
    innerDc.context.turnState.set(KEPT_MODE, kept);
    return 'kept';
  }

  /** The kind of visit kept this turn, in the member's words for the "Got it: ..." line. */
  keptNow(context: TurnContext): string[] {
    const kept = context.turnState.get(KEPT_MODE) as VisitMode | undefined;
    return kept ? [this.kit.text(context, `options.appointment.mode.${kept}`)] : [];
  }

  /** Says the mode kept and asks the open question again (when nothing else in the message was kept). */
  async sayKept(innerDc: DialogContext): Promise<void> {
    await this.kit.say(innerDc.context, 'common.answerKept', { answers: this.keptNow(innerDc.context).join(', ') });
    await innerDc.repromptDialog();
  }

  /** The open question accepts the message as its answer ("no!! en persona, atención primaria"). */
  answersOpen(innerDc: DialogContext): boolean {
    const active = innerDc.activeDialog;
    const question = active ? innerDc.findDialog(active.id) : undefined;
    return !!active && question instanceof Question && question.accepts(active, innerDc.context);
  }
}
