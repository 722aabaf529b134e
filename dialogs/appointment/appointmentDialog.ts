import type { TurnContext } from 'botbuilder';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import type { Clock } from '../../common/clock';
import type { AppointmentLookup } from '../../services/appointments/appointmentLookup';
import type { DialogKit } from '../common/kit';
import { TextQuestion, type ChoiceAnswer, type TextAnswer } from '../common/questions';
import { memberOf } from '../common/member';
import { TaskDialog, values } from '../common/taskDialog';
import { describePreferredTime, memberNow, PARTS_OF_DAY, PreferredTimeParser, whenParams, type PreferredTime } from './when';

const WHEN_QUESTION = 'appointment.whenQuestion';

/**
 * Appointments: what the member wants (new, reschedule, cancel, find), for whom, the kind of care
 * and visit mode (new only), the preferred day and time (new and reschedule), then the portal's
 * scheduling page with the choices filled in. Answers named in the opening message are not asked
 * again ("I need to reschedule my video visit").
 */
export class AppointmentDialog extends TaskDialog {
  static override readonly STEPS = ['action', 'patient', 'care', 'mode', 'when'] as const;

  constructor(
    kit: DialogKit,
    private readonly deps: { clock: Clock; appointments: AppointmentLookup },
  ) {
    super('appointment', kit);
    const times = new PreferredTimeParser();
    this.addDialog(
      new TextQuestion<PreferredTime>(WHEN_QUESTION, kit, (text, { locale, context }) =>
        times.parse(text, locale, memberNow(this.deps.clock(), context.activity.localTimezone)),
      ),
    );
    this.addFlow([
      (step) => this.ask(step, 'action', 'appointment.action'),
      (step) => this.afterAction(step),
      (step) => this.afterPatient(step),
      (step) => this.afterCare(step),
      (step) => this.afterMode(step),
      (step) => this.finishStep(step),
    ]);
  }

  private answer(step: WaterfallStepContext): string | null {
    return (step.result as ChoiceAnswer | undefined)?.answer ?? null;
  }

  private async afterAction(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const action = this.answer(step);
    if (!action) return this.stuck(step);
    await this.answered(step, 'action', action);
    return this.ask(step, 'patient', 'appointment.patient');
  }

  private async afterPatient(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const patient = this.answer(step);
    if (!patient) return this.stuck(step);
    await this.answered(step, 'patient', patient);
    if (values(step).action !== 'new') return step.next();
    return this.ask(step, 'care', 'appointment.care');
  }

  private async afterCare(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (values(step).action === 'new') {
      const care = this.answer(step);
      if (!care) return this.stuck(step);
      await this.answered(step, 'care', care);
      return this.ask(step, 'mode', 'appointment.mode');
    }
    return step.next();
  }

  private async afterMode(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const action = values(step).action;
    if (action === 'new') {
      const mode = this.answer(step);
      if (!mode) return this.stuck(step);
      await this.answered(step, 'mode', mode);
    }
    if (action !== 'new' && action !== 'reschedule') return step.next();
    return step.beginDialog(WHEN_QUESTION, { prompt: 'appointment.ask.when', choices: { question: 'appointment.when' }, maxAttempts: 3 });
  }

  private async finishStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const action = values(step).action;
    const patient = values(step).patient ?? 'self';
    const context = step.context;
    if (action === 'cancel' || action === 'find') return this.manage(step, action, patient);

    const when = step.result as TextAnswer<PreferredTime> | undefined;
    if (!when || 'stuck' in when) return this.stuck(step);
    const params: Record<string, string | undefined> = { action, patient };
    let whenText: string;
    if ('choice' in when) {
      await this.answered(step, 'when', when.choice);
      params.when = when.choice === 'asap' ? 'asap' : undefined;
      whenText = this.kit.text(context, `options.appointment.when.${when.choice}`);
    } else {
      await this.answered(step, 'when', 'given');
      Object.assign(params, whenParams(when.value));
      whenText = describePreferredTime(when.value, this.kit.locale(context), this.partNames(context));
    }

    const lines: string[] = [];
    if (action === 'new') {
      params.care = values(step).care;
      params.mode = values(step).mode;
      lines.push(
        this.kit.text(context, 'appointment.done.new', {
          care: this.kit.text(context, `options.appointment.care.${params.care}`),
          mode: this.kit.text(context, `options.appointment.mode.${params.mode}`),
          when: whenText,
        }),
      );
      if (params.care === 'urgent') lines.push(this.kit.text(context, 'appointment.urgentNote'));
    } else {
      lines.push(this.kit.text(context, 'appointment.done.reschedule', { when: whenText }));
    }
    if (patient === 'family') lines.push(this.kit.text(context, 'appointment.familyNote'));
    lines.push(this.kit.text(context, 'appointment.orCall', { number: this.kit.profile.phone('memberServices', this.kit.locale(context)).number }));
    await this.kit.send(context, { text: lines.join('\n\n'), links: [this.kit.link(context, 'appointments.schedule', params)] });
    return this.done(step);
  }

  /** Cancel or find: those happen on the portal's upcoming-appointments page. */
  private async manage(step: WaterfallStepContext, action: 'cancel' | 'find', patient: string): Promise<DialogTurnResult> {
    const context = step.context;
    const lines = [this.kit.text(context, `appointment.done.${action}`)];
    if (action === 'find') {
      const lookup = await this.deps.appointments.upcoming(memberOf(context));
      lines.push(
        lookup.verified ? this.kit.text(context, 'appointment.upcomingCount', { count: lookup.value.count }) : this.kit.text(context, 'appointment.signInToSee'),
      );
    }
    if (patient === 'family') lines.push(this.kit.text(context, 'appointment.familyNote'));
    await this.kit.send(context, { text: lines.join('\n\n'), links: [this.kit.link(context, 'appointments.upcoming', { action, patient })] });
    return this.done(step);
  }

  private partNames(context: TurnContext) {
    return Object.fromEntries(PARTS_OF_DAY.map((p) => [p, this.kit.text(context, `appointment.partOfDay.${p}`)])) as Record<
      (typeof PARTS_OF_DAY)[number],
      string
    >;
  }
}
