import type { TurnContext } from 'botbuilder';
import type { DialogKit } from './common/kit';
import { isRefillable } from '../services/pharmacy/prescriptionLookup';
import { IN_PERSON_ONLY, type CareKind } from '../services/appointments/appointmentLookup';
import type { BookingRequest } from './appointment/bookingRequest';
import type { FollowUp, RenewFor } from './followUps';
import { renewalAnswer } from './refill/renewal';
import { LAST_RX_STEP, type RenewalFor } from './refill/renewalFor';
import { statusMeaning } from './refill/statusMeaning';
import { turnInfo } from './turn';
import { describePreferredTime, PARTS_OF_DAY, whenParams, type PartOfDay, type PreferredTime } from './appointment/when';
import { PORTAL_WHEN, portalWhenMarker } from './appointment/openTimesAsked';
import { mergedTime, timeSaidAfter } from './appointment/timeAtOpenTimes';
import type { VisitWords } from './appointment/visitWords';

/** Reads a day or time in the member's words, as the booking does. */
export type PageTimes = Pick<VisitWords, 'timeSaid' | 'now'>;

/**
 * The short answers to a follow-up about the answer just given (dialogs/followUps.ts), each with
 * that answer's pages again: a day at a place (its phone line's days and hours, and where each
 * location's own hours are), how to do it / what this chat cannot do, a narrower wish, and "no es
 * emergencia" after the nurse line (the nurse line, an e-visit, a same-day visit), and one aspect
 * of the answer (its line, when, what it means, a code, a person, "do it"). The texts offer
 * a person; "anything else?" after them has the button.
 */
export class FollowUpAnswers {
  /** `renewals`: the signed-in member's prescriptions, to name the medicine a renewal asked of the chat is about. */
  /** `times`: reads a day or time said right after the scheduling page (the booking's own reading). */
  constructor(
    private readonly kit: DialogKit,
    private readonly renewals?: RenewalFor,
    private readonly times?: PageTimes,
    /** `modes`: the kinds of visit wanted in the words ("no, by video please"), as the booking reads them. */
    private readonly modes?: Pick<BookingRequest, 'wantedModes'>,
  ) {}

  async send(context: TurnContext, followUp: Exclude<FollowUp, { kind: 'place' | 'reminders' }>): Promise<void> {
    const kit = this.kit;
    switch (followUp.kind) {
      case 'placeDay': {
        const phone = kit.profile.phone(followUp.line, kit.locale(context));
        await kit.send(context, { text: kit.text(context, 'followUp.placeDay', { ...phone }), links: [kit.link(context, 'messaging.findClinic')] });
        return;
      }
      case 'howTo':
      case 'again':
      case 'qualify': {
        // A marker (never the member's words): the same follow-up answer is not given twice in a row.
        await kit.memory.remember(context, 'followUp', followUp.kind);
        // The answer's own steps where it has them (sign-in help: no "sign in if it asks").
        const steps = followUp.kind === 'howTo' && followUp.answered ? `followUp.steps.${followUp.answered}` : null;
        const key = steps && kit.catalog.has(steps) ? steps : `followUp.${followUp.kind}`;
        const phone = kit.profile.phone('memberServices', kit.locale(context));
        const reply = { text: kit.text(context, key, { ...phone }), links: followUp.links.map((link) => kit.link(context, link)) };
        // It stands for the answer just given: what the member asks about it when it can be said
        // (dialogs/answerEcho.ts); the generic how-to's two wordings say the same, so a third ask
        // gets "no more detail", not the other one (an answer's own steps are an answer of their own).
        const answered = followUp.kind === 'qualify' ? undefined : followUp.answered;
        const as = key === steps ? {} : { as: 'followUp.howTo' };
        await kit.sendAnswer(context, reply, followUp.kind === 'qualify' ? {} : { ...as, repeats: true, ...(answered ? { subject: answered } : {}) });
        return;
      }
      case 'about':
        if (followUp.renewFor) return this.renew(context, followUp, followUp.renewFor);
        if (followUp.explainRx) return this.explainRx(context, followUp, followUp.explainRx.lastRx);
        return this.about(context, followUp);
      case 'openTimes':
        return this.openTimes(context, followUp);
      case 'comeIn':
      case 'notUrgent': {
        const nurse = kit.profile.phone('nurseLine', kit.locale(context));
        await kit.send(context, {
          text: kit.text(context, `followUp.${followUp.kind}`, { ...nurse }),
          links: [kit.link(context, 'telehealth.eVisit'), kit.link(context, 'appointments.schedule', { action: 'new', patient: 'self', care: 'urgent', when: 'asap' })],
        });
        return;
      }
    }
  }

