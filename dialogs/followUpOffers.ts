import type { TaskIntentId } from '../intents/types';
import type { LinkKey, PhoneLine } from '../services/portal/profile';
import type { Aspect } from './followUpAspects';

/**
 * What each answer offers when a follow-up asks about one of its aspects (dialogs/followUps.ts
 * reads the follow-up, this table holds the answers): response keys, the phone line each names,
 * its links, and whether a person or a renewal comes after it.
 */

/**
 * A renewal asked of the chat (`about` with `renewFor`): which medicine is settled when it is
 * answered, against the member's own prescriptions (dialogs/refill/renewalFor.ts). `lastRx`: the
 * prescription id the previous refill answer was about; `again`: this chat's renewal answer was
 * just given (the same medicine asked again gets a person, another medicine its own answer).
 */
export interface RenewFor {
  lastRx?: string;
  again: boolean;
  /** The answer just given was this chat's "I can't send it" (`RENEW_DO_IT`): asked again, a plain no and the one step. */
  afterDoIt?: boolean;
}

/**
 * What a prescription's status means, asked right after it ("what does that mean", "y por q tarda
 * tanto"): the one the message names among the member's own, else the one the answer before was
 * about (`lastRx`); none known, what each status means (dialogs/refill/statusMeaning.ts).
 */
export interface ExplainRx {
  lastRx?: string;
}

/**
 * What a follow-up about one aspect of an answer gets (FollowUp `about`, dialogs/followUps.ts):
 * `text` a response key, `line` the phone line it names, `person` a hand-off after it, `renewal` a
 * renewal answer, `renewFor` / `explainRx` settled against the member's prescriptions, `app` the
 * app's links; `links` default to the answer's own pages.
 */
export interface About {
  text: string;
  links?: readonly LinkKey[];
  line?: PhoneLine;
  renewal?: boolean;
  person?: boolean;
  renewFor?: RenewFor;
  explainRx?: ExplainRx;
  app?: boolean;
  /** A sign-in sub-topic asked beside it ("and i forgot my password too"): answered right after. */
  thenSignIn?: string;
}

/** What a prescription's status means and what comes next (`explainRx` is filled in by the reader). */
const RX_MEANING: About = { text: 'followUp.about.rxStatuses', line: 'pharmacy', links: ['pharmacy.prescriptions', 'messaging.messageCareTeam'], explainRx: {} };

/** Whether an app is needed, or where it is (no topic's own answer on it): the member site works in a browser, and the app. */
/** What a video visit takes, and how to get into one. */
export const VIDEO_NEEDS = 'followUp.about.videoNeeds';

export const APP: About = { text: 'followUp.about.app', app: true };

/** Whether the task just answered can be done from a phone or the app: yes (the app, the site in the phone's browser), on the answer's page. */
export const DEVICE: About = { text: 'followUp.about.device', app: true };

/**
 * After the reminders answer: when they come ("only the day before") is set on the notifications
 * page, not in this chat; whether STOP to this chat also stops the appointment reminders (no: they
 * are set apart, on that page).
 */
export const REMINDER_TIMING: About = { text: 'followUp.about.reminderTiming', line: 'memberServices', links: ['account.notifications'] };
export const REMINDER_STOP: About = { text: 'followUp.about.reminderStop', links: ['account.notifications'] };

/** The phone line each topic's answers name (a place's own line for Contact's places). */
export const TOPIC_LINE: Partial<Record<TaskIntentId, PhoneLine>> = {
  refill: 'pharmacy',
  billing: 'billing',
  password_reset: 'memberServices',
  records: 'memberServices',
  appointment: 'memberServices',
  contact: 'memberServices',
};

/** Whether a visit comes before a renewal: the prescriber decides; how to ask, and how to book. */
export const VISIT_FIRST: About = { text: 'followUp.about.renewalVisit', line: 'pharmacy', links: ['messaging.messageCareTeam', 'appointments.schedule'] };

/**
 * What an answer offers on each aspect, by its topic and sub-topic (`topic:sub`, or the topic
 * alone for all its answers). An aspect an answer has nothing on is read as before.
 */
