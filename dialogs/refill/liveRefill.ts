import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { isRefillable, type Prescription } from '../../services/pharmacy/prescriptionLookup';
import type { DialogKit } from '../common/kit';
import { answerWithoutRecords, type MemberRecords, type RecordAnswer } from '../common/memberRecords';
import { named, nameWords } from '../common/mentions';
import { PickQuestion, type PickAnswer, type PickOptions } from '../common/pickQuestion';
import { ConfirmQuestion } from '../common/confirmQuestion';
import type { ChoiceAnswer } from '../common/questions';
import { prescriptionLine, prescriptionList, prescriptionTitle, WAITING } from './describe';
import { earlyRefillText } from './earlyRefill';
import { nothingWaiting, saysPending } from './nothingWaiting';
import { renewalAnswer, renewalOffer } from './renewal';
import { LAST_RX_STEP } from './renewalFor';
import { statusMeaning } from './statusMeaning';
import { prescriptionByStatusNamed } from './statusNamed';
import { turnInfo } from '../turn';

export const LIVE_REFILL = 'refill.live';

export type LiveNeed = 'status' | 'refillNow' | 'whyPending' | 'renewal' | 'earlyRefill';

export interface LiveRefillOptions {
  need: LiveNeed;
  /** The Rx number the member gave, if any. */
  rx: string | null;
  memberId: string;
  /** What the member said (their opening message): a medicine named in it is the one they mean. */
  text?: string;
}

interface LiveValues {
  stage?: 'pick' | 'confirm';
  /** What the confirmation is about (kept in dialog state only while it is asked). */
  target?: Pick<Prescription, 'id' | 'medication' | 'rxNumber' | 'pharmacy'>;
  /** Several asked for at once ("both", "todas"): confirmed together, then one request each. */
  targets?: Array<Pick<Prescription, 'id' | 'medication' | 'rxNumber' | 'pharmacy'>>;
  candidates?: Array<Pick<Prescription, 'id' | 'medication' | 'rxNumber' | 'pharmacy'>>;
  /** The member's medicines already read this turn (ids and names): what a confirmation lets through. */
  listed?: Array<Pick<Prescription, 'id' | 'medication'>>;
}

/**
 * A verified member's own prescriptions (MemberRecords checks that, and audits what is shown):
 * the status of one (by Rx number) or all, what holds the waiting ones up, and a refill — the
 * member picks which when several can be refilled, confirms, and the request goes to the back
 * end with the turn's idempotency key. A back end that cannot answer gets the pharmacy page and
 * phone number, never an error.
 */
export class LiveRefillDialog extends ComponentDialog {
  constructor(
    private readonly kit: DialogKit,
    private readonly records: MemberRecords,
  ) {
    super(LIVE_REFILL);
    this.addDialog(new PickQuestion(kit));
    this.addDialog(new ConfirmQuestion(kit));
    this.addDialog(new WaterfallDialog(`${LIVE_REFILL}.flow`, [(s) => this.start(s), (s) => this.afterPick(s), (s) => this.afterConfirm(s)]));
    this.initialDialogId = `${LIVE_REFILL}.flow`;
  }