  /**
   * The open times asked for right after the scheduling page: this chat does not see them, so it
   * says so, with the page set to the day and time given and the phone line; asked again, why it
   * comes again; a third time, a person (never the same words three times in a row).
   */
  private async openTimes(context: TurnContext, atPage: OpenTimes): Promise<void> {
    const kit = this.kit;
    // "no, by video please, wednesday the 16th": the kind of visit said with it is taken too, and kept (v17 W01).
    const mode = this.modeSaid(context, atPage);
    if (mode) await kit.memory.remember(context, 'mode', mode);
    const followUp = mode ? { ...atPage, mode } : atPage;
    const first = 'followUp.about.openTimes';
    const asked = followUp.last === first || followUp.last === `${first}Any` ? 'again' : followUp.last?.startsWith(`${first}Again`) ? 'stuck' : 'first';
    const { date, until, time } = followUp;
    const clock = time && /^\d{2}:\d{2}$/.test(time) ? time : null;
    const part = time && (PARTS_OF_DAY as readonly string[]).includes(time) ? (time as PartOfDay) : null;
    let given: PreferredTime | null = date || clock || part ? { date: date ?? null, until: until ?? null, time: clock, partOfDay: part } : null;
    // Another kind of care said as a correction of the page: the page again with it, all else kept.
    if (followUp.careSaid && followUp.care) {
      await kit.memory.remember(context, 'care', followUp.care);
      return this.retimed(context, followUp, given);
    }
    // A new day or time said right after the page ("actually thursday aftrnoon is better", "en la
    // mañana de preferencia"): the page again with it, a time of day alone on the day given (v16 X01, W13).
    const said = followUp.timeSaid && this.times ? timeSaidAfter(this.times, context, turnInfo(context).text, given) : null;
    if (said) {
      const when = mergedTime(given, said);
      const changed = JSON.stringify(whenParams(when)) !== JSON.stringify(given ? whenParams(given) : {});
      if (!followUp.asks && (changed || !followUp.saidAgain || mode)) return this.retimed(context, followUp, when);
      given = when;
    }
    // Only another kind of visit wanted ("actually could it be video instead"): the page again with it, all else kept (v21).
    if (mode && !followUp.asks && !followUp.saidAgain) return this.retimed(context, followUp, given);
    const locale = kit.locale(context);
    const partNames = Object.fromEntries(PARTS_OF_DAY.map((p) => [p, kit.text(context, `appointment.partOfDay.${p}`)])) as Record<PartOfDay, string>;
    const when = given ? describePreferredTime(given, locale, partNames) : '';
    const key = asked === 'stuck' ? 'followUp.about.stillStuck' : `${first}${asked === 'again' ? 'Again' : ''}${given ? '' : 'Any'}`;
    await kit.memory.remember(context, 'followUp', key);
    const phone = kit.profile.phone('memberServices', locale);
    const params = { action: followUp.action, patient: followUp.patient ?? 'self', care: followUp.care, mode: followUp.mode, ...(given ? whenParams(given) : {}) };
    await kit.memory.remember(context, PORTAL_WHEN, portalWhenMarker(params));
    await kit.send(context, { text: kit.text(context, key, { ...phone, when }), links: [kit.link(context, 'appointments.schedule', params)] });
  }

  /** Another kind of visit wanted in the words said at a new visit's page (a blood draw or a shot stays in person). */
  private modeSaid(context: TurnContext, followUp: OpenTimes): string | null {
    if (followUp.action !== 'new' || !followUp.mode || IN_PERSON_ONLY.includes(followUp.care as CareKind)) return null;
    const wanted = this.modes?.wantedModes(turnInfo(context).text).at(-1);
    return wanted && wanted !== followUp.mode ? wanted : null;
  }

  /** The scheduling page again, set to the new day or time, with the choices the booking had. */
  private async retimed(context: TurnContext, followUp: OpenTimes, when: PreferredTime | null): Promise<void> {
    const kit = this.kit;
    const locale = kit.locale(context);
    const partNames = Object.fromEntries(PARTS_OF_DAY.map((p) => [p, kit.text(context, `appointment.partOfDay.${p}`)])) as Record<PartOfDay, string>;
    // No day on the page (a care corrected after "any time" or "as soon as possible"): still none.
    const whenText = when ? describePreferredTime(when, locale, partNames) : kit.text(context, 'options.appointment.when.any');
    const patient = followUp.patient ?? 'self';
    const params = { action: followUp.action ?? 'new', patient, care: followUp.care, mode: followUp.mode, ...(when ? whenParams(when) : {}) };
    const lines = [
      (followUp.action ?? 'new') === 'new' && followUp.care && followUp.mode
        ? kit.text(context, 'appointment.done.new', { care: kit.text(context, `options.appointment.care.${followUp.care}`), mode: kit.text(context, `options.appointment.mode.${followUp.mode}`), when: whenText })
        : kit.text(context, patient === 'family' ? 'appointment.done.rescheduleFamily' : 'appointment.done.reschedule', { when: whenText, to: '' }),
    ];
    if (patient === 'family') lines.push(kit.text(context, 'appointment.familyNote'));
    lines.push(kit.text(context, 'appointment.orCall', { number: kit.profile.phone('memberServices', locale).number }));
    await kit.memory.remember(context, PORTAL_WHEN, portalWhenMarker(params));
    await kit.memory.remember(context, 'followUp', 'retimed');
    await kit.send(context, { text: lines.join('\n\n'), links: [kit.link(context, 'appointments.schedule', params)] });
  }