export const ABOUT: Record<string, Partial<Record<Aspect, About>>> = {
  'refill:status': { timing: { text: 'followUp.about.pickup', line: 'pharmacy', links: ['pharmacy.prescriptions'] } },
  // How long a refill just asked for takes ("how long does that usually take", "cuanto tarda"): not the list again.
  'refill:refillNow': { timing: { text: 'followUp.about.refillTime', line: 'pharmacy', links: ['pharmacy.orderStatus'] } },
  // After any refill answer: a renewal goes to the prescriber, who may ask for a visit first;
  // what a status means and why it is held up, for the medicine just named; the refill tried.
  refill: {
    visitFirst: VISIT_FIRST,
    meaning: RX_MEANING,
    why: RX_MEANING,
    tried: { text: 'followUp.about.refillTried', line: 'pharmacy', links: ['pharmacy.orderStatus', 'messaging.messageCareTeam'] },
  },
  'refill:renewal': {
    timing: { text: 'followUp.about.renewalTime', renewal: true },
    doIt: { text: 'followUp.about.renewalDoIt', renewal: true, line: 'pharmacy' },
  },
  // From the phone, after the insurance answer: the card's photo taken and added in the app or the site (v17 X06).
  'billing:insurance': { device: { text: 'followUp.about.deviceInsurance', app: true } },
  records: { meaning: { text: 'followUp.about.results', line: 'nurseLine', links: ['records.testResults', 'messaging.messageCareTeam'] } },
  // When results show up, right after the results page (v19 Z04): how long results usually take to be released.
  'records:labResults': { timing: { text: 'records.answer.resultsTiming', line: 'memberServices', links: ['records.testResults'] } },
  // The timing itself was the answer: the usual times stand, and whom to ask (never the same paragraph again).
  'records:resultsTiming': { timing: { text: 'followUp.about.timingAgain', line: 'memberServices', links: ['records.testResults'] } },
  'records:resultsReleased': { timing: { text: 'followUp.about.timingAgain', line: 'memberServices', links: ['records.testResults'] } },
  // How long a records request takes: the request page says; Member Services can tell.
  'records:requestRecords': { timing: { text: 'followUp.about.recordsTime', line: 'memberServices' } },
  password_reset: {
    resend: { text: 'followUp.about.codeResend', line: 'memberServices' },
    // The steps were tried: the other ways in, then a person.
    tried: { text: 'followUp.about.signInOtherWays', line: 'memberServices', links: ['signInHelp.unlockAccount', 'signInHelp.forgotUsername', 'signInHelp.verificationCode'] },
  },
  telehealth: {
    needs: { text: VIDEO_NEEDS, links: ['telehealth.techCheck', 'telehealth.videoVisits'] },
    // How a video visit works, asked by someone who never had one: what it takes and how to get in.
    howItWorks: { text: VIDEO_NEEDS, links: ['telehealth.techCheck', 'telehealth.videoVisits'] },
    device: { text: VIDEO_NEEDS, links: ['telehealth.techCheck', 'telehealth.videoVisits'] },
    cost: { text: 'followUp.about.videoCost', line: 'memberServices', links: ['billing.coverage'] },
    timing: { text: 'followUp.about.videoTiming', links: ['telehealth.joinVideoVisit', 'telehealth.eVisit'] },
    // The link or the steps were tried: another way into the visit, then a call.
    tried: { text: 'followUp.about.videoTried', line: 'memberServices', links: ['telehealth.joinVideoVisit', 'telehealth.techCheck'] },
  },
};

/** One clinic's own hours: the clinic finder. */
export const PLACE_HOURS: About = { text: 'followUp.about.placeHours', links: ['messaging.findClinic'] };
/** One clinic named after a clinic's number ("the one on main st"): its number is on the clinic finder, or Member Services connects. */
export const PLACE_PHONE: About = { text: 'followUp.about.placePhone', line: 'memberServices', links: ['messaging.findClinic'] };

/** The code does not come and the usual steps were tried: the other way of getting it, the address on file, a call. */
export const CODE_TRIED: About = { text: 'followUp.about.codeTried', line: 'memberServices', links: ['signInHelp.verificationCode'] };
/** The same when the member never said how it comes: the other way, both addresses on file, a call (no e-mail assumed). */
export const CODE_TRIED_EITHER: About = { text: 'followUp.about.codeTriedEither', line: 'memberServices', links: ['signInHelp.verificationCode'] };
/** The same for a code that should come by text: the number on file, signal, short codes, a new code, a call. */
export const CODE_TRIED_TEXT: About = { text: 'followUp.about.codeTriedText', line: 'memberServices', links: ['signInHelp.verificationCode'] };

/** A code on a claim, an EOB or a statement ("CO-50"): what such codes mean, the claim's EOB, appeals, Billing's line. */
export const CLAIM_CODE: About = { text: 'followUp.about.claimCode', line: 'billing', links: ['billing.claims', 'billing.disputes'] };

/** A renewal asked of this chat: it cannot send one; the member's own way, and the pharmacy line. */
export const RENEW_DO_IT: About = { text: 'followUp.about.renewalDoIt', renewal: true, line: 'pharmacy' };

/** The answers to a renewal asked of this chat (markers): asked again right after, a person. */
export const RENEW_ANSWERS = new Set([RENEW_DO_IT.text, 'followUp.about.renewalNotNeeded', 'followUp.about.renewalWhen', 'followUp.about.renewalCantSend']);
/** When a prescription needs renewing, and how to ask for it (for the medicine named, when there is one). */
export const RENEW_WHEN: About = { text: 'followUp.about.renewalWhen', renewal: true, line: 'pharmacy' };

/** After the mental-health answer: a person to talk to now (the line, 988) and the hand-off. */
export const TALK_NOW: About = { text: 'followUp.about.talkNow', line: 'behavioralHealth', person: true };

/** After the nurse line: someone to talk to now is the nurse line itself (24/7), not a hand-off. */
export const NURSE_NOW: About = { text: 'followUp.about.nurseNow', line: 'nurseLine' };

/** After the nurse line: how to start an e-visit (or a same-day visit). */
export const E_VISIT_HOW: About = { text: 'followUp.about.eVisitHow', line: 'nurseLine', links: ['telehealth.eVisit'] };
