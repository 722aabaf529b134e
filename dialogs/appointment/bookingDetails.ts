import type { TurnContext } from 'botbuilder';
import type { DialogContext, DialogInstance } from 'botbuilder-dialogs';
import { IN_PERSON_ONLY, type CareKind, type VisitMode } from '../../services/appointments/appointmentLookup';
import type { DialogKit } from '../common/kit';
import { Question, type ChoiceAnswer } from '../common/questions';
import { fold } from '../common/text';
import { QUESTIONS, type QuestionKey } from '../questions';
import { turnInfo, turnTriage } from '../turn';
import type { AppointmentFlow, AppointmentTaskOptions } from './appointmentState';
import type { BookingRequest } from './bookingRequest';

/** The booking's questions whose words are details of the visit (how, what care, for whom). */
const DETAIL_QUESTIONS = ['appointment.mode', 'appointment.care', 'appointment.patient'] as const satisfies readonly QuestionKey[];
/** Words left once the details are taken out that are still only a correction or a mood ("no!!", "actually, better", "no mejor"). */
const FILLER_WORDS = 4;
/** Phrases this short ("no", "yo") are too common to take out of a sentence. */
const SHORTEST_PHRASE = 3;
/** Turn state: the details kept this turn, as the member reads them. */
const KEPT = Symbol('appointment.detailsKept');

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
  constructor(
    private readonly kit: DialogKit,
    private readonly request: Pick<BookingRequest, 'wantedModes'>,
  ) {}

  /**
   * The kind of visit the words settle on: the last one named as wanted ("by video... actually in
   * person": in person), never one said no to ("in person she doesnt do video", "no!! in person,
   * NOT video", "presencial, no por video": in person; newcomer run v16 Z04).
   */
  lastMode(text: string): VisitMode | undefined {
    return this.request.wantedModes(text).at(-1) as VisitMode | undefined;
  }

  /**
   * A booking begun again with the answers of the one just before (a correction right after its
   * page: "no, by video please, wednesday the 16th"): a kind of visit wanted in the words said now
   * wins over the one carried (v17 W01); a blood draw or a shot stays in person.
   */
  withModeSaid(context: TurnContext, options: AppointmentTaskOptions | undefined): AppointmentTaskOptions | undefined {
    const carried = options?.answers;
    const said = options?.text;
    if (!carried?.mode || carried.action !== 'new' || !said || said !== turnInfo(context).text) return options;
    const mode = this.lastMode(said);
    if (!mode || mode === carried.mode || IN_PERSON_ONLY.includes(carried.care as CareKind)) return options;
    return { ...options, answers: { ...carried, mode } };
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
    if (!this.onlyDetails(text)) return null;
    const mode = this.lastMode(text);
    if (!mode) return this.otherDetails(innerDc, flow, text);
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
    innerDc.context.turnState.set(KEPT, [this.kit.text(innerDc.context, `options.appointment.mode.${kept}`)]);
    return 'kept';
  }

  /**
   * Only the kind of care or whom the visit is for, around a few words ("no!! para mi hija,
   * atención primaria" to "How would you like to be seen?"): about the booking, not a request for a
   * person. Details new to the booking are kept by the task's usual reading; those it already has are said back.
   */
  private otherDetails(innerDc: DialogContext, flow: AppointmentFlow, text: string): 'kept' | null {
    const named = (['appointment.care', 'appointment.patient'] as const)
      .map((question) => [question, this.kit.options.prefill(text, question)] as const)
      .filter((entry): entry is readonly ['appointment.care' | 'appointment.patient', string] => !!entry[1]);
    if (!named.length || this.answersOpen(innerDc)) return null;
    const given = (question: string) => flow.values[question.slice('appointment.'.length)] !== undefined;
    innerDc.context.turnState.set(KEPT, named.filter(([question]) => given(question)).map(([question, id]) => this.kit.text(innerDc.context, `options.${question}.${id}`)));
    return 'kept';
  }

  /** The details kept or confirmed this turn, in the member's words for the "Got it: ..." line. */
  keptNow(context: TurnContext): string[] {
    return (context.turnState.get(KEPT) as string[] | undefined) ?? [];
  }

  /** Says what was kept (if anything) and asks the open question again. */
  async sayKept(innerDc: DialogContext): Promise<void> {
    const kept = this.keptNow(innerDc.context);
    if (kept.length) await this.kit.say(innerDc.context, 'common.answerKept', { answers: kept.join(', ') });
    await innerDc.repromptDialog();
  }

  /** The open question accepts the message as its answer ("no!! en persona, atención primaria"). */
  answersOpen(innerDc: DialogContext): boolean {
    const active = innerDc.activeDialog;
    const question = active ? innerDc.findDialog(active.id) : undefined;
    return !!active && question instanceof Question && question.accepts(active, innerDc.context);
  }
}