  private async about(context: TurnContext, followUp: About, lead?: string): Promise<void> {
    const kit = this.kit;
    // A marker (never the member's words): the same aspect's answer is not given twice in a row.
    await kit.memory.remember(context, 'followUp', followUp.text);
    const phone = followUp.line ? kit.profile.phone(followUp.line, kit.locale(context)) : undefined;
    const days = kit.profile.data.careTeam.messageReplyBusinessDays;
    const links = followUp.renewal ? renewalAnswer(kit, context).links : followUp.links.map((key) => kit.link(context, key));
    const line = followUp.line ? kit.text(context, `phones.${followUp.line}`) : '';
    const site = followUp.app ? new URL(kit.profile.data.baseUrl).host : '';
    const text = kit.text(context, followUp.text, { ...phone, line, tty: kit.profile.phones.tty, days, site, plan: kit.profile.data.planName });
    await kit.send(context, { text: lead ? `${lead} ${text}` : text, links });
  }

  /**
   * What a prescription's status means and what comes next: the medicine the message names among
   * the member's own, else the one the answer before was about; none known (nobody signed in, the
   * list was shown), what each status means.
   */
  private async explainRx(context: TurnContext, followUp: About, lastRx: string | undefined): Promise<void> {
    const kit = this.kit;
    const target = this.renewals ? await this.renewals.which(context, turnInfo(context).text, lastRx) : null;
    if (!target) return this.about(context, followUp);
    await kit.memory.remember(context, LAST_RX_STEP, target.prescription.id);
    await kit.memory.remember(context, 'followUp', followUp.text);
    const links = followUp.links.map((key) => kit.link(context, key));
    await kit.send(context, { text: statusMeaning(kit, context, target.prescription), links });
  }

  /**
   * A renewal asked of this chat: it cannot send one. The medicine is named (the one the message
   * names among the member's own prescriptions, else the one the answer before was about); one
   * that still has refills needs no renewal, and its refill is offered instead. The same medicine
   * asked again right after gets a person.
   */
  private async renew(context: TurnContext, followUp: About, renewFor: RenewFor): Promise<void> {
    const kit = this.kit;
    const target = this.renewals ? await this.renewals.which(context, turnInfo(context).text, renewFor.lastRx) : null;
    const another = !!target && target.named && target.prescription.id !== renewFor.lastRx;
    // Pushed back right after "I can't send it" ("no la puedes mandar tu?", "can't you do it"): a
    // plain no and the one step, never "sorry that didn't help"; asked again after that, a person.
    if (renewFor.again && !another && renewFor.afterDoIt) return this.about(context, { kind: 'about', text: 'followUp.about.renewalCantSend', line: 'pharmacy', links: ['messaging.messageCareTeam'] });
    if (renewFor.again && !another) return this.about(context, { kind: 'about', text: 'followUp.about.stillStuck', line: 'pharmacy', links: [] });
    if (!target) return this.about(context, followUp);
    const p = target.prescription;
    // By id (never its name): "and can you renew it" next means this one.
    await kit.memory.remember(context, LAST_RX_STEP, p.id);
    const vars = { medication: kit.terms.medication(p.medication, kit.locale(context)), rx: p.rxNumber };
    // Whether it needs renewing, asked: by the refills it has left (one ready for pickup with refills left needs none yet).
    const left = p.refillsLeft ?? 0;
    if (followUp.text === RENEW_WHEN_TEXT && left > 0) {
      await kit.memory.remember(context, 'followUp', followUp.text);
      await kit.send(context, { text: kit.text(context, 'followUp.about.renewalNotYet', { ...vars, left }), links: [kit.link(context, 'pharmacy.prescriptions')] });
      return;
    }
    if (isRefillable(p)) {
      await kit.memory.remember(context, 'followUp', 'followUp.about.renewalNotNeeded');
      await kit.send(context, { text: kit.text(context, 'followUp.about.renewalNotNeeded', { ...vars, left }), links: [kit.link(context, 'pharmacy.refill')] });
      return;
    }
    // Refills left on record though the member asks for a renewal (the bottle may say 0): the
    // record's count and that a label may be older, then how the request reaches the care team.
    return this.about(context, followUp, kit.text(context, left > 0 ? 'followUp.about.renewalOnRecord' : 'followUp.about.renewalOf', { ...vars, left }));
  }
}

type About = Extract<FollowUp, { kind: 'about' }>;
type OpenTimes = Extract<FollowUp, { kind: 'openTimes' }>;

/** The answer on whether or when a medicine needs renewing (dialogs/followUps.ts). */
const RENEW_WHEN_TEXT = 'followUp.about.renewalWhen';
