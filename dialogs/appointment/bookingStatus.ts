import type { TurnContext } from 'botbuilder';
import { timeZoneOf } from '../common/dates';
import type { DialogKit } from '../common/kit';
import type { MemberRecords } from '../common/memberRecords';
import { fold } from '../common/text';
import { visitVars } from './describe';

/**
 * Asking whether the visit was booked ("did you book it?", "is it booked?", "did it go through",
 * "¿ya quedó la cita?", "¿quedó agendada?", "¿se hizo la reserva?"), folded (no accents, no
 * punctuation): a question about the booking, not a new one.
 */
const ASKS_BOOKED = [
  /\bdid (?:you|u|it|that|the (?:appointment|appt|visit|booking)) (?:book|schedule|go through|get booked|get scheduled|work)\b/,
  /\b(?:is|was|has) (?:it|that|my (?:appointment|appt|visit)|the (?:appointment|appt|visit|booking)|everything)(?: been)? (?:booked|scheduled|confirmed|set up|all set|done)\b/,
  /\bam i (?:booked|scheduled|confirmed|all set)\b/,
  /\bquedo (?:la |mi )?(?:cita|consulta|reserva|agendad[ao]|programad[ao]|reservad[ao]|confirmad[ao]|lista|hecha)\b|^(?:y |entonces )?ya quedo\b/,
  /\besta (?:la |mi )?(?:cita|consulta) (?:agendada|programada|reservada|confirmada|lista|hecha)\b/,
  /\b(?:se|me la|ya la) (?:agendo|programo|reservo|hizo|confirmo|agendaste|programaste|reservaste|hiciste)\b/,
  /\btengo (?:la )?cita (?:confirmada|agendada|programada|reservada)\b/,
];
/** A request to book, not a question about one ("can you book it for friday", "quiero una cita"). */
const ASKS_TO_BOOK = /\b(?:can|could|would|will|please) (?:you )?(?:book|schedule)\b|\b(?:puede|podria|quiero|necesito)\b/;
/** A question about the booking is short; a longer message is read as usual. */
const MOST_WORDS = 10;

/**
 * The words ask whether a visit was booked (also read by the routing, dialogs/main/routeDecider.ts,
 * so that the question reaches the appointment task whatever the recognizer makes of it).
 */
export function asksBooked(text: string | undefined): boolean {
  if (!text) return false;
  const folded = fold(text).trim();
  if (folded.split(/\s+/).length > MOST_WORDS || ASKS_TO_BOOK.test(folded)) return false;
  return ASKS_BOOKED.some((words) => words.test(folded));
}

/**
 * "Did you book it?" after the booking conversation ended: answered from what this conversation
 * booked (the visit's id, kept by LiveAppointmentsDialog) and the appointments back end (the visit,
 * its day and time), or that nothing was booked here; never a new booking's first question.
 */
export class BookingStatus {
  constructor(
    private readonly kit: DialogKit,
    private readonly records: Pick<MemberRecords, 'upcoming'>,
    private readonly timeZone: string,
  ) {}

  /** The words ask whether a visit was booked. */
  asks(text: string | undefined): boolean {
    return asksBooked(text);
  }

  /** Says whether the visit was booked, from the back end, with the page that shows it. */
  async answer(context: TurnContext): Promise<void> {
    const note = await this.kit.memory.booking(context);
    const page = { links: [this.kit.link(context, 'appointments.upcoming')] };
    if (!note?.booked) {
      await this.kit.send(context, { text: this.kit.text(context, 'appointment.status.nothingBooked'), ...page });
      return;
    }
    const upcoming = await this.records.upcoming(context, note.subjectId);
    if (!upcoming.verified || !upcoming.value.ok) {
      await this.kit.send(context, { text: this.kit.text(context, 'appointment.status.cannotCheck'), ...page });
      return;
    }
    const visit = upcoming.value.value.find((v) => v.id === note.visitId);
    const text = visit
      ? this.kit.text(context, 'appointment.status.booked', visitVars(this.kit, context, visit, timeZoneOf(context, this.timeZone)))
      : this.kit.text(context, 'appointment.status.gone');
    await this.kit.send(context, { text, ...page });
  }
}
