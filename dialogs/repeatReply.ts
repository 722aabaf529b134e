import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Reply } from '../channels/reply';
import { readDataFile, regexSource } from '../common/dataFile';
import { StartupError } from '../common/errors';
import { fromRoot } from '../common/paths';
import type { PhoneLine, PortalProfile } from '../services/portal/profile';
import { fold } from './common/text';
import { turnInfo } from './turn';

const LINES = ['memberServices', 'nurseLine', 'behavioralHealth', 'pharmacy', 'billing'] as const satisfies readonly PhoneLine[];

const fileSchema = z.object({
  $comment: z.string().optional(),
  answers: z.record(
    z.string(),
    z.strictObject({ texts: z.string().min(1), line: z.enum(LINES), aspects: z.record(z.string(), z.array(regexSource).min(1)) }),
  ),
});

interface Subject {
  texts: string;
  line: PhoneLine;
  aspects: readonly { aspect: string; patterns: readonly RegExp[] }[];
}

/** What an answer is, for the one that would repeat it: its topic (`<intent>.<sub>`), line and print. */
export interface AnswerAbout {
  /** `<intent>.<sub-topic or need>` ("billing.paymentPlan", "refill.status"): its follow-ups' answers. */
  subject?: string;
  /** The phone line the answer gives (Member Services when none). */
  line?: PhoneLine;
  /** One name for answers that say the same in other words (the generic how-to's two wordings). */
  as?: string;
  /** The reply stands for the answer just given (the same sub-topic asked again): what is asked about it comes first. */
  repeats?: boolean;
}

export class RepeatFollowUpsError extends StartupError {}

type Text = (key: string, vars?: Record<string, string>) => string;

/**
 * What is said instead of an answer that would be given again word for word (dialogs/answerEcho.ts),
 * best first: what the follow-up asks about that answer when it names it (`dialogs/data/repeat-follow-ups.json`:
 * a payment plan's length, interest, how to set it up; picking up a prescription for someone else),
 * then "no more detail than the answer above" with the answer's pages, its line and a person.
 */
export class RepeatReply {
  constructor(
    private readonly profile: PortalProfile,
    private readonly subjects: Readonly<Record<string, Subject>>,
  ) {}

  static load(profile: PortalProfile, file: string = fromRoot('dialogs', 'data', 'repeat-follow-ups.json')): RepeatReply {
    const answers = readDataFile(file, fileSchema, 'Repeat follow-ups', (message) => new RepeatFollowUpsError(message)).answers;
    const subjects = Object.fromEntries(
      Object.entries(answers).map(([subject, entry]) => [
        subject,
        { texts: entry.texts, line: entry.line, aspects: Object.entries(entry.aspects).map(([aspect, sources]) => ({ aspect, patterns: sources.map((s) => new RegExp(s)) })) },
      ]),
    );
    return new RepeatReply(profile, subjects);
  }

  /** The follow-up names something the answer's subject has its own words for ("is there interest"). */
  asks(context: TurnContext, about: AnswerAbout): boolean {
    const subject = about.subject ? this.subjects[about.subject] : undefined;
    const folded = fold(turnInfo(context).text);
    return !!subject?.aspects.some((a) => a.patterns.some((re) => re.test(folded)));
  }

  instead(context: TurnContext, repeated: Reply, about: AnswerAbout, text: Text): Reply[] {
    const { locale, text: said } = turnInfo(context);
    const links = repeated.links ?? [];
    const subject = about.subject ? this.subjects[about.subject] : undefined;
    const folded = fold(said);
    const asked = subject?.aspects.filter((a) => a.patterns.some((re) => re.test(folded))) ?? [];
    const candidates: Reply[] = [];
    if (subject && asked.length) {
      const phone = this.profile.phone(subject.line, locale);
      const lines = asked.map((a) => text(`repeat.${subject.texts}.${a.aspect}`));
      candidates.push({ text: [...lines, text(`repeat.${subject.texts}.close`, { ...phone })].join(' '), links });
    }
    const phone = this.profile.phone(about.line ?? subject?.line ?? 'memberServices', locale);
    candidates.push({ text: text('repeat.noMore', { ...phone }), links });
    return candidates;
  }
}
