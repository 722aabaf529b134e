import type { RoutingPolicy } from './common/kit';
import type { OptionMatcher } from './common/options';
import { fold } from './common/text';
import { aspectOf } from './followUpAspects';
import type { TopicPriorState } from './memory';
import type { PhraseBook } from './phrases';
import type { TurnInfo } from './turn';

/** A visit named in words, whoever it is with (folded text). */
const VISIT_WORDS = /\b(appointment|appointments|appt|appts|visit|session|sessions|therapy appointment|cita|citas|consulta|sesion|sesiones)\b/;

/**
 * Right after the mental-health answer (its line and booking page), a request for a visit or a way
 * to be seen ("i only want an appointment", "by phone", "por video") goes on to book a
 * mental-health visit, in that mode: the answers the appointment begins with. A reply that the
 * answer was not what was asked ("no im asking about my reminders"), another kind of care,
 * another appointment task ("cancel my visit"), a person to talk to or a number asked for is routed
 * as usual.
 */
export class MentalHealthVisit {
  constructor(
    private readonly options: OptionMatcher,
    private readonly phrases: PhraseBook,
    private readonly policy: RoutingPolicy,
  ) {}

  /** The appointment's first answers (option ids), or null when the message asks for no visit. */
  read(turn: TurnInfo, prior: TopicPriorState | undefined): Record<string, string> | null {
    if (prior?.safety !== 'mentalHealth') return null;
    const folded = fold(turn.text);
    // "an appointment to talk to someone", "una cita para hablar con alguien": a visit, whoever it is with.
    const visit = VISIT_WORDS.test(folded);
    // "what?? no im asking about my appointment reminders by text": the answer was not what was asked (newcomer run v22, X07).
    if (this.phrases.changeOfMind.rejects(turn.text)) return null;
    if (!visit && this.phrases.interruption(turn.text)) return null;
    if ((!visit && aspectOf(folded) === 'person') || /\b(number|numbers|numero|numeros)\b/.test(folded)) return null;
    const care = this.options.prefill(turn.text, 'appointment.care');
    const action = this.options.prefill(turn.text, 'appointment.action');
    if ((care && care !== 'mentalHealth') || (action && action !== 'new')) return null;
    const mode = this.options.mentioned(turn.text, 'appointment.mode')[0];
    const { intent, score } = turn.result;
    if (!mode && !visit && !(intent === 'appointment' && score >= this.policy.routeAt)) return null;
    return { action: 'new', care: 'mentalHealth', ...(mode ? { mode } : {}) };
  }
}
