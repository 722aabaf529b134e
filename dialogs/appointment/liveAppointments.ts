import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { IN_PERSON_ONLY, type Appointment, type CareKind, type Slot, type VisitMode } from '../../services/appointments/appointmentLookup';
import { timeZoneOf } from '../common/dates';
import type { DialogKit } from '../common/kit';
import { answerWithoutRecords, type MemberRecords, type RecordAnswer, type Subject } from '../common/memberRecords';
import { PickQuestion, type PickAnswer, type PickOptions } from '../common/pickQuestion';
import { ConfirmQuestion, type ConfirmAnswer, type ConfirmDetail } from '../common/confirmQuestion';
import type { ChoiceAnswer } from '../common/questions';
import { containsPhrase, fold } from '../common/text';
import { turnInfo } from '../turn';
import { appointmentList, appointmentTitle, slotTitle, visitVars } from './describe';
import { visitPickItem } from './pickItems';
import { findOpenTimes, type SlotSearch } from './openTimes';
import { openTimesNote } from './openTimesNote';
import { fitsChange, offeredChanges, readSlotChange, type SlotChange } from './slotChange';
import { namedVisitTexts, visitsFirst } from './namedVisit';
import { fittingVisits, type VisitMention } from './visitMention';
import type { PreferredTime } from './when';
import type { FamilyAccess } from './familyAccess';

export const LIVE_APPOINTMENTS = 'appointment.live';

const MODES: readonly VisitMode[] = ['inPerson', 'video', 'phone'];

/** The ways to be seen a member may change to for this care (none for a blood draw, an x-ray or a shot). */
function otherModes(care: CareKind | undefined, mode: VisitMode | undefined): VisitMode[] {
  return care && IN_PERSON_ONLY.includes(care) ? [] : MODES.filter((m) => m !== mode);
}

export interface LiveAppointmentOptions {
  action: 'find' | 'cancel' | 'new';
  /** Cancel / find: the visit the member spoke of, to go straight to it. */
  about?: VisitMention;
  /** Cancel: the visit already chosen (while moving it, "actually just cancel it"): straight to "Cancel …?". */
  visitId?: string;
  patient: 'self' | 'family';
  memberId: string;
  care?: CareKind;
  mode?: VisitMode;
  /** The preferred time (new), or a quick answer: "asap" / "any". */
  when?: PreferredTime | 'asap' | 'any';
  /** New, after a change asked for at "Book …?": the slot it changes and what changes (`slotChange`). */
  change?: SlotChange;
  /** The member already chosen (a change asked for at "Book …?" keeps whose visit it is). */
  subjectId?: string;
}

interface LiveValues {
  stage?: 'subject' | 'pick' | 'confirm';
  subject?: Subject;
  /** The members this member may act for, while they pick one. */
  others?: Subject[];
  /** What is being cancelled or booked, kept in dialog state only while it is asked. */
  items?: Array<Appointment | Slot>;
  target?: Appointment | Slot;
  /** The confirmation was asked again after a question back ("that's for my son, right?"). */
  askedAgain?: boolean;
  /** New: the clinicians of the times offered, one of whom the member may ask for instead. */
  clinicians?: string[];
}

/**
 * A verified member's appointments (MemberRecords checks that, and audits what is shown): the
 * upcoming ones, cancelling one (pick, confirm), and booking a free slot for the kind of care and
 * time they asked for (pick, confirm). "A family member" works only for members the back end
 * says this member may act for (proxy access). Changes carry the turn's idempotency key; a back
 * end that cannot answer gets the portal page and the phone number.
 */
export class LiveAppointmentsDialog extends ComponentDialog {
  constructor(
    private readonly kit: DialogKit,
    private readonly deps: {
      records: MemberRecords;
      clock: () => Date;
      timeZone: string;
      /** A relative named at "Book … for Sam?" ("no, this is for my MOM") who is not on the account. */
      family?: Pick<FamilyAccess, 'relativeNotOnAccount' | 'explainRelative'>;
    },
  ) {
    super(LIVE_APPOINTMENTS);
    this.addDialog(new PickQuestion(kit));
    this.addDialog(new ConfirmQuestion(kit));
    this.addDialog(
      new WaterfallDialog(`${LIVE_APPOINTMENTS}.flow`, [
        (s) => this.chooseSubject(s),
        (s) => this.afterSubject(s),
        (s) => this.afterPick(s),
        (s) => this.afterConfirm(s),
        // Once more, after a question back was answered and the confirmation asked again.
        (s) => this.afterConfirm(s),
      ]),
    );
    this.initialDialogId = `${LIVE_APPOINTMENTS}.flow`;
  }

