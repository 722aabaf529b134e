import { z } from 'zod';
import { readDataFile, regexSource } from '../common/dataFile';
import { StartupError } from '../common/errors';
import { fromRoot } from '../common/paths';
import type { TaskIntentId } from '../intents/types';
import type { LinkKey, PhoneLine } from '../services/portal/profile';
import type { Aspect } from './followUpAspects';

/**
 * What a follow-up adds to the answer just given ("i already asked my doctor last week", "im
 * almost out", "its on my iphone", "the visit is in 10 min", "and for my mom?"), in English and
 * Spanish (`dialogs/data/follow-up-news.json`, regular expressions over the folded text). News is
 * never answered with the same answer again: each gets the next step after that answer.
 * - after a refill answer, a renewal asked for with no reply, or medicine running out: how to
 *   chase it (the pharmacy, which can check with the prescriber and say whether a short supply is
 *   possible; a new message; a call back); the member cannot or will not use the portal and asks
 *   us to send it to the doctor ("mandaselo tu a mi doctor, no se usar el portal"): the phone way
 *   (the pharmacy line, what to have at hand), whatever topic the recognizer reads (sign-in help);
 *   after the other topics' answers (an appointment, a bill, records, the care team),
 *   the same news ("no tengo compu, la pueden cancelar ustedes") gets that topic's phone way;
 * - after a video-visit answer, the camera or microphone not working, or the device it is on: the
 *   troubleshooting steps per device; tried again, or the visit about to start: join another way
 *   or have the visit by phone (call now); asked to do it by phone: how to switch (also when the
 *   recognizer reads a new booking, if the words are about the visit they have: "switch it to a
 *   phone call instead", "ya tengo la cita, la quiero por teléfono"); asked what to do if it fails
 *   during the visit ("what if it doesnt work when im in the visit", "y si se corta?"): rejoin,
 *   then call to finish it by phone; a visit that keeps loading or will not connect ("its not the
 *   camera its just stuck loading", "se queda cargando"): its own steps (rejoin from the link,
 *   another browser or the app, another network) and the line that tells the clinic the member is
 *   trying, never the camera's permissions; the member says it is not helping or asks that someone
 *   call the doctor ("can someone just call the doctor and tell them im trying", "esto no me
 *   ayuda"): the line to call now and the offer of a person, never a troubleshooting answer again;
 * - after any answer but a booking's, a family member ("and for my mom?"): acting for them on
 *   the portal (proxy access), and how to get it;
 * - after an appointment's answer, whether the page lets them pick the child ("does it let me pick
 *   his name", "me deja escoger a mi hijo?"): choosing who the visit is for there, which needs
 *   proxy access, and how to get it;
 * - after a place's answer, the lab's hours: each lab's own hours are on the clinic page;
 * - after an answer that offered proxy access (booking for a family member without it, or the
 *   proxy answer itself), how to get that access ("y como hago para q me den ese acceso? ... no ve
 *   bien la pantalla", "how do I get it?"): the proxy answer, whatever topic the rest of the
 *   message makes the recognizer think of (`accessAsked`).
 */
export type NewsKind = 'chased' | 'runningOut' | 'broken' | 'device' | 'soon' | 'loading' | 'tellClinic' | 'byPhone' | 'ownVisit' | 'noPortal' | 'sendForMe' | 'family' | 'whoFor' | 'labHours' | 'whatIf' | 'imaging' | 'getAccess';

const KINDS = ['chased', 'runningOut', 'broken', 'device', 'soon', 'loading', 'tellClinic', 'byPhone', 'ownVisit', 'noPortal', 'sendForMe', 'family', 'whoFor', 'labHours', 'whatIf', 'imaging', 'getAccess'] as const satisfies readonly NewsKind[];

const fileSchema = z.object({
  $comment: z.string().optional(),
  news: z.object(Object.fromEntries(KINDS.map((kind) => [kind, z.array(regexSource).min(1)])) as Record<NewsKind, z.ZodArray<typeof regexSource>>).strict(),
});

export class FollowUpNewsError extends StartupError {}

/** The next step a piece of news gets: a response key, the phone line it names, its pages. */
export interface NewsAnswer {
  text: string;
  line?: PhoneLine;
  links?: readonly LinkKey[];
}

/** What the answer just given was, and what the last follow-up answer to it was (a marker). */
export interface NewsContext {
  topic: TaskIntentId;
  /** The answer's sub-topic (`troubleshoot`: the video trouble was answered). */
  sub?: string | undefined;
  /** The follow-up answer just given (`followUp` marker), if any: never given twice in a row. */
  last?: string | undefined;
  /** What the follow-up asks about the answer (dialogs/followUpAspects.ts), if anything. */
  aspect?: Aspect | null;
  /**
   * The recognizer is sure the message asks for another task ("can i book a visit for my mom"):
   * only a renewal chased ("i already asked my doctor", read as Contact) and a video visit's
   * trouble ("the visit is in 10 min", read as an appointment) are still about the answer.
   */
  elsewhere?: boolean;
}

