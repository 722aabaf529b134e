import type { DialogContext } from 'botbuilder-dialogs';
import { IN_PERSON_ONLY, type CareKind, type VisitMode } from '../../services/appointments/appointmentLookup';
import type { DialogKit } from '../common/kit';
import { fold } from '../common/text';
import type { AppointmentState } from './appointmentState';

/** How the member is seen (in person, video, phone), as named in their words. */
export class VisitModes {
  constructor(private readonly kit: DialogKit) {}

  /**
   * The kinds of visit a message names: one is the visit's own ("my video visit"), unless the
   * message is a change to it ("... to in person"); two are a change, the first the visit's and
   * the last the new one ("from video to in person").
   */
  named(text: string): { current?: VisitMode; to?: VisitMode } {
    const named = this.kit.options.mentioned(text, 'appointment.mode') as VisitMode[];
    if (!named.length) return {};
    // One kind named as the change itself ("change my appointment with dr chen to in person"): the new one.
    // A word for moving alone ("shift my video appt to friday") does not make the kind named the new one.
    if (named.length === 1) return this.kit.options.concept(text, 'appointment.action')?.id === 'reschedule' && this.namedAsNew(text, named[0]!) ? { to: named[0]! } : { current: named[0]! };
    return { current: named[0]!, to: named[named.length - 1]! };
  }

  /**
   * A change of a visit's kind ("cambiar mi cita de video a una cita por teléfono", "switch my
   * video appointment to a phone appointment"): a word for changing a visit, and a new kind named
   * that is not the visit's own. A change to the visit, not a new booking.
   */
  isSwitch(text: string): boolean {
    const { current, to } = this.named(text);
    return !!to && to !== current && this.kit.options.concept(text, 'appointment.action', ['reschedule']) !== null;
  }

  /** The kind is named as where the visit goes: "to in person", "a presencial", "phone instead". */
  private namedAsNew(text: string, mode: VisitMode): boolean {
    const padded = ` ${fold(text)} `;
    return this.kit.options
      .optionPhrases('appointment.mode', mode)
      .some((p) => new RegExp(` (?:to|into|a|al)(?: (?:an?|una?|the|la|el))? ${p} `).test(padded) || new RegExp(` ${p} (?:instead|en vez|en lugar) `).test(padded));
  }

  /** A kind of visit named that is not the visit's own ("make it a video visit"), the last one named. */
  other(text: string, current: VisitMode): VisitMode | undefined {
    return (this.kit.options.mentioned(text, 'appointment.mode') as VisitMode[]).filter((m) => m !== current).at(-1);
  }

  /** The first kind of visit named, if any. */
  first(text: string): VisitMode | undefined {
    return this.kit.options.mentioned(text, 'appointment.mode')[0] as VisitMode | undefined;
  }

  /**
   * Booking: "in person, at the closest one" said to "When would you prefer?" is about how to be
   * seen, not a time: kept (a blood draw or a shot stays in person whatever is said), on the
   * topic's trail as well, and said.
   */
  async noteForBooking(innerDc: DialogContext, state: AppointmentState, named: VisitMode): Promise<void> {
    if (!IN_PERSON_ONLY.includes(state.care as CareKind)) state.mode = named;
    const kept = (state.mode as VisitMode | undefined) ?? named;
    // On the topic's trail too: a correction right after the page keeps the mode now chosen (v17 W01).
    if (state.mode === kept) await this.kit.memory.remember(innerDc.context, 'mode', kept);
    await this.kit.say(innerDc.context, 'appointment.modeNoted', { mode: this.kit.text(innerDc.context, `options.appointment.mode.${kept}`) });
  }
}
