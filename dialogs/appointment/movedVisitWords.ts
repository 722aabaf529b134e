import type { TurnContext } from 'botbuilder';
import type { Appointment } from '../../services/appointments/appointmentLookup';
import type { DialogKit } from '../common/kit';
import { named } from '../common/mentions';
import type { VisitWords } from './visitWords';

/**
 * Moving a visit already picked: a message at "When would you prefer?" that only describes that
 * visit ("the video one with dr chen", "la consulta por video con la dra chen"), its mode, its kind
 * of care or its clinician, and names no time. It is about the visit being moved, not a new topic
 * (the video-visits menu) and not a change of mode (another mode than the visit's is not this).
 */
export class MovedVisitWords {
  constructor(
    private readonly kit: DialogKit,
    private readonly words: VisitWords,
  ) {}

  describes(context: TurnContext, text: string, visit: Appointment): boolean {
    if (this.kit.phrases.interruption(text) || this.words.parse(context, text).ok) return false;
    const modes = this.kit.options.mentioned(text, 'appointment.mode');
    if (modes.some((mode) => mode !== visit.mode)) return false;
    return this.words.namesVisit(context, text) || named(text, [visit], (a) => [a.clinician]).length > 0;
  }
}
