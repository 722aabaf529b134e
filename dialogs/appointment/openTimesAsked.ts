import { namesDayOrTime } from '../common/dayWords';
import type { TopicPriorState } from '../memory';

/**
 * Right after the scheduling page (a new visit or a visit moved on the portal), the open times
 * asked for, or the day already given said again (newcomer run v16, W14: "what times do u have?",
 * "didnt i already say wed morning?", "so u cant see the times?"): this chat does not see the open
 * times, so it says so, with the page (already set to the day and time given) and the phone line,
 * never "When would you prefer?" again or the same answer word for word. Texts are folded.
 */

/** The marker the portal's scheduling answer leaves: `date|until|time or part of day` ("" when not given). */
export const PORTAL_WHEN = 'portalWhen';

const TIMES = String.raw`(times?|slots?|openings?|availability|availabilit\w*|appointments|appts|spots?|horarios?|horas|citas|espacios?|turnos?)`;

const ASKS = [
  // "what times do u have?", "which slots are open", "what times are available"
  new RegExp(String.raw`\b(what|which|any|the|open|available|free)( other)? ${TIMES}\b`),
  new RegExp(String.raw`\b${TIMES} (do|does|are|is|r|you|u|they|available|open|free|left)\b`),
  /\b(any|what|which) (openings?|availability)\b|\bwhat(s| is) (open|available|free)\b/,
  // "so u cant see the times?", "can you show me the times"
  /\b(cant|cannot|can|could|dont|do|wont) (you|u|ya)? ?(not )?(see|show|check|look up|give|tell|list|find)( me| us)? (the |any |what |which )?(times?|slots?|openings?|availability|available|open)\b/,
  // "que horarios tienen?", "que horas hay disponibles", "horarios disponibles", "no puede ver los horarios?"
  /\b(que|cuales|cual|hay|tiene|tienen|ver|mostrar|muestre|dar|decir|darme|decirme) (los |las |unos |algun |alguna )?(horarios?|horas|espacios?|citas|turnos?)\b/,
  /\b(horarios?|horas|espacios?|citas|turnos?) (disponibles?|libres?|abiertos?|hay|tienen|tiene)\b/,
];

/** The day and time were already said ("didnt i already say wed morning?", "i told you", "ya le dije el miercoles"). */
const ALREADY_SAID =
  /\b(already (said|told|gave|say|tell|give|picked|chose)|i (said|told (you|u|ya))|didnt i (say|tell|already)|did i not (say|tell)|as i said|like i said|ya (le |te |les )?(dije|habia dicho|di|elegi)|le dije|te dije|como (le |te )?dije)\b/;

/** Words that ask about something else than the day (a person, a cancel, the bill): not a new time. */
const OTHER_THING = /\b(cancel\w*|anul\w*|person|agent|human|persona|agente|bill|factura|refill|receta)\b/;

/**
 * The member keeps the visit they have ("actually nvm ill keep the tuesday one. its still on
 * right?", "olvidalo, me quedo con la del martes"): its day is not a new time for the page (v15 YZ02).
 */
const KEEPS = /\b(keep|keeping|still on|still happening|still good|me quedo con|me quedo con la|sigue en pie|sigue igual|la dejo|lo dejo|dejarla|dejarlo|dejemosla|dejemoslo)\b/;

/** The member's own visits asked for ("what appointments do i have", "que citas tengo"): their list, not the open times (newcomer run v23, Z01). */
const MINE = /\b(what|which) (appointments|appts|visits) (do i have|have i got|am i booked)|\b(list|show|see|check)( me)? (all )?my (upcoming |next |scheduled )?(appointments|appts|visits)\b|\bmy (upcoming|scheduled) (appointments|appts|visits)\b|\b(que|cuales) citas tengo\b|\bmis citas\b/;

/** Most words a new day or time said at the page has ("ok actually thursday afternoon is better for me"). */
const MAX_TIME_WORDS = 14;

export interface OpenTimesAsked {
  /** The scheduling page's day, range end and time (or part of day), as the portal answer left them. */
  date?: string;
  until?: string;
  time?: string;
  /** The page's action and patient (option ids), as the answer had them. */
  action?: string;
  patient?: string;
  /** The follow-up answer given right before (a marker): this one again says why, then a person. */
  last?: string;
  /** The page's kind of care and way to be seen (option ids), as the booking had them. */
  care?: string;
  mode?: string;
  /** The open times were asked for ("what times do u have?"). */
  asks?: boolean;
  /** The day given said again ("didnt i already say wed morning?", "i said next week"). */
  saidAgain?: boolean;
  /** A day or time of day is said: it may change the page's (read by the answer). */
  timeSaid?: boolean;
  /** Another kind of care is said as a correction of the page's ("its not urgent, just a regular appt"): `care` is the new one. */
  careSaid?: boolean;
}

/** The answers' marker for the portal's scheduling answer, to read this follow-up by. */
export function portalWhenMarker(params: { when?: string | undefined; time?: string | undefined }): string {
  const [date, until] = (params.when && params.when !== 'asap' ? params.when : '').split('/');
  return [date ?? '', until ?? '', params.time ?? ''].join('|');
}

/**
 * `outside`: the message asks about something no topic covers (dialogs/offTopic.ts: "oye y va a
 * llover mañana?", "what time does the bank close tomorrow"): its day is that thing's, its "what
 * time" is not the open times; neither is about the page (newcomer run v19, Z08).
 */
export function openTimesAsked(folded: string, prior: TopicPriorState, outside = false): OpenTimesAsked | null {
  const marker = prior.answers?.[PORTAL_WHEN];
  if (prior.topics[0] !== 'appointment' || prior.safety || marker === undefined || MINE.test(folded)) return null;
  const asks = !outside && ASKS.some((re) => re.test(folded));
  const saidAgain = ALREADY_SAID.test(folded);
  // A day or a time of day said right after the page changes the page's day or time (a time of day
  // alone refines the day given), never "When would you prefer?" again or the topics menu (newcomer
  // run v16, X01, W13). The answer reads the time itself.
  const timeSaid = !outside && namesDayOrTime(folded) && !OTHER_THING.test(folded) && !KEEPS.test(folded) && folded.split(' ').length <= MAX_TIME_WORDS;
  if (!asks && !saidAgain && !timeSaid) return null;
  return atPage(prior, { asks, saidAgain, timeSaid });
}

/** The scheduling page's details as the portal answer left them (day, time, care, mode, whom), with what the follow-up says. */
export function atPage(prior: TopicPriorState, said: Pick<OpenTimesAsked, 'asks' | 'saidAgain' | 'timeSaid' | 'careSaid'>): OpenTimesAsked {
  const [date, until, time] = (prior.answers?.[PORTAL_WHEN] ?? '').split('|');
  const { action, patient, care, mode } = prior.answers ?? {};
  return {
    ...(action ? { action } : {}),
    ...(patient ? { patient } : {}),
    // Moving a visit: the visit's kind of care stays on the page (its details are not lost by a new day).
    ...((action === 'new' || action === 'reschedule') && care ? { care } : {}),
    ...(action === 'new' && mode ? { mode } : {}),
    ...(date ? { date } : {}),
    ...(until ? { until } : {}),
    ...(time ? { time } : {}),
    ...(prior.answers?.followUp ? { last: prior.answers.followUp } : {}),
    ...said,
  };
}
