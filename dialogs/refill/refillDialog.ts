import type { CantGetIn } from '../cantGetIn';
import { DialogTurnStatus, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import type { DialogKit } from '../common/kit';
import { candidateWords } from '../common/mentions';
import { fold } from '../common/text';
import { LOCALES } from '../../intents/types';
import { QUESTIONS } from '../questions';
import type { MemberRecords } from '../common/memberRecords';
import { TextQuestion, type ChoiceAnswer, type TextAnswer } from '../common/questions';
import { TaskDialog, values, type TaskOptions, type TaskOutcome } from '../common/taskDialog';
import { turnInfo, turnTriage } from '../turn';
import { verificationNote } from '../identity/notes';
import type { IdentityVerification } from '../identity/verification';
import { VERIFY_DIALOG, VerifyIdentityDialog, type VerifyOptions, type VerifyResult } from '../identity/verifyDialog';
import { LIVE_REFILL, LiveRefillDialog, type LiveNeed, type LiveRefillOptions } from './liveRefill';
import { aboutMyMeds } from './aboutMyMeds';
import { earlyRefillText } from './earlyRefill';
import { renewalAnswer } from './renewal';
import { parseRx, type RxAnswer } from './rxNumber';

const RX_QUESTION = 'refill.rxQuestion';
/** Needs that are about the member's own prescriptions (the others are about the pharmacy). */
const NEEDS_A_PRESCRIPTION = new Set(['status', 'refillNow', 'whyPending', 'renewal']);
/**
 * Of those, the ones asked about one prescription, by Rx number or name, when not verified: only a
 * refill (its page takes the number). A status or a pending reason is not shown without signing in,
 * so "is my refill ready?" gets where to see it, and the sign-in, at once.
 */
const NEEDS_AN_RX = new Set(['refillNow']);
/** Needs answered when named, not on the menu: an early refill for a trip. */
const UNLISTED_NEEDS: readonly string[] = ['earlyRefill'];
/** The statuses explained to a member who is not verified, in this order. */
const EXPLAINED = ['pendingAuthorization', 'tooSoon', 'readyForPickup', 'shipped', 'noRefillsLeft'] as const;

interface RefillValues {
  /** An Rx number named in the opening message (`values.rx` holds the trail's marker). */
  rxGiven?: string;
  /** Words of the opening message that may name the medicine (looked up once the member is verified). */
  nameGiven?: string[];
  live?: boolean;
  verify?: VerifyResult;
}

/**
 * Prescription refills: what the member needs (status, refill now, why pending, change pharmacy,
 * mail order). For the three about a prescription, the member's identity is verified first (the
 * way their channel allows); a verified member gets their own prescriptions (LiveRefillDialog),
 * anyone else the Rx number question, an explanation of the statuses, the pharmacy page and how
 * to sign in.
 */
export class RefillDialog extends TaskDialog {
  static override readonly STEPS = ['need', 'rx'] as const;
  /** The words of the refill questions' options, in every language (no medicine's name). */
  private readonly vocabulary: ReadonlySet<string>;

  private readonly records: MemberRecords;
  private readonly verification: IdentityVerification;
  private readonly cantGetIn: CantGetIn;

  constructor(
    kit: DialogKit,
    deps: { records: MemberRecords; verification: IdentityVerification; oauthConnection?: string; cantGetIn: CantGetIn },
  ) {
    super('refill', kit);
    this.records = deps.records;
    this.verification = deps.verification;
    this.cantGetIn = deps.cantGetIn;
    this.vocabulary = refillVocabulary(kit);
    const rx = new TextQuestion<RxAnswer>(RX_QUESTION, kit, (text) => parseRx(text, kit.profile.rxNumber));
    rx.loose = true; // a medicine's name: "my head hurts" is not one
    this.addDialog(rx);
    this.addDialog(new VerifyIdentityDialog(kit, deps.verification, deps.oauthConnection));
    this.addDialog(new LiveRefillDialog(kit, deps.records));
    this.addFlow([
      (step) => this.askNeed(step),
      (step) => this.afterNeed(step),
      (step) => this.afterVerify(step),
      (step) => this.finishStep(step),
    ]);
  }

  /**
   * "I don't have the number" in the refill's context is the Rx number, never a phone number: the
   * refill goes on without it (said after the refill answer, MainDialog starts this dialog with it).
   */
  protected override async onBeginDialog(innerDc: DialogContext, options?: TaskOptions): Promise<DialogTurnResult> {
    if (options?.text && this.saysNoRx(options.text)) return this.answerNoRx(innerDc);
    return super.onBeginDialog(innerDc, options);
  }

  /** Said to "What do you need with your prescription?" (the Rx number question offers its own option). */
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    let innermost: DialogContext = innerDc;
    while (innermost.child) innermost = innermost.child;
    const asked = (innermost.activeDialog?.state as { options?: { question?: string } } | undefined)?.options?.question;
    const text = turnInfo(innerDc.context).text;
    if (asked === 'refill.need' && this.saysNoRx(text)) return this.answerNoRx(innerDc);
    // "the cholesterol one", "la de la presión": inside a refill, a medicine described by what it is
    // for names one of the member's prescriptions; it is no symptom (a complaint is not only that).
    const triage = turnTriage(innerDc.context);
    // Its words carry no safety line either (v20: a signal at an open question gets one).
    if (triage.match?.intent === 'symptoms' && !triage.answered && this.kit.medicines.purposes.describes(text)) {
      triage.match = null;
      triage.plain = true;
    }
    return super.onContinueDialog(innerDc);
  }

  private saysNoRx(text: string): boolean {
    return this.kit.options.match(text, 'refill.noRx') === 'noRx';
  }

  private async answerNoRx(innerDc: DialogContext): Promise<DialogTurnResult> {
    await sendNoRx(this.kit, innerDc.context);
    await innerDc.cancelAllDialogs();
    return { status: DialogTurnStatus.complete, result: { kind: 'completed' } satisfies TaskOutcome };
  }

  /** What the member needs: named in the opening message, else the menu (an unlisted need is still understood). */
  private async askNeed(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const prefilled = this.resumed(step, 'need', 'refill.need') ?? this.prefilled(step, 'refill.need');
    if (prefilled) return step.next({ answer: prefilled } satisfies ChoiceAnswer);
    // "what about my meds" from a member signed in (or known to their channel, as on Teams): their
    // prescriptions' status list, not the menu of needs (newcomer run v13, YX07).
    const opening = (step.options as TaskOptions | undefined)?.text;
    if (opening && aboutMyMeds(opening) && (await this.verification.route(step.context)).kind === 'verified') return step.next({ answer: 'status' } satisfies ChoiceAnswer);
    const ids = QUESTIONS['refill.need'].filter((id) => !UNLISTED_NEEDS.includes(id));
    return this.ask(step, 'need', 'refill.need', { ids, unlisted: UNLISTED_NEEDS });
  }

  private async afterNeed(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const need = (step.result as ChoiceAnswer | undefined)?.answer;
    if (!need) return this.stuck(step);
    await this.answered(step, 'need', need);
    // An early refill for a trip needs no sign-in: the general answer, and, for a member already
    // signed in, the medicine they named from their own list (newcomer run v13, YZ13).
    if (need === 'earlyRefill') return this.earlyRefill(step);
    if (!NEEDS_A_PRESCRIPTION.has(need)) return step.next();
    const opening = (step.options as { text?: string } | undefined)?.text ?? '';
    const inOpening = parseRx(opening, this.kit.profile.rxNumber);
    const state = step.values as RefillValues;
    if (inOpening.ok && inOpening.value.kind === 'rx') state.rxGiven = inOpening.value.rx;
    const words = !state.rxGiven && opening && !this.kit.options.match(opening, 'topics', 'exact') ? candidateWords(opening, (w) => this.vocabulary.has(w)) : [];
    if (words.length) state.nameGiven = words;
    // On Web Chat the member signs in on the portal: what they asked, and the medicine they named, are answered then.
    const remember = { topic: 'prescriptions' as const, need: need as Exclude<LiveNeed, 'earlyRefill'>, ...(words.length ? { words } : {}) };
    return step.beginDialog(VERIFY_DIALOG, { topic: 'prescriptions', remember } satisfies VerifyOptions);
  }

  private async earlyRefill(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const member = await this.records.verifiedMember(step.context);
    if (!member) return step.next();
    (step.values as RefillValues).live = true;
    const opening = (step.options as { text?: string } | undefined)?.text;
    const rx = opening ? parseRx(opening, this.kit.profile.rxNumber) : null;
    return step.beginDialog(LIVE_REFILL, {
      need: 'earlyRefill',
      rx: rx?.ok && rx.value.kind === 'rx' ? rx.value.rx : null,
      memberId: member.memberId,
      ...(opening ? { text: opening } : {}),
    } satisfies LiveRefillOptions);
  }

  private async afterVerify(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const need = values(step).need as string;
    if (!NEEDS_A_PRESCRIPTION.has(need)) return step.next();
    const state = step.values as RefillValues;
    const verify = (step.result as VerifyResult | undefined) ?? { member: null, route: 'failed' };
    if (verify.member) {
      state.live = true;
      const opening = (step.options as { text?: string } | undefined)?.text;
      return step.beginDialog(LIVE_REFILL, {
        need: need as LiveNeed,
        rx: state.rxGiven ?? null,
        memberId: verify.member.memberId,
        ...(opening ? { text: opening } : {}),
      } satisfies LiveRefillOptions);
    }
    state.verify = verify;
    // A renewal is explained the same way for every prescription: no Rx number is asked.
    if (!NEEDS_AN_RX.has(need)) return step.next();
    if (state.rxGiven) return step.next({ value: { kind: 'rx', rx: state.rxGiven } } satisfies TextAnswer<RxAnswer>);
    // The medicine was named ("why is my metformin pending"): "Which prescription?" is not asked again.
    if (state.nameGiven) return step.next({ value: { kind: 'name' } } satisfies TextAnswer<RxAnswer>);
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
    const state = step.values as RefillValues;
    if (state.live) return this.done(step);
    const need = values(step).need as string;
    let rx: string | undefined;
    if (NEEDS_AN_RX.has(need)) {
      const answer = step.result as TextAnswer<RxAnswer> | undefined;
      if (!answer || 'stuck' in answer) return this.stuck(step);
      if ('value' in answer && answer.value.kind === 'rx') rx = answer.value.rx;
      await this.answered(step, 'rx', 'value' in answer ? answer.value.kind : 'unknown');
    }
    const k = this.kit;
    const pharmacy = k.profile.phone('pharmacy', k.locale(context));
    const lines: string[] = [];
    const links = [];
    const note = state.verify ? verificationNote(k, context, state.verify, 'prescriptions', this.cantGetIn) : { text: null, links: [] };
    if (note.links.length) await k.memory.noteSignInAsked(context);
    switch (need) {
      case 'status': {
        if (note.text) lines.push(note.text);
        lines.push(k.text(context, 'refill.answer.status'));
        lines.push(EXPLAINED.map((s) => `• ${k.text(context, `refill.statuses.${s}`)}`).join('\n'));
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
      case 'renewal': {
        const renewal = renewalAnswer(k, context);
        lines.push(renewal.text);
        links.push(...renewal.links);
        break;
      }
      case 'earlyRefill':
        lines.push(earlyRefillText(k, context));
        links.push(k.link(context, 'pharmacy.prescriptions'), k.link(context, 'pharmacy.mailOrder'));
        break;
      case 'changePharmacy':
        lines.push(k.text(context, 'refill.answer.changePharmacy'));
        links.push(k.link(context, 'pharmacy.changePharmacy'));
        break;
      default:
        lines.push(k.text(context, 'refill.answer.mailOrder'));
        links.push(k.link(context, 'pharmacy.mailOrder'), k.link(context, 'pharmacy.autoRefill'));
    }
    if (need !== 'status' && note.text) lines.push(note.text);
    await k.sendAnswer(context, { text: lines.join('\n\n'), links: [...links, ...note.links] }, { subject: `refill.${need}`, line: 'pharmacy' });
    return this.done(step);
  }
}

/** Without the Rx number: sign in to see the prescriptions, or the pharmacy line (which finds it by name and birth date). */
export async function sendNoRx(kit: DialogKit, context: TurnContext): Promise<void> {
  const pharmacy = kit.profile.phone('pharmacy', kit.locale(context));
  await kit.memory.remember(context, 'rx', 'unknown');
  await kit.send(context, {
    text: kit.text(context, 'refill.answer.noRx', { number: pharmacy.number, hours: pharmacy.hours }),
    links: [kit.link(context, 'signIn'), kit.link(context, 'pharmacy.prescriptions')],
  });
}

/** Every word of the refill topic's options and titles (both languages): none names a medicine. */
function refillVocabulary(kit: DialogKit): Set<string> {
  const words = new Set<string>();
  const add = (text: string) => fold(text).split(' ').forEach((w) => words.add(w));
  for (const question of ['refill.need', 'refill.rx', 'refill.info'] as const) {
    for (const id of QUESTIONS[question]) {
      kit.phrases.synonyms(`${question}.${id}`).forEach(add);
      for (const locale of LOCALES) add(kit.options.title(question, id, locale));
    }
  }
  for (const locale of LOCALES) add(kit.catalog.text(locale, 'topics.refill'));
  return words;
}