  private async start(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { need, rx, memberId, text } = step.options as LiveRefillOptions;
    const context = step.context;
    const k = this.kit;
    let target: Prescription | null = null;
    const notes: string[] = [];
    if (rx) {
      const one = await this.records.prescription(context, memberId, rx);
      if (!one.verified || !one.value.ok) return this.failed(step, one);
      target = one.value.value;
      if (!target) notes.push(k.text(context, 'refill.live.notFound', { rx }));
      // The one this answer is about, by id (never its name): "can you renew it" next means it.
      else await k.memory.remember(context, LAST_RX_STEP, target.id);
    }
    if (target && need === 'status') return this.finish(step, [prescriptionLine(k, context, target)]);
    if (target && (need === 'renewal' || need === 'earlyRefill')) return this.answerFor(step, need, target);
    if (target && need === 'refillNow') {
      if (isRefillable(target)) return this.confirm(step, target);
      return this.finish(step, [prescriptionLine(k, context, target)], ['pharmacy.refill']);
    }

    const all = await this.records.prescriptions(context, memberId);
    if (!all.verified || !all.value.ok) return this.failed(step, all);
    const list = all.value.value;
    if (!list.length) return this.finish(step, [...notes, k.text(context, 'refill.live.none')]);
    (step.values as LiveValues).listed = list.map((p) => ({ id: p.id, medication: p.medication }));
    // A medicine the member named ("why is my metformin pending", "refill my albuterol"), matched
    // against their own prescriptions: the answer is about that one.
    // A medicine described by what it is for ("my blood pressure pill") may be several of theirs.
    const mentioned = !rx && text ? named(text, list, (p) => k.medicines.described(p.medication)) : [];
    if (mentioned.length === 1) return this.answerFor(step, need, mentioned[0]!);
    // "how long does the approval usually take" after the list: the one waiting for approval.
    const byStatus = !rx && !mentioned.length && (need === 'whyPending' || need === 'status') ? prescriptionByStatusNamed(text, list) : null;
    if (byStatus) return this.answerFor(step, 'whyPending', byStatus);
    const shown = mentioned.length ? mentioned : list;
    switch (need) {
      case 'earlyRefill':
        // No one medicine named: how an early refill for a trip is asked for, not the whole list.
        return this.finish(step, [...notes, earlyRefillText(k, context)], ['pharmacy.mailOrder']);
      case 'status':
        // "the app says pending. what do you see for my meds" with none waiting: the list, and that the app can lag.
        if (saysPending(text) && !shown.some((p) => WAITING.has(p.status))) return this.finish(step, [...notes, ...nothingWaiting(k, context, shown, true)], ['pharmacy.orderStatus']);
        return this.finish(step, [...notes, k.text(context, 'refill.live.listIntro'), prescriptionList(k, context, shown)]);
      case 'renewal': {
        // How to ask for a renewal, and which of their prescriptions have no refills left. A
        // medicine named or described that is none of theirs ("my lisinopril", "the blood pressure
        // one") is said to be missing; when none of theirs is out of refills, their list says so.
        const general = renewalAnswer(k, context);
        if (!mentioned.length && text && k.medicines.namedIn(text)) notes.push(k.text(context, 'refill.live.notOnList'));
        const out = shown.filter((p) => p.status === 'noRefillsLeft');
        const lines = out.length
          ? [...notes, general.text, k.text(context, 'refill.live.renewalIntro'), prescriptionList(k, context, out)]
          : mentioned.length
            ? // Only the medicines asked about were checked ("my blood pressure meds"): said of them, never of all.
              [...notes, k.text(context, 'refill.live.noneOfTheseOutOfRefills'), prescriptionList(k, context, shown), general.text]
            : [...notes, k.text(context, 'refill.live.noneOutOfRefills'), prescriptionList(k, context, shown)];
        await k.send(context, { text: lines.join('\n\n'), links: [k.link(context, 'pharmacy.prescriptions'), ...general.links] });
        return step.endDialog();
      }
      case 'whyPending': {
        const waiting = shown.filter((p) => WAITING.has(p.status));
        // Nothing waiting: what this chat sees of each, then that none waits and the app can lag.
        if (!waiting.length) return this.finish(step, [...notes, ...nothingWaiting(k, context, shown)], ['pharmacy.orderStatus']);
        return this.finish(step, [...notes, k.text(context, 'refill.live.pendingIntro'), prescriptionList(k, context, waiting)], ['messaging.messageCareTeam']);
      }
      case 'refillNow': {
        const refillable = shown.filter(isRefillable);
        if (!refillable.length) {
          // "wait which ones did you refill again, and when can i get them" right after a refill: the
          // ones just asked for, and when they are ready, never "none can be refilled" (v20).
          const asked = await k.memory.refilled(context);
          const just = shown.filter((p) => p.status === 'inProgress' && asked.includes(p.id));
          if (just.length) return this.finish(step, [...notes, ...just.map((p) => requestedLine(k, context, p)), k.text(context, 'refill.live.about.timing')], ['pharmacy.orderStatus']);
          return this.finish(step, [...notes, k.text(context, 'refill.live.nothingToRefill'), prescriptionList(k, context, shown)], ['pharmacy.refill']);
        }
        if (notes.length) await k.send(context, { text: notes.join('\n\n') });
        if (refillable.length === 1) return this.confirm(step, refillable[0]!);
        const values = step.values as LiveValues;
        values.stage = 'pick';
        values.candidates = refillable.map(brief);
        return step.beginDialog(PickQuestion.ID, {
          prompt: 'refill.live.pickRefill',
          items: refillable.map((p) => ({ id: p.id, title: prescriptionTitle(p), words: k.medicines.described(p.medication).slice(1) })),
          none: true,
          all: true,
        } satisfies PickOptions);
      }
    }
  }

