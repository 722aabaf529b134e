import type { TurnContext } from 'botbuilder';
import type { WaterfallStepContext } from 'botbuilder-dialogs';
import { wallClock, zonedDate } from '../../services/time';
import type { DialogKit } from '../common/kit';
import type { TextAnswer } from '../common/questions';
import { turnInfo } from '../turn';
import { isTask, type AppointmentTaskOptions, type AppointmentValues } from './appointmentState';
import type { VisitModes } from './visitModes';
import type { VisitWords } from './visitWords';
import { whenParams, type PreferredTime } from './when';

/**
 * Moving a visit, "same time is fine" / "a la misma hora": the visit's own time of day and
 * clinician are kept, while the move is asked or right after its answer ("thursday, same time").
 */
export class SameTime {
  constructor(
    private readonly kit: DialogKit,
    private readonly words: VisitWords,
    private readonly modes: VisitModes,
    /** The appointment task's intent: another task's words are not an answer about the visit. */
    private readonly intent: string,
  ) {}

  /**
   * Right after the answer about moving a visit, words that keep one of its details and name no
   * other task ("same time is fine", "a la misma hora está bien", "thursday, same time"): an answer
   * about that visit, not a new request.
   */
  keepsVisitDetail(context: TurnContext, text: string): boolean {
    if (!this.kit.options.mentioned(text, 'appointment.when', ['sameTime']).length) return false;
    const { result } = turnInfo(context);
    return !(result.intent !== this.intent && isTask(result.intent) && result.score >= this.kit.policy.routeAt && this.kit.options.prefill(text, 'appointment.action') !== null);
  }

  /**
   * The move just answered, again with what the follow-up keeps: the same visit (the trail's
   * `visit`), the days that answer looked for, and the new words as the answer to when.
   */
  aboutMovedVisit(context: TurnContext, options: AppointmentTaskOptions, moved: Readonly<Record<string, string>>): AppointmentTaskOptions {
    const text = options.text!;
    const day = this.words.parse(context, text);
    const answers = { ...options.answers, action: 'reschedule', ...(moved.patient ? { patient: moved.patient } : {}), ...(day.ok && day.value.date ? {} : { when: 'sameTime' }) };
    return {
      ...options,
      // Said with a day ("next thursday, same time"): the day, read as the new one ("to ...").
      text: day.ok && day.value.date ? `move it to ${text}` : text,
      answers,
      ...(moved.visit ? { visitId: moved.visit } : {}),
      ...(moved.days && !(day.ok && day.value.date) ? { keptDays: moved.days } : {}),
    };
  }

  /**
   * "same time is fine" while moving a visit: the time of day of the visit being moved, with the
   * same clinician, on the day the member said, or — when only the kind of visit changes ("switch
   * the video one to in person") — on the visit's own day. Not knowing the visit (not signed in),
   * the page looks for no time and the text says so (it does not know the visit).
   */
  kept(step: WaterfallStepContext, when: TextAnswer<PreferredTime>): { params: Record<string, string | undefined>; text: string } {
    const context = step.context;
    const moving = (step.values as AppointmentValues).moving;
    const keptDays = (step.options as AppointmentTaskOptions | undefined)?.keptDays?.split('/');
    const named = 'value' in when ? when.value : keptDays?.[0] ? { date: keptDays[0], until: keptDays[1] ?? null, time: null, partOfDay: null } : null;
    if (!moving) {
      const text = named?.date ? `${this.words.describe(context, { ...named, time: null, partOfDay: null })}, ` : '';
      return { params: named?.date ? { when: whenParams(named).when } : {}, text: `${text}${this.kit.text(context, 'appointment.when.sameTimeUnknown')}` };
    }
    const zone = this.words.zone(context);
    const clock = wallClock(new Date(moving.start), zone);
    const local = { date: zonedDate(new Date(moving.start), zone), time: `${String(clock.hour % 24).padStart(2, '0')}:${String(clock.minute).padStart(2, '0')}` };
    const onlyMode = !named?.date && !!((step.options as AppointmentTaskOptions | undefined)?.toMode ?? this.modes.named((step.options as { text?: string } | undefined)?.text ?? '').to);
    const kept: PreferredTime = { date: named?.date ?? (onlyMode ? local.date : null), until: named?.date ? named.until : null, time: local.time, partOfDay: null };
    const who = moving.clinician ? this.kit.text(context, 'appointment.live.with', { who: moving.clinician }) : '';
    return { params: whenParams(kept), text: `${this.words.describe(context, kept)}${who}` };
  }
}