  private options(step: WaterfallStepContext): LiveAppointmentOptions {
    return step.options as LiveAppointmentOptions;
  }

  private zone(step: WaterfallStepContext): string {
    return timeZoneOf(step.context, this.deps.timeZone);
  }

  private async chooseSubject(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { patient, memberId } = this.options(step);
    const values = step.values as LiveValues;
    const subjects = await this.deps.records.subjects(step.context);
    if (!subjects.verified || !subjects.value.ok) return this.failed(step, subjects);
    const all = subjects.value.value;
    if (patient === 'self') {
      values.subject = all.find((s) => s.memberId === memberId) ?? { memberId, givenName: '', self: true };
      return step.next();
    }
    const others = all.filter((s) => !s.self && (!this.options(step).subjectId || s.memberId === this.options(step).subjectId));
    if (!others.length) return this.finish(step, [this.kit.text(step.context, 'appointment.live.noProxy')], 'appointments.upcoming');
    if (others.length === 1) {
      values.subject = others[0];
      return step.next();
    }
    values.stage = 'subject';
    values.others = others;
    return step.beginDialog(PickQuestion.ID, {
      prompt: 'appointment.live.pickPatient',
      items: others.map((o) => ({ id: o.memberId, title: o.givenName })),
    } satisfies PickOptions);
  }

  private async afterSubject(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as LiveValues;
    if (values.stage === 'subject') {
      const picked = (step.result as PickAnswer | undefined)?.picked;
      values.subject = values.others?.find((o) => o.memberId === picked);
      delete values.others;
      if (!values.subject) return this.finish(step, [this.kit.text(step.context, 'appointment.live.noProxy')], 'appointments.upcoming');
    }
    const { action } = this.options(step);
    return action === 'new' ? this.offerSlots(step) : this.listOrPick(step);
  }

  private async listOrPick(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const subject = (step.values as LiveValues).subject!;
    const zone = this.zone(step);
    const upcoming = await this.deps.records.upcoming(context, subject.memberId);
    if (!upcoming.verified || !upcoming.value.ok) return this.failed(step, upcoming);
    const list = upcoming.value.value;
    const who = { name: subject.givenName };
    if (!list.length) return this.finish(step, [this.kit.text(context, subject.self ? 'appointment.live.none' : 'appointment.live.noneFor', who)], 'appointments.schedule');
    if (this.options(step).action === 'find') {
      const intro = this.kit.text(context, subject.self ? 'appointment.live.listIntro' : 'appointment.live.listIntroFor', who);
      // "is the lab one on the 18th still on?": that visit first, or none fits (v14 YZ05).
      // The visit just spoken of ("i'll keep it. is it still on?" after moving it), when the words name none (v15 YZ02).
      const spoken = list.find((a) => a.id === this.options(step).visitId);
      const named = namedVisitTexts(this.kit, context, list, this.options(step).about, zone, intro) ?? (spoken ? visitsFirst(this.kit, context, list, [spoken], zone) : null);
      return this.finish(step, named ?? [intro, appointmentList(this.kit, context, list, zone)], 'appointments.upcoming');
    }
    const values = step.values as LiveValues;
    // The visit the member spoke of, among their own: straight to it (or a pick among those that fit).
    const chosen = list.find((a) => a.id === this.options(step).visitId);
    if (chosen) {
      values.items = [chosen];
      return this.confirm(step, chosen);
    }
    const about = this.options(step).about;
    const fitting = about ? fittingVisits(this.kit, list, about, zone) : list;
    const offered = fitting.length ? fitting : list;
    if (about && !fitting.length) await this.kit.say(context, 'appointment.live.noneFits');
    values.items = offered;
    if (offered.length === 1) return this.confirm(step, offered[0]!);
    values.stage = 'pick';
    return step.beginDialog(PickQuestion.ID, {
      prompt: 'appointment.live.pickCancel',
      items: offered.map((a) => visitPickItem(this.kit, a, appointmentTitle(this.kit, context, a, zone), zone, this.deps.clock())),
      none: true,
      kept: 'pick.keptVisit',
    } satisfies PickOptions);
  }