  /** The answer about the one prescription the member named. */
  private async answerFor(step: WaterfallStepContext, need: LiveNeed, target: Prescription): Promise<DialogTurnResult> {
    const k = this.kit;
    const context = step.context;
    // The one this answer is about, by id (never its name): "can you renew it" next means it.
    await k.memory.remember(context, LAST_RX_STEP, target.id);
    if (need === 'refillNow' && isRefillable(target)) return this.confirm(step, target);
    // Before a trip: where that medicine stands (when it can be refilled), then how to get it early.
    if (need === 'earlyRefill') return this.finish(step, [prescriptionLine(k, context, target), earlyRefillText(k, context)], ['pharmacy.mailOrder']);
    const left = target.refillsLeft ?? 0;
    if (need === 'renewal' && (isRefillable(target) || (left > 0 && target.status !== 'noRefillsLeft' && target.status !== 'pendingAuthorization'))) {
      // Refills are left on record (a bottle saying 0 may be older): no renewal is needed, said
      // with the record's count; the refill itself is offered when it can be refilled now.
      const medication = k.terms.medication(target.medication, k.locale(context));
      await k.send(context, { text: k.text(context, 'refill.live.noRenewalNeeded', { medication, left }) });
      if (isRefillable(target)) return this.confirm(step, target);
      return this.finish(step, [prescriptionLine(k, context, target)], [], true);
    }
    const lines = [prescriptionLine(k, context, target)];
    const links: Array<'pharmacy.refill' | 'messaging.messageCareTeam'> =
      need === 'refillNow' ? ['pharmacy.refill'] : (need === 'whyPending' || need === 'renewal') && WAITING.has(target.status) ? ['messaging.messageCareTeam'] : [];
    // No refills left, or a renewal asked for by name ("no refills left on my lisinopril"): the way
    // on is a renewal of that medicine, asked of the care team (the renewal request). One already
    // waiting for the clinician (pendingAuthorization) is not asked for again.
    if (target.status === 'noRefillsLeft' || (need === 'renewal' && target.status !== 'pendingAuthorization')) {
      const offer = renewalOffer(k, context, k.terms.medication(target.medication, k.locale(context)));
      lines.push(offer.text);
      await k.send(context, { text: lines.join('\n\n'), links: [k.link(context, 'pharmacy.prescriptions'), ...offer.links] });
      return step.endDialog();
    }
    // "why is my metformin taking so long": what its status means and what comes next, not the status alone.
    if (need === 'whyPending') lines.push(statusMeaning(k, context, target));
    return this.finish(step, lines, links);
  }

  private async afterPick(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as LiveValues;
    if (values.stage === 'confirm') return step.next(step.result);
    const answer = step.result as PickAnswer | undefined;
    const picked = answer?.picked ? values.candidates?.find((c) => c.id === answer.picked) : undefined;
    const all = answer?.picked ? (values.candidates ?? []).filter((c) => answer.all?.includes(c.id)) : [];
    if (all.length > 1) return this.confirmAll(step, all);
    const stuck = !!answer && answer.picked === null && answer.stuck;
    if (!picked) return this.finish(step, [this.kit.text(step.context, stuck ? 'refill.live.pickStuck' : 'refill.live.noneChosen')], ['pharmacy.refill'], false);
    return this.confirm(step, picked);
  }

