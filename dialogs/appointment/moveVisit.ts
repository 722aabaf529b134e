import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { zonedDate } from '../../services/time';
import type { MemberRecords } from '../common/memberRecords';
import { PickQuestion, type PickAnswer, type PickOptions } from '../common/pickQuestion';
import type { Clock } from '../../common/clock';
import type { DialogKit } from '../common/kit';
import { fold } from '../common/text';
import { values } from '../common/taskDialog';
import type { IdentityVerification } from '../identity/verification';
import { VERIFY_DIALOG, type VerifyOptions } from '../identity/verifyDialog';
import type { AppointmentTaskOptions, AppointmentValues } from './appointmentState';
import { appointmentLine } from './describe';
import { fittingVisits } from './visitMention';
import type { OpeningWords } from './openingWords';
import { visitPickItem } from './pickItems';
import type { VisitModes } from './visitModes';
import type { VisitWords } from './visitWords';

/**
 * Moving a visit: which of the member's own visits is moved, before the new time is asked. A
 * member known to the assistant (signed in, vouched for by the channel, or after the SMS code)
 * with several upcoming visits picks one, in their own words if they like ("the video one with
 * dr chen, to monday"); one is simply named. Moving itself stays on the portal.
 */
export class VisitMover {
  constructor(
    private readonly kit: DialogKit,
    private readonly words: VisitWords,
    private readonly opening: OpeningWords,
    private readonly modes: VisitModes,
    private readonly deps: { clock: Clock; records: MemberRecords; verification: IdentityVerification },
  ) {}

  /**
   * Moving a visit: which visit comes before when. A number on file but not yet confirmed (SMS):
   * the code first, as for finding a visit, so the visit is known before "when?" (and "same time"
   * has something to keep). Anything else passes the mode's answer on.
   */
  async beforeWhich(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (values(step).action !== 'reschedule') return step.next(step.result);
    (step.values as AppointmentValues).visitAsked = true;
    if (values(step).patient !== 'family' && !(await this.deps.records.verifiedMember(step.context))) {
      const route = await this.deps.verification.route(step.context);
      if (route.kind === 'smsCode') return step.beginDialog(VERIFY_DIALOG, { topic: 'appointments' } satisfies VerifyOptions);
    }
    return step.next();
  }

  /**
   * Moving a visit, signed in: which of the member's own visits it is (reschedule stays on the
   * portal, but the member is told which visit the page is for). The one they spoke of, or the
   * only one; several: they pick ("the video one with dr chen").
   */
  async whichVisit(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const state = step.values as AppointmentValues;
    const member = values(step).patient === 'family' ? null : ((await this.deps.records.verifiedMember(context)) ?? (await this.silentlyVerified(context)));
    if (!member) return step.next();
    const upcoming = await this.deps.records.upcoming(context, member.memberId);
    if (!upcoming.verified || !upcoming.value.ok || !upcoming.value.value.length) return step.next();
    const zone = this.words.zone(context);
    const list = upcoming.value.value;
    // The visit already chosen (cancelling it became moving it).
    const options = step.options as AppointmentTaskOptions | undefined;
    // Going back to the task (a paused one keeps only its answers): the visit chosen then.
    const chosen = list.find((v) => v.id === (options?.visitId ?? options?.answers?.visit));
    if (chosen) {
      state.moving = chosen;
      return step.next();
    }
    // What the opening message said of the visit, and the kind of visit or the names the answer
    // about the time added ("la de video, para el lunes": the day there is the new one).
    const said = (step.options as { text?: string } | undefined)?.text ?? '';
    // "move my appointment to next week": the words after "to" are the new time, not the visit's.
    const target = this.opening.movedTo(fold(said));
    const opening = target ? fold(said).slice(0, fold(said).length - target.length) : said;
    const about = this.words.about(context, opening);
    const later = `${state.visitWords ?? ''} ${state.whenText ?? ''}`.trim();
    const mode = about.mode ?? this.modes.named(later).current;
    const fitting = fittingVisits(this.kit, list, { ...about, text: `${opening} ${later}`, ...(mode ? { mode } : {}) }, zone);
    const offered = fitting.length ? fitting : list;
    if (offered.length === 1) {
      state.moving = offered[0];
      return step.next();
    }
    state.visits = offered;
    return step.beginDialog(PickQuestion.ID, {
      prompt: 'appointment.live.pickMove',
      items: offered.map((a) => visitPickItem(this.kit, a, appointmentLine(this.kit, context, a, zone), zone, this.deps.clock())),
    } satisfies PickOptions);
  }

  /** The visit picked from the list (moving a visit), kept as the one being moved. */
  keepPicked(step: WaterfallStepContext): void {
    const state = step.values as AppointmentValues;
    if (!state.visits) return;
    const picked = (step.result as PickAnswer | undefined)?.picked;
    state.moving = state.visits.find((v) => v.id === picked);
    delete state.visits;
  }

  /**
   * "Which appointment do you want to move?" answered in the member's words: the new day or time
   * said with it ("la de video, para el lunes", "next thursday afternoon") is kept as the answer to
   * when; the visit named by its kind, care, clinician or place ("its the video one with dr chen")
   * is picked when the list's own reading finds none. Only a time: kept, and the list again.
   */
  async pickAnswer(innerDc: DialogContext, state: AppointmentValues, text: string): Promise<DialogTurnResult | null> {
    const context = innerDc.context;
    const folded = fold(text);
    const target = this.opening.movedTo(folded) ?? /,\s*(.+)$/.exec(folded)?.[1];
    const said = target ? this.words.parse(context, target) : null;
    if (said?.ok) state.newTime = said.value;
    const zone = this.words.zone(context);
    const whole = target ? null : this.words.parse(context, text);
    // A day none of the visits is on ("next thursday afternoon") is the new day, not a pick.
    const newDay = whole?.ok && whole.value.date ? [whole.value.date, whole.value.until ?? whole.value.date] : null;
    const onThatDay = newDay && state.visits!.some((v) => zonedDate(new Date(v.start), zone) >= newDay[0]! && zonedDate(new Date(v.start), zone) <= newDay[1]!);
    if (!(newDay && !onThatDay)) {
      const active = innerDc.activeDialog!;
      if ((innerDc.findDialog(PickQuestion.ID) as PickQuestion).accepts(active, context)) return null;
      const visitWords = target ? folded.slice(0, folded.length - target.length) : folded;
      const about = this.words.about(context, visitWords);
      const fitting = fittingVisits(this.kit, state.visits!, { text: about.text, ...(about.mode ? { mode: about.mode } : {}), ...(about.care ? { care: about.care } : {}) }, zone);
      if (fitting.length === 1 && fitting.length < state.visits!.length) return innerDc.endDialog({ picked: fitting[0]!.id } satisfies PickAnswer);
    }
    if (!whole?.ok) return null;
    state.newTime = whole.value;
    await this.kit.say(context, 'appointment.timeNoted', { when: this.words.describe(context, whole.value) });
    await innerDc.repromptDialog();
    return Dialog.EndOfTurn;
  }

  /**
   * A member the channel itself vouches for, without a question (Teams maps their Entra ID):
   * moving a visit asks nobody to sign in, but one known this way is told which visit it is.
   */
  private async silentlyVerified(context: TurnContext): Promise<{ memberId: string } | null> {
    const route = await this.deps.verification.route(context);
    return route.kind === 'verified' ? route.member : null;
  }
}