const RENEWAL_CHASE: NewsAnswer = { text: 'followUp.about.renewalChase', line: 'pharmacy', links: ['messaging.messageCareTeam', 'messaging.requestCallback'] };
const RENEWAL_BY_PHONE: NewsAnswer = { text: 'followUp.about.renewalByPhone', line: 'pharmacy' };
/** The renewal asked of the chat (the portal at hand): the chat cannot send it; the member's message does. */
const RENEWAL_SEND: NewsAnswer = { text: 'followUp.about.renewalDoIt', line: 'pharmacy', links: ['messaging.messageCareTeam'] };
/**
 * The member cannot use the portal (no computer, no internet, does not know how) and asks us to do
 * it: the phone way of the topic just answered, never its portal page again. Video visits have
 * their own (a visit by phone: `byPhone`).
 */
const BY_PHONE: Partial<Record<TaskIntentId, NewsAnswer>> = {
  refill: RENEWAL_BY_PHONE,
  appointment: { text: 'followUp.about.appointmentByPhone', line: 'memberServices', links: [] },
  billing: { text: 'followUp.about.billingByPhone', line: 'billing', links: [] },
  records: { text: 'followUp.about.recordsByPhone', line: 'memberServices', links: [] },
  contact: { text: 'followUp.about.contactByPhone', line: 'memberServices', links: [] },
};
const VIDEO_STEPS: NewsAnswer = { text: 'followUp.about.videoSteps', line: 'memberServices', links: ['telehealth.techCheck', 'telehealth.joinVideoVisit'] };
const VIDEO_LAST_RESORT: NewsAnswer = { text: 'followUp.about.videoLastResort', line: 'memberServices', links: ['telehealth.joinVideoVisit'] };
/** "What if it doesn't work during the visit?": rejoin, else the visit goes on by phone. */
const VIDEO_WHAT_IF: NewsAnswer = { text: 'followUp.about.videoWhatIf', line: 'memberServices', links: ['telehealth.techCheck', 'telehealth.joinVideoVisit'] };
/** The visit keeps loading or will not connect (not the camera): rejoin, another browser or the app, another network; call now so the clinic knows. */
const VIDEO_WONT_LOAD: NewsAnswer = { text: 'followUp.about.videoWontLoad', line: 'memberServices', links: ['telehealth.joinVideoVisit'] };
/** "This isn't helping, can someone call the doctor": the chat cannot call; the line can tell the clinic, and a person. */
const VIDEO_TELL_CLINIC: NewsAnswer = { text: 'followUp.about.videoTellClinic', line: 'memberServices', links: [] };
const VIDEO_BY_PHONE: NewsAnswer = { text: 'followUp.about.videoByPhone', line: 'memberServices', links: ['appointments.center'] };
/** Marks (`access` in a topic's answers) an answer that offered proxy access (dialogs/appointment/familyAccess.ts). */
export const PROXY_OFFERED = 'proxy';
const PROXY: NewsAnswer = { text: 'followUp.about.proxy', line: 'memberServices', links: ['signInHelp.sharedEmail'] };
/** After a booking's answer, whether the page lets them pick the child or family member: who the visit is for, with proxy access. */
const BOOK_FOR_FAMILY: NewsAnswer = { text: 'followUp.about.bookForFamily', line: 'memberServices', links: ['signInHelp.sharedEmail'] };
/** Imaging asked about after a records answer ("what about my xrays, are those included"): where images and reports are, and how to get copies. */
export const RECORDS_IMAGING: NewsAnswer = { text: 'followUp.about.recordsImaging', line: 'memberServices', links: ['records.requestRecords', 'records.testResults'] };
/** The lab's hours after a place's answer: each lab's own, on the clinic page. */
export const LAB_HOURS: NewsAnswer = { text: 'followUp.about.labHours', line: 'memberServices', links: ['messaging.findClinic'] };

/** The next step once that one was given too: a person, with the line. */
function stillStuck(line: PhoneLine): NewsAnswer {
  return { text: 'followUp.about.stillStuck', line };
}

export class FollowUpNews {
  constructor(private readonly patterns: Readonly<Record<NewsKind, readonly RegExp[]>>) {}

