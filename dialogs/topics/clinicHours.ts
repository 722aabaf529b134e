import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Reply } from '../../channels/reply';
import { readDataFile, regexSource } from '../../common/dataFile';
import { StartupError } from '../../common/errors';
import { fromRoot } from '../../common/paths';
import type { DialogKit } from '../common/kit';
import { fold } from '../common/text';
import type { SpecialAnswer } from './specialAnswer';

const fileSchema = z.object({
  $comment: z.string().optional(),
  clinic: regexSource,
  days: z.array(z.object({ words: regexSource, en: z.string().min(1), es: z.string().min(1), weekend: z.boolean() })).min(1),
});

export class ClinicHoursWordsError extends StartupError {}

/** The words of a clinic's hours question (dialogs/data/clinic-hours.json): a clinic named, a day named. */
export class ClinicHoursWords {
  constructor(
    private readonly clinic: RegExp,
    private readonly days: ReadonlyArray<{ words: RegExp; en: string; es: string; weekend: boolean }>,
  ) {}

  static load(file: string = fromRoot('dialogs', 'data', 'clinic-hours.json')): ClinicHoursWords {
    const data = readDataFile(file, fileSchema, 'Clinic hours words', (message) => new ClinicHoursWordsError(message));
    return new ClinicHoursWords(new RegExp(data.clinic), data.days.map((d) => ({ ...d, words: new RegExp(d.words) })));
  }

  /** Whether the (folded) message asks about a clinic (not the phone line). */
  namesClinic(folded: string): boolean {
    return this.clinic.test(folded);
  }

  /** The first day the (folded) message names, if any. */
  day(folded: string): { en: string; es: string; weekend: boolean } | undefined {
    return this.days.find((d) => d.words.test(folded));
  }
}

/**
 * When a clinic is open ("a q hora abren la clinica el sabado", "is the clinic open sunday"): the
 * profile holds no clinic's hours, so the answer says plainly that hours differ by clinic and on
 * weekends, that the clinic finder shows each clinic's hours for the day named, and gives the
 * Member Services line; it never claims hours. "what are your hours" (no clinic, no day) is still
 * the phone line's hours. A clinic named right after is read in dialogs/followUps.ts.
 */
export class ClinicHoursAnswer implements SpecialAnswer {
  constructor(
    private readonly kit: DialogKit,
    private readonly words: ClinicHoursWords = ClinicHoursWords.load(),
  ) {}

  async reply(context: TurnContext, text: string | undefined): Promise<Reply> {
    const { kit } = this;
    const locale = kit.locale(context);
    const phone = kit.profile.phone('memberServices', locale);
    const values = { ...phone, tty: kit.profile.phones.tty };
    const links = [kit.link(context, 'messaging.findClinic')];
    const folded = fold(text ?? '');
    const day = this.words.day(folded);
    if (!day && !this.words.namesClinic(folded)) return { text: kit.text(context, 'contact.answer.hours', values), links };
    const key = day ? 'contact.clinicHours.day' : 'contact.clinicHours.any';
    return { text: kit.text(context, key, { ...values, day: day ? day[locale] : '' }), links };
  }
}