  /** `anyMode`: a change asked for fits no time in the mode asked (no phone visits with that clinician): any mode. */
  private async offerSlots(step: WaterfallStepContext, anyMode = false): Promise<DialogTurnResult> {
    const context = step.context;
    const { care, when, change } = this.options(step);
    const mode = anyMode ? undefined : this.options(step).mode;
    if (!care) return this.finish(step, [this.kit.text(context, 'appointment.live.noSlots')], 'appointments.schedule');
    const zone = this.zone(step);
    const now = this.deps.clock();
    let failure: RecordAnswer<unknown> | null = null;
    const search: SlotSearch = async (from, to, limit) => {
      const slots = await this.deps.records.freeSlots(context, { care, ...(mode ? { mode } : {}), from: from.toISOString(), to: to.toISOString(), limit });
      if (slots.verified && slots.value.ok) return change ? slots.value.value.filter((slot) => fitsChange(slot, change)) : slots.value.value;
      failure = slots;
      return null;
    };
    const values = step.values as LiveValues;
    if (change && !change.direction) {
      // The same time in the new mode or with the clinician asked for: straight to "Book …?" again.
      const start = new Date(change.start);
      const same = await search(start, new Date(start.getTime() + 60_000), 10);
      if (!same) return this.failed(step, failure!);
      const exact = same.find((slot) => slot.start === change.start && (!change.clinician || slot.clinician === change.clinician)) ?? same.find((slot) => slot.start === change.start);
      if (exact) {
        values.clinicians = change.clinicians;
        return this.confirm(step, exact);
      }
    }
    // "A later time": the first open times after the one offered (the same day first).
    const later = change?.direction === 'later';
    const open = await findOpenTimes(search, later ? 'asap' : when, later ? new Date(Math.max(now.getTime(), Date.parse(change.start))) : now, zone);
    if (!open) return this.failed(step, failure!);
    if (change && mode && !open.slots.length) return this.offerSlots(step, true);
    if (!open.slots.length) return this.finish(step, [this.kit.text(context, 'appointment.live.noSlots')], 'appointments.schedule');
    if (open.note) await this.kit.send(context, { text: openTimesNote(this.kit, context, open.note, when) });
    values.stage = 'pick';
    values.items = open.slots;
    values.clinicians = [...new Set([...(change?.clinicians ?? []), ...open.slots.map((slot) => slot.clinician).filter((c): c is string => !!c)])];
    return step.beginDialog(PickQuestion.ID, {
      prompt: 'appointment.live.pickSlot',
      vars: { care: this.kit.text(context, `options.appointment.care.${care}`) },
      items: open.slots.map((s) => visitPickItem(this.kit, s, slotTitle(this.kit, context, s, zone), zone, now)),
      none: true,
      // "can it be a video visit instead" at the open times: the same search in that mode.
      changes: [{ question: 'appointment.mode', ids: otherModes(care, mode) }],
    } satisfies PickOptions);
  }

  private async afterPick(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as LiveValues;
    if (values.stage === 'confirm') return step.next(step.result);
    const answer = step.result as PickAnswer | undefined;
    const picked = answer?.picked ? values.items?.find((i) => i.id === answer.picked) : undefined;
    const action = this.options(step).action;
    if (answer?.picked === null && answer.changed) return this.changeMode(step);
    if (!picked) {
      // Stuck (two answers that named no item): said as such, never as if the member had said "none".
      const stuck = !!answer && answer.picked === null && answer.stuck;
      const key = action === 'new' ? (stuck ? 'appointment.live.pickStuckBook' : 'appointment.live.notBooked') : stuck ? 'appointment.live.pickStuckCancel' : 'appointment.live.notCancelled';
      return this.finish(step, [this.kit.text(step.context, key)], action === 'new' ? 'appointments.schedule' : 'appointments.upcoming');
    }
    return this.confirm(step, picked);
  }