  static load(file: string = fromRoot('dialogs', 'data', 'follow-up-news.json')): FollowUpNews {
    const news = readDataFile(file, fileSchema, 'Follow-up news', (message) => new FollowUpNewsError(message)).news;
    return new FollowUpNews(Object.fromEntries(KINDS.map((kind) => [kind, news[kind].map((source) => new RegExp(source))])) as Record<NewsKind, RegExp[]>);
  }

  /** Whether the (folded) message says this kind of news. */
  says(kind: NewsKind, folded: string): boolean {
    return this.patterns[kind].some((re) => re.test(folded));
  }

  /**
   * How to get the access the answer just given offered (`answers` of that topic: `access: proxy`
   * marks an answer that offers proxy access, `followUp` the follow-up answer given): the proxy
   * answer; asked again right after it, a person. Null when no such access was offered or asked.
   */
  accessAsked(folded: string, answers: Readonly<Record<string, string>> | undefined): NewsAnswer | null {
    const last = answers?.followUp;
    const offered = answers?.access === PROXY_OFFERED || last === PROXY.text || last === BOOK_FOR_FAMILY.text;
    if (!offered || !this.says('getAccess', folded)) return null;
    return last === PROXY.text ? stillStuck('memberServices') : PROXY;
  }

  /** The next step the news in a (folded) follow-up gets after the answer just given; null when it has none. */
  read(folded: string, { topic, sub, last, aspect, elsewhere }: NewsContext): NewsAnswer | null {
    const next = this.next(folded, topic, sub, last, aspect ?? null, elsewhere ?? false);
    // The same next step is not given twice in a row: a person then.
    if (next && next.text === last) return stillStuck(next.line ?? 'memberServices');
    return next;
  }

  private next(folded: string, topic: TaskIntentId, sub: string | undefined, last: string | undefined, aspect: Aspect | null, elsewhere: boolean): NewsAnswer | null {
    const byPhone = BY_PHONE[topic];
    if (byPhone && this.says('noPortal', folded)) return byPhone;
    // "mandaselo tu a mi doctor": a renewal sent for them is the same news after a refill answer.
    // Asked of the chat with the portal at hand ("can u send it to my doctor anyway"): what the chat
    // cannot do and how the request reaches the doctor, never "you don't need the portal".
    if (topic === 'refill' && this.says('sendForMe', folded)) return RENEWAL_SEND;
    // "can you do it for me" after an appointment's answer: what the chat could do is done; the rest is by phone.
    if (topic === 'appointment' && aspect === 'doIt') return BY_PHONE.appointment!;
    if (topic === 'refill' && (this.says('chased', folded) || this.says('runningOut', folded))) return RENEWAL_CHASE;
    if (topic === 'telehealth') {
      if (this.says('byPhone', folded) && (!elsewhere || this.says('ownVisit', folded))) return VIDEO_BY_PHONE;
      // Not helping, or someone asked to tell the doctor: the line and a person, whatever else is said.
      if (this.says('tellClinic', folded)) return VIDEO_TELL_CLINIC;
      // The video trouble was answered: its steps, or the way out once they were given.
      const stepsGiven = last === VIDEO_STEPS.text || last === VIDEO_LAST_RESORT.text || last === VIDEO_WONT_LOAD.text;
      const troubled = sub === 'troubleshoot' || stepsGiven;
      // Asked ahead ("what if it freezes"), not news of trouble: what to do then, unless the trouble is already on.
      if (!troubled && this.says('whatIf', folded)) return VIDEO_WHAT_IF;
      // A visit that keeps loading or won't connect ("its not the camera its just stuck loading"):
      // its own steps, then (given already) the way out by phone; never the camera's permissions.
      if (this.says('loading', folded)) return last === VIDEO_WONT_LOAD.text ? VIDEO_LAST_RESORT : VIDEO_WONT_LOAD;
      const broken = this.says('broken', folded) || aspect === 'tried' || aspect === 'resend';
      const soon = this.says('soon', folded);
      // The device alone ("can i do it on my iphone?") is a question of what it takes, unless the video is in trouble.
      if (troubled && (broken || soon || this.says('device', folded))) return stepsGiven || soon ? VIDEO_LAST_RESORT : VIDEO_STEPS;
      if (broken) return soon ? VIDEO_LAST_RESORT : VIDEO_STEPS;
    }
    // X-rays or scans named after a records answer: the imaging part of records, not another topic.
    if (topic === 'records' && this.says('imaging', folded)) return RECORDS_IMAGING;
    // "does it let me pick his name": the booking page's choice of who the visit is for, and the access it needs.
    if (topic === 'appointment' && this.says('whoFor', folded)) return BOOK_FOR_FAMILY;
    // After a booking, a family member is whose visit (the appointment dialog asks and explains).
    if (topic !== 'appointment' && !elsewhere && this.says('family', folded)) return PROXY;
    return null;
  }
}