  private async afterConfirm(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const { memberId } = step.options as LiveRefillOptions;
    const { target: one, targets } = step.values as LiveValues;
    const target = one ?? targets![0]!;
    if ((step.result as ChoiceAnswer | undefined)?.answer !== 'yes') {
      // Not a yes: "no, I only wanted to know if it's ready" asks for its status, "why is it
      // still pending" for what holds it up, "it has no refills left" for the renewal, and "the
      // cholesterol one" means another of their prescriptions: answered for that one.
      const options = step.options as LiveRefillOptions;
      const text = turnInfo(context).text;
      const named = this.kit.options.match(text, 'refill.need');
      const asks = named === 'status' || named === 'whyPending' || named === 'renewal' || named === 'earlyRefill' ? named : null;
      const other = await this.namedIn(step, memberId, text);
      if (other === 'failed') return this.unavailable(step);
      if (asks || other) return step.replaceDialog(`${LIVE_REFILL}.flow`, { ...options, need: asks ?? options.need, rx: (other ?? target).rxNumber } satisfies LiveRefillOptions);
      return this.finish(step, [this.kit.text(context, 'refill.live.notRequested')], [], false);
    }
    // One request per medicine confirmed (the turn's idempotency key is per request in MemberRecords).
    const lines: string[] = [];
    let notRefillable = false;
    for (const each of targets ?? [target]) {
      await this.kit.memory.remember(context, LAST_RX_STEP, each.id);
      const outcome = await this.records.requestRefill(context, memberId, each.id);
      if (!outcome.verified || !outcome.value.ok) return this.failed(step, outcome);
      const result = outcome.value.value;
      if (result.kind === 'notRefillable') {
        notRefillable = true;
        lines.push(prescriptionLine(this.kit, context, result.prescription));
        continue;
      }
      lines.push(requestedLine(this.kit, context, result.prescription));
      await this.kit.memory.noteRefilled(context, [each.id]);
    }
    return this.finish(step, lines, notRefillable ? ['pharmacy.refill', 'pharmacy.orderStatus'] : ['pharmacy.orderStatus']);
  }

  /** "both" / "todas" at "Which one should I refill?": the medicines named together, one yes for all. */
  private async confirmAll(step: WaterfallStepContext, targets: Array<Pick<Prescription, 'id' | 'medication' | 'rxNumber' | 'pharmacy'>>): Promise<DialogTurnResult> {
    const values = step.values as LiveValues;
    values.stage = 'confirm';
    delete values.target;
    values.targets = targets.map(brief);
    const k = this.kit;
    const context = step.context;
    const locale = k.locale(context);
    const pharmacyOf = (p: Pick<Prescription, 'pharmacy'>) => p.pharmacy ?? k.text(context, 'refill.live.yourPharmacy');
    const list = targets.map((p) => k.text(context, 'refill.live.confirmLine', { medication: k.terms.medication(p.medication, locale), rx: p.rxNumber, pharmacy: pharmacyOf(p) })).join('\n');
    const pharmacy = [...new Set(targets.map(pharmacyOf))].join(', ');
    return ConfirmQuestion.begin(step, {
      prompt: 'refill.live.confirmRefillAll',
      vars: { list },
      details: { place: { key: 'refill.live.about.place', vars: { pharmacy } }, cost: { key: 'refill.live.about.cost' }, timing: { key: 'refill.live.about.timing' }, done: { key: 'refill.live.pending' } },
      dropped: 'refill.live.notRequested',
      handles: [{ question: 'refill.need', ids: ['status', 'whyPending', 'renewal', 'earlyRefill'] }],
    });
  }

