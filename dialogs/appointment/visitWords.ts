import type { TurnContext } from 'botbuilder';
import type { Clock } from '../../common/clock';
import type { Locale } from '../../intents/types';
import type { CareKind, VisitMode } from '../../services/appointments/appointmentLookup';
import { timeZoneOf } from '../common/dates';
import type { DialogKit } from '../common/kit';
import type { VisitMention } from './visitMention';
import type { VisitModes } from './visitModes';
import { describePreferredTime, memberNow, PARTS_OF_DAY, type PreferredTime, type PreferredTimeParser } from './when';

/**
 * Reading the member's words about a visit and a time, in the member's time zone (the channel's,
 * else the configured one: never the server's): a day or time said, which visit is spoken of, a
 * question about where.
 */
export class VisitWords {
  constructor(
    private readonly kit: DialogKit,
    private readonly times: PreferredTimeParser,
    private readonly modes: VisitModes,
    private readonly deps: { clock: Clock; timeZone: string },
  ) {}

  /** The member's time zone: the channel's (Web Chat), else MEMBER_TIME_ZONE (SMS, Teams). */
  zone(context: TurnContext): string {
    return timeZoneOf(context, this.deps.timeZone);
  }

  /** Now, as the member's wall clock. */
  now(context: TurnContext): Date {
    return memberNow(this.deps.clock(), this.zone(context));
  }

  /** The words read as a preferred time (in the turn's language, or the one given). */
  parse(context: TurnContext, text: string, locale: Locale = this.kit.locale(context)): ReturnType<PreferredTimeParser['parse']> {
    return this.times.parse(text, locale, this.now(context));
  }

  /** A day, a time of day or a clock time in the words ("mañana en la tarde", "next friday at 3"). */
  timeSaid(context: TurnContext, text: string): PreferredTime | null {
    const parsed = this.parse(context, text);
    return parsed.ok && (parsed.value.date || parsed.value.partOfDay || parsed.value.time) ? parsed.value : null;
  }

  /** Which visit the words speak of: its words, its kind, its mode and its day. */
  about(context: TurnContext, text: string): VisitMention {
    const opts = this.kit.options;
    const named = this.modes.named(text);
    const mode = named.current ?? (named.to ? undefined : opts.prefill(text, 'appointment.mode'));
    const care = opts.prefill(text, 'appointment.care');
    const day = this.parse(context, text);
    return {
      text,
      ...(mode ? { mode: mode as VisitMode } : {}),
      ...(care ? { care: care as CareKind } : {}),
      ...(day.ok && day.value.date ? { from: day.value.date, until: day.value.until ?? day.value.date } : {}),
    };
  }

  /** "is it the same place?" / "¿mismo lugar?": a question about where, with no day or time in it. */
  asksSamePlace(context: TurnContext, text: string): boolean {
    if (this.kit.options.prefill(text, 'appointment.info', ['samePlace']) !== 'samePlace') return false;
    return !this.parse(context, text).ok;
  }

  /** A kind of visit or care named, and no day or time: words about which visit. */
  namesVisit(context: TurnContext, text: string): boolean {
    if (!this.kit.options.mentioned(text, 'appointment.mode').length && !this.kit.options.prefill(text, 'appointment.care')) return false;
    if (this.kit.phrases.interruption(text)) return false;
    return !this.parse(context, text).ok;
  }

  /** A preferred time in the member's language ("next Tuesday afternoon"). */
  describe(context: TurnContext, time: PreferredTime): string {
    return describePreferredTime(time, this.kit.locale(context), this.partNames(context));
  }

  private partNames(context: TurnContext) {
    return Object.fromEntries(PARTS_OF_DAY.map((p) => [p, this.kit.text(context, `appointment.partOfDay.${p}`)])) as Record<
      (typeof PARTS_OF_DAY)[number],
      string
    >;
  }
}