  private async confirm(step: WaterfallStepContext, target: Appointment | Slot): Promise<DialogTurnResult> {
    const values = step.values as LiveValues;
    values.stage = 'confirm';
    values.target = target;
    delete values.items;
    const action = this.options(step).action;
    const vars = visitVars(this.kit, step.context, target, this.zone(step));
    const where = target.mode === 'inPerson' && target.location
      ? this.kit.text(step.context, 'appointment.live.about.whereInPerson', { location: target.location })
      : this.kit.text(step.context, 'appointment.live.about.whereRemote', { mode: vars.mode! });
    // A new visit: another way to be seen, a later or earlier time, or another clinician may be asked for.
    const changes = action === 'new' && 'care' in target ? offeredChanges(target, values.clinicians ?? []) : {};
    return ConfirmQuestion.begin(step, {
      ...changes,
      prompt: action === 'new' ? 'appointment.live.confirmBook' : 'appointment.live.confirmCancel',
      vars: { ...vars, for: this.forWhom(step) },
      details: {
        place: { key: 'appointment.live.about.place', vars: { where } },
        cost: { key: 'appointment.live.about.cost' },
        timing: { key: 'appointment.live.about.timing', vars: { when: vars.when! } },
        done: { key: action === 'new' ? 'appointment.live.pendingBook' : 'appointment.live.pendingCancel' },
        clinician: this.clinicianDetail(step, target),
      },
      dropped: action === 'new' ? 'appointment.live.notBooked' : 'appointment.live.notCancelled',
      // Whose visit it is ("that's for my son right?"): answered by afterConfirm.
      handles: [{ question: 'appointment.patient' }],
      // "wait don't, cancel my own video visit instead": another request, routed; not a change to this one.
      ...(action === 'new' ? { elsewhere: { question: 'appointment.action' as const, ids: ['cancel'] } } : {}),
      ...(values.subject?.givenName ? { names: [values.subject.givenName] } : {}),
    });
  }

  /**
   * "is dr haddad a dermatologist tho?", "¿habla español?": the demo data holds no specialty or
   * language, so said plainly, with the kind of care it does hold and who can tell (v15 YW05).
   */
  private clinicianDetail(step: WaterfallStepContext, target: Appointment | Slot): ConfirmDetail {
    const context = step.context;
    const care = 'care' in target ? this.kit.text(context, `options.appointment.care.${target.care}`) : (target.description ?? '');
    const number = this.kit.profile.phone('memberServices', this.kit.locale(context)).number;
    return target.clinician
      ? { key: 'appointment.live.about.clinician', vars: { clinician: target.clinician, care, number } }
      : { key: 'appointment.live.about.clinicianUnknown', vars: { care, number } };
  }

  /** " for Sam" when the visit is a family member's, so the confirmation says whose it is. */
  private forWhom(step: WaterfallStepContext): string {
    const subject = (step.values as LiveValues).subject;
    return subject && !subject.self && subject.givenName ? this.kit.text(step.context, 'appointment.live.for', { name: subject.givenName }) : '';
  }

  /**
   * An answer to "Book …?" that is neither yes nor no but asks about it ("es para Sam verdad?",
   * "that's for my son right?"): a question, or words about who the visit is for.
   */
  private isQuestionBack(step: WaterfallStepContext): boolean {
    const text = turnInfo(step.context).text;
    const subject = (step.values as LiveValues).subject;
    if (/[?¿]/.test(text)) return true;
    if (subject?.givenName && containsPhrase(fold(text), fold(subject.givenName))) return true;
    return !!this.kit.options.prefill(text, 'appointment.patient');
  }