  /** The one prescription of the member's that the message names or describes, if any. */
  private async namedIn(step: WaterfallStepContext, memberId: string, text: string): Promise<Prescription | null | 'failed'> {
    const all = await this.records.prescriptions(step.context, memberId);
    if (!all.verified || !all.value.ok) return 'failed';
    const mentioned = named(text, all.value.value, (p) => this.kit.medicines.described(p.medication));
    return mentioned.length === 1 ? mentioned[0]! : null;
  }

  private async confirm(step: WaterfallStepContext, target: Pick<Prescription, 'id' | 'medication' | 'rxNumber' | 'pharmacy'>): Promise<DialogTurnResult> {
    const values = step.values as LiveValues;
    values.stage = 'confirm';
    values.target = brief(target);
    delete values.targets;
    const pharmacy = target.pharmacy ?? this.kit.text(step.context, 'refill.live.yourPharmacy');
    // Another of their medicines, by name or by what it is for ("the one for my diabetes", "la del
    // azucar"), is read by afterConfirm: the confirmation lets those words through.
    // The list read earlier this turn (no second read of the member's records); none when one
    // prescription was asked for by its number.
    const others = (values.listed ?? []).filter((p) => p.id !== target.id);
    const names = [...new Set(others.flatMap((p) => this.kit.medicines.described(p.medication).flatMap((n) => (n ? nameWords(n) : []))))];
    return ConfirmQuestion.begin(step, {
      prompt: 'refill.live.confirmRefill',
      vars: { medication: this.kit.terms.medication(target.medication, this.kit.locale(step.context)), rx: target.rxNumber, pharmacy },
      details: { place: { key: 'refill.live.about.place', vars: { pharmacy } }, cost: { key: 'refill.live.about.cost' }, timing: { key: 'refill.live.about.timing' }, done: { key: 'refill.live.pending' } },
      dropped: 'refill.live.notRequested',
      // Read by afterConfirm: its status, what holds it up, a renewal, or "no, I only wanted …".
      handles: [{ question: 'refill.need', ids: ['status', 'whyPending', 'renewal', 'earlyRefill'] }],
      names,
    });
  }

  private async finish(step: WaterfallStepContext, lines: string[], linkKeys: Array<'pharmacy.refill' | 'messaging.messageCareTeam' | 'pharmacy.orderStatus' | 'pharmacy.mailOrder'> = [], withPrescriptionsPage = true): Promise<DialogTurnResult> {
    const links = [...(withPrescriptionsPage ? [this.kit.link(step.context, 'pharmacy.prescriptions')] : []), ...linkKeys.map((key) => this.kit.link(step.context, key))];
    await this.kit.send(step.context, { text: lines.join('\n\n'), links });
    return step.endDialog();
  }

  /** Not verified any more (the sign-in ended meanwhile): say so; otherwise the back end failed. */
  private failed(step: WaterfallStepContext, answer: RecordAnswer<unknown>): Promise<DialogTurnResult> {
    return answerWithoutRecords(this.kit, step, answer, () => this.unavailable(step));
  }

  private async unavailable(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const number = this.kit.profile.phone('pharmacy', this.kit.locale(step.context)).number;
    return this.finish(step, [this.kit.text(step.context, 'refill.live.unavailable', { number })], ['pharmacy.orderStatus']);
  }
}

const brief = (p: Pick<Prescription, 'id' | 'medication' | 'rxNumber' | 'pharmacy'>) => ({
  id: p.id,
  medication: p.medication,
  rxNumber: p.rxNumber,
  ...(p.pharmacy ? { pharmacy: p.pharmacy } : {}),
});

/** "Done: I've asked {pharmacy} to refill your {medication}. They'll let you know when it's ready." */
function requestedLine(k: DialogKit, context: TurnContext, p: Pick<Prescription, 'medication' | 'pharmacy'>): string {
  return k.text(context, 'refill.live.requested', {
    medication: k.terms.medication(p.medication, k.locale(context)),
    pharmacy: p.pharmacy ?? k.text(context, 'refill.live.yourPharmacy'),
  });
}
