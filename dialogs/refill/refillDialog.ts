import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import type { PrescriptionLookup } from '../../services/pharmacy/prescriptionLookup';
import { PRESCRIPTION_STATUSES } from '../../services/pharmacy/prescriptionLookup';
import type { DialogKit } from '../common/kit';
import { memberOf } from '../common/member';
import { TextQuestion, type ChoiceAnswer, type TextAnswer } from '../common/questions';
import { TaskDialog, values } from '../common/taskDialog';
import { parseRx, type RxAnswer } from './rxNumber';

const RX_QUESTION = 'refill.rxQuestion';
/** Needs that are about one prescription (the others are about the pharmacy). */
const NEEDS_A_PRESCRIPTION = new Set(['status', 'refillNow', 'whyPending']);

/**
 * Prescription refills: what the member needs (status, refill now, why pending, change pharmacy,
 * mail order), which prescription when it matters (an Rx number in the profile's format, or a
 * name), then an explanation and the pharmacy page. Live status comes with identity
 * verification (PrescriptionLookup); until then it explains the statuses and links.
 */
export class RefillDialog extends TaskDialog {
  static override readonly STEPS = ['need', 'rx'] as const;

  constructor(
    kit: DialogKit,
    private readonly deps: { prescriptions: PrescriptionLookup },
  ) {
    super('refill', kit);
    this.addDialog(new TextQuestion<RxAnswer>(RX_QUESTION, kit, (text) => parseRx(text, kit.profile.rxNumber)));
    this.addFlow([
      (step) => this.ask(step, 'need', 'refill.need'),
      (step) => this.afterNeed(step),
      (step) => this.finishStep(step),
    ]);
  }

  private async afterNeed(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const need = (step.result as ChoiceAnswer | undefined)?.answer;
    if (!need) return this.stuck(step);
    await this.answered(step, 'need', need);
    if (!NEEDS_A_PRESCRIPTION.has(need)) return step.next();
    const opening = (step.options as { text?: string } | undefined)?.text ?? '';
    const inOpening = parseRx(opening, this.kit.profile.rxNumber);
    if (inOpening.ok && inOpening.value.kind === 'rx') return step.next({ value: inOpening.value } satisfies TextAnswer<RxAnswer>);
    const { minDigits, maxDigits } = this.kit.profile.rxNumber;
    return step.beginDialog(RX_QUESTION, {
      prompt: 'refill.ask.rx',
      vars: { min: minDigits, max: maxDigits },
      choices: { question: 'refill.rx' },
      maxAttempts: 3,
    });
  }

  private async finishStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const need = values(step).need as string;
    let rx: string | undefined;
    if (NEEDS_A_PRESCRIPTION.has(need)) {
      const answer = step.result as TextAnswer<RxAnswer> | undefined;
      if (!answer || 'stuck' in answer) return this.stuck(step);
      if ('value' in answer && answer.value.kind === 'rx') rx = answer.value.rx;
      await this.answered(step, 'rx', 'value' in answer ? answer.value.kind : 'unknown');
    }
    const k = this.kit;
    const pharmacy = k.profile.phone('pharmacy', k.locale(context));
    const lines: string[] = [];
    const links = [];
    switch (need) {
      case 'status': {
        const lookup = await this.deps.prescriptions.status(memberOf(context), rx ?? null);
        if (lookup.verified) {
          lines.push(k.text(context, 'refill.answer.liveStatus', { status: k.text(context, `refill.statuses.${lookup.value.status}`) }));
        } else {
          lines.push(k.text(context, 'refill.answer.status'));
          lines.push(PRESCRIPTION_STATUSES.filter((s) => s !== 'inProgress').map((s) => `• ${k.text(context, `refill.statuses.${s}`)}`).join('\n'));
        }
        links.push(k.link(context, 'pharmacy.prescriptions'), k.link(context, 'pharmacy.orderStatus'));
        break;
      }
      case 'refillNow':
        lines.push(k.text(context, 'refill.answer.refillNow', { number: pharmacy.number }));
        links.push(k.link(context, 'pharmacy.refill', { rx }));
        break;
      case 'whyPending':
        lines.push(k.text(context, 'refill.answer.whyPending', { days: k.profile.data.careTeam.messageReplyBusinessDays }));
        lines.push(['pendingAuthorization', 'tooSoon'].map((s) => `• ${k.text(context, `refill.statuses.${s}`)}`).join('\n'));
        links.push(k.link(context, 'pharmacy.prescriptions'), k.link(context, 'messaging.messageCareTeam'));
        break;
      case 'changePharmacy':
        lines.push(k.text(context, 'refill.answer.changePharmacy'));
        links.push(k.link(context, 'pharmacy.changePharmacy'));
        break;
      default:
        lines.push(k.text(context, 'refill.answer.mailOrder'));
        links.push(k.link(context, 'pharmacy.mailOrder'), k.link(context, 'pharmacy.autoRefill'));
    }
    await k.send(context, { text: lines.join('\n\n'), links });
    return this.done(step);
  }
}
