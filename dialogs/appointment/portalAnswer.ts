import type { CantGetIn } from '../cantGetIn';
import type { WaterfallStepContext } from 'botbuilder-dialogs';
import type { DialogKit } from '../common/kit';
import type { TextAnswer } from '../common/questions';
import { values } from '../common/taskDialog';
import { verificationNote } from '../identity/notes';
import type { AppointmentTaskOptions, AppointmentValues } from './appointmentState';
import { visitVars } from './describe';
import type { SameTime } from './sameTime';
import type { VisitModes } from './visitModes';
import type { VisitWords } from './visitWords';
import { whenParams, type PreferredTime } from './when';
import { PORTAL_WHEN, portalWhenMarker } from './openTimesAsked';

/**
 * The answer when the task ends on the portal (not booked or cancelled in the chat): the
 * scheduling page with the choices filled in (a new visit, or moving one: which visit, its new
 * time and kind, and why it is moved there), or My appointments to cancel or find one.
 */
export class PortalAnswer {
  constructor(
    private readonly kit: DialogKit,
    private readonly words: VisitWords,
    private readonly modes: VisitModes,
    private readonly sameTime: SameTime,
    private readonly cantGetIn: CantGetIn,
  ) {}

  /** A new visit or moving one: the scheduling page with the choices filled in. */
  async schedule(step: WaterfallStepContext, when: Exclude<TextAnswer<PreferredTime>, { stuck: true }>): Promise<void> {
    const state = step.values as AppointmentValues;
    const action = values(step).action;
    const patient = values(step).patient ?? 'self';
    const context = step.context;
    const params: Record<string, string | undefined> = { action, patient };
    let whenText: string;
    const sameTime = state.sameTime ? this.sameTime.kept(step, when) : null;
    if (sameTime) {
      Object.assign(params, sameTime.params);
      whenText = sameTime.text;
    } else if ('choice' in when) {
      params.when = when.choice === 'asap' ? 'asap' : undefined;
      whenText = this.kit.text(context, `options.appointment.when.${when.choice}`);
    } else {
      Object.assign(params, whenParams(when.value));
      whenText = this.words.describe(context, when.value);
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
      // "from video to in person": the new kind of visit goes to the page, and is said.
      const opening = (step.options as { text?: string } | undefined)?.text ?? '';
      const to = (step.options as AppointmentTaskOptions | undefined)?.toMode ?? this.modes.named(opening).to;
      if (to) params.mode = to;
      // The visit's reason ("Lab tests": tests) stays on the page, so the new time is for the same care.
      const reason = state.moving?.description ? this.kit.options.prefill(state.moving.description, 'appointment.care') : null;
      if (reason) params.care = reason;
      // Kept for a new day said right after this page ("i meant the thursday after, the 17th"): the page keeps the visit's care.
      if (reason) await this.kit.memory.remember(context, 'care', reason);
      const vars = { when: whenText, to: to ? this.kit.text(context, `appointment.toMode.${to}`) : '' };
      const moving = state.moving;
      lines.push(
        moving
          ? this.kit.text(context, 'appointment.done.rescheduleVisit', {
              ...vars,
              visit: this.kit.text(context, 'appointment.live.visit', visitVars(this.kit, context, moving, this.words.zone(context))),
            })
          : this.kit.text(context, patient === 'family' ? 'appointment.done.rescheduleFamily' : 'appointment.done.reschedule', vars),
      );
      // A signed-in member could book here: why moving their visit is not done in the chat.
      if (moving) lines.push(this.kit.text(context, 'appointment.moveOnPortal'));
      // Which visit and days this answer was about, for a follow-up that keeps a detail ("same time is fine").
      if (moving) await this.kit.memory.remember(context, 'visit', moving.id);
      const days = 'value' in when && when.value.date ? `${when.value.date}/${when.value.until ?? when.value.date}` : null;
      if (days) await this.kit.memory.remember(context, 'days', days);
    }
    // The day and time the page is set to, for "what times do you have?" next (openTimesAsked.ts).
    await this.kit.memory.remember(context, PORTAL_WHEN, portalWhenMarker(params));
    if (patient === 'family') lines.push(this.kit.text(context, 'appointment.familyNote'));
    lines.push(this.kit.text(context, 'appointment.orCall', { number: this.kit.profile.phone('memberServices', this.kit.locale(context)).number }));
    await this.kit.send(context, { text: lines.join('\n\n'), links: [this.kit.link(context, 'appointments.schedule', params)] });
  }

  /** Cancel or find: those happen on the portal's upcoming-appointments page. */
  async manage(step: WaterfallStepContext, action: 'cancel' | 'find', patient: string): Promise<void> {
    const context = step.context;
    const lines = [this.kit.text(context, `appointment.done.${action}`)];
    const verify = (step.values as AppointmentValues).verify;
    const note = verify ? verificationNote(this.kit, context, verify, 'appointments', this.cantGetIn) : { text: null, links: [] };
    if (note.links.length) await this.kit.memory.noteSignInAsked(context);
    if (note.text) lines.push(note.text);
    if (patient === 'family') lines.push(this.kit.text(context, 'appointment.familyNote'));
    await this.kit.send(context, { text: lines.join('\n\n'), links: [this.kit.link(context, 'appointments.upcoming', { action, patient }), ...note.links] });
  }
}
