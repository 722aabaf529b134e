import type { TurnContext } from 'botbuilder';
import type { OptionMatcher } from '../dialogs/common/options';
import { fold } from '../dialogs/common/text';
import { familyMention } from '../dialogs/familyMention';
import type { TaskIntentId } from '../intents/types';

/** A visit named in words (folded text): "can i still make an appointment", "una cita por video". */
const VISIT_WORDS = /\b(appointment|appointments|appt|appts|visit|session|sessions|therapy|counselor|counseling|therapist|cita|citas|consulta|sesion|sesiones|terapia|terapeuta|consejero|consejera|psicologo|psicologa)\b/;

/** Says a response text (key and its values) to the member. */
export type NoteSender = (context: TurnContext, key: string, vars?: Record<string, string>) => Promise<void>;

/**
 * After a crisis answer, a visit asked for ("ok. can i still make an appointment tho, video if
 * possible", "puedo hacer una cita por video?") is a mental-health visit for the member themself
 * (for the family member when one is named), in the mode named: the appointment starts with those
 * answers, and a line says so and how to change them, instead of asking who it is for and what
 * kind of care all over again. Another kind of care named, or another appointment task ("cancel my
 * visit"), is routed as usual.
 */
export class CrisisVisit {
  constructor(
    private readonly options: OptionMatcher,
    private readonly say: NoteSender,
  ) {}

  /** The appointment's first answers (option ids), or null when the message asks for no new mental-health visit. */
  read(text: string, asked: TaskIntentId | null): Record<string, string> | null {
    if (asked !== 'appointment' && asked !== 'telehealth') return null;
    // "can i do a video visit" is a visit; "how do video visits work" (telehealth, no visit word) is not.
    if (asked === 'telehealth' && !VISIT_WORDS.test(fold(text))) return null;
    const care = this.options.prefill(text, 'appointment.care');
    const action = this.options.prefill(text, 'appointment.action');
    if ((care && care !== 'mentalHealth') || (action && action !== 'new')) return null;
    const mode = this.options.mentioned(text, 'appointment.mode')[0];
    const patient = familyMention(this.options, text) ? 'family' : 'self';
    return { action: 'new', patient, care: 'mentalHealth', ...(mode ? { mode } : {}) };
  }

  /** The line that says what the visit starts with, and that it can be changed. */
  async announce(context: TurnContext, answers: Record<string, string>): Promise<void> {
    await this.say(context, `crisisVisit.${answers.patient === 'family' ? 'family' : 'self'}.${answers.mode ?? 'any'}`);
  }
}