  private async afterConfirm(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const { action } = this.options(step);
    const { target, subject } = step.values as LiveValues;
    const zone = this.zone(step);
    const values = step.values as LiveValues;
    const answer = (step.result as ChoiceAnswer | undefined)?.answer;
    if ((step.result as ConfirmAnswer | undefined)?.changed && action === 'new' && target && 'care' in target && subject) return this.change(step, target, subject);
    // "no?? sam is my son, this is for my MOM" / "yes, for my mom": nothing booked for the proxy, and why.
    if (action === 'new' && subject && !subject.self && this.deps.family) {
      const relative = await this.deps.family.relativeNotOnAccount(context, turnInfo(context).text, answer !== 'yes');
      if (relative) {
        await this.kit.memory.noteBooking(context, { booked: false });
        await this.kit.say(context, 'appointment.live.notBooked');
        await this.deps.family.explainRelative(context, relative);
        return step.endDialog();
      }
    }
    if (answer === null && target && subject && !values.askedAgain && this.isQuestionBack(step)) {
      // A question back is answered (whose visit it is) and the confirmation asked again: not a "no".
      values.askedAgain = true;
      await this.kit.say(context, subject.self ? 'appointment.live.forYou' : 'appointment.live.forThem', { name: subject.givenName });
      return this.confirm(step, target);
    }
    if (answer !== 'yes' || !target || !subject) {
      if (action === 'new') await this.kit.memory.noteBooking(context, { booked: false });
      return this.finish(step, [this.kit.text(context, action === 'new' ? 'appointment.live.notBooked' : 'appointment.live.notCancelled')], action === 'new' ? 'appointments.schedule' : 'appointments.upcoming');
    }
    if (action === 'new') {
      const booked = await this.deps.records.book(context, subject.memberId, target.id);
      if (!booked.verified) return this.failed(step, booked);
      if (!booked.value.ok) {
        await this.kit.memory.noteBooking(context, { booked: false });
        if (booked.value.problem === 'conflict') return this.finish(step, [this.kit.text(context, 'appointment.live.slotTaken')], 'appointments.schedule');
        return this.unavailable(step);
      }
      await this.kit.memory.noteBooking(context, { booked: true, visitId: booked.value.value.id, subjectId: subject.memberId });
      return this.finish(step, [this.kit.text(context, 'appointment.live.booked', visitVars(this.kit, context, booked.value.value, zone))], 'appointments.upcoming');
    }
    const cancelled = await this.deps.records.cancel(context, subject.memberId, target.id);
    if (!cancelled.verified || !cancelled.value.ok) return this.failed(step, cancelled);
    return this.finish(step, [this.kit.text(context, 'appointment.live.cancelled', visitVars(this.kit, context, cancelled.value.value.cancelled, zone))], 'appointments.upcoming');
  }

  /**
   * "Book …?" answered with a change ("can it be by video instead", "no, with Dr. Haddad", "a
   * later time please"): the same time in the new mode or with that clinician is asked again at
   * once; a time that does not fit (or a later or earlier one) gets the open times that do.
   */
  private change(step: WaterfallStepContext, target: Slot, subject: Subject): Promise<DialogTurnResult> {
    const { mode, change } = readSlotChange(this.kit, turnInfo(step.context).text, target, (step.values as LiveValues).clinicians ?? []);
    return step.replaceDialog(`${LIVE_APPOINTMENTS}.flow`, {
      ...this.options(step),
      mode,
      change,
      subjectId: subject.memberId,
    } satisfies LiveAppointmentOptions);
  }

  /** Another way to be seen asked for at the open times (the last one named): the same kind of care and time, in that mode. */
  private changeMode(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { care, mode: current } = this.options(step);
    const mode = this.kit.options.mentioned(turnInfo(step.context).text, 'appointment.mode', otherModes(care, current)).at(-1) as VisitMode | undefined;
    const { subject } = step.values as LiveValues;
    const { change: _dropped, ...options } = this.options(step);
    return step.replaceDialog(`${LIVE_APPOINTMENTS}.flow`, {
      ...options,
      ...(mode ? { mode } : {}),
      ...(subject ? { subjectId: subject.memberId } : {}),
    } satisfies LiveAppointmentOptions);
  }

  private async finish(step: WaterfallStepContext, lines: string[], page: 'appointments.upcoming' | 'appointments.schedule'): Promise<DialogTurnResult> {
    const { action, patient } = this.options(step);
    await this.kit.send(step.context, { text: lines.join('\n\n'), links: [this.kit.link(step.context, page, { action, patient })] });
    return step.endDialog();
  }

  /** Not verified any more (the sign-in ended meanwhile): say so; otherwise the back end failed. */
  private failed(step: WaterfallStepContext, answer: RecordAnswer<unknown>): Promise<DialogTurnResult> {
    return answerWithoutRecords(this.kit, step, answer, () => this.unavailable(step));
  }

  private async unavailable(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const number = this.kit.profile.phone('memberServices', this.kit.locale(step.context)).number;
    return this.finish(step, [this.kit.text(step.context, 'appointment.live.unavailable', { number })], 'appointments.upcoming');
  }
}
