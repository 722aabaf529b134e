import { TASK_INTENTS } from '../intents/types';

/**
 * Every closed question the dialogs ask, with its options (ids). Titles are response texts
 * (`options.<question>.<id>` in responses/<locale>.json); synonyms are in dialogs/data/phrases.json
 * (`<question>.<id>`). Kept in one table so tests can check that each has its texts.
 */
export const QUESTIONS = {
  'appointment.action': ['new', 'reschedule', 'cancel', 'find'],
  'appointment.patient': ['self', 'family'],
  'appointment.care': ['primary', 'specialty', 'mentalHealth', 'urgent', 'vaccines', 'tests'],
  'appointment.mode': ['inPerson', 'video', 'phone'],
  /** `sameTime`: moving a visit, keep its time of day (offered only then). */
  'appointment.when': ['asap', 'any', 'sameTime'],
  'refill.rx': ['unknown'],
  /** Said after the refill answer asked for (or offered) the Rx number: the member has none. */
  'refill.noRx': ['noRx'],
  /** `earlyRefill` (a refill before a trip) is not on the menu: answered when named. */
  'refill.need': ['status', 'refillNow', 'whyPending', 'changePharmacy', 'mailOrder', 'renewal', 'earlyRefill'],
  /** Questions answered at once when the opening message names them (no menu of their own). */
  'appointment.info': ['waitlist', 'dental', 'samePlace', 'visitLength'],
  'refill.info': ['autoRefill', 'pickup'],
  'password_reset.problem': ['forgotPassword', 'forgotUsername', 'locked', 'codeNotArriving', 'wrongCode', 'newPhone', 'portalError', 'sharedEmail', 'whereToSignIn', 'linkAccount', 'register'],
  'billing.topic': ['balance', 'statements', 'pay', 'paymentPlan', 'costs', 'claimDenied', 'priorAuth', 'dispute', 'insurance', 'idCard', 'paperless', 'noShowFee', 'highBill', 'aboveExpected', 'claims', 'drugCoverage', 'deductible', 'copay', 'coinsurance', 'outOfPocketMax', 'eob', 'financialHelp', 'referral'],
  'records.topic': ['labResults', 'visitSummaries', 'requestRecords', 'immunizations', 'medicationList', 'resultsReleased', 'resultsTiming', 'labPrep', 'proxyAccess'],
  'telehealth.topic': ['book', 'join', 'troubleshoot', 'eVisit', 'about', 'switchToVideo', 'compare', 'needs'],
  'contact.topic': ['message', 'replyTimes', 'suspicious', 'call', 'clinicPhone', 'email', 'contactDetails', 'emergencyContact', 'reminders', 'wellness', 'portalError', 'pharmacy', 'pharmacyHours', 'pharmacyLocation', 'nurseLine', 'behavioralHealth', 'billingLine', 'hours', 'location', 'nearestEr'],
  /** A phone number asked for without saying whose ("whats the number", "¿y el teléfono?"). */
  'contact.number': ['askNumber'],
  followUp: ['yes', 'no', 'agent'],
  /** "Do you want to go back to …?" after a detour from a paused task. */
  resume: ['yes', 'no'],
  /** The topics menu (titles: `topics.<id>`), used to ask "did you mean…?". */
  topics: [...TASK_INTENTS, 'agent', 'somethingElse'],
  offerPerson: ['agent', 'no'],
  /** Verifying identity on SMS: a one-time code to the number on file. */
  'identity.smsOffer': ['sendCode', 'notNow'],
  /** Before changing a record (book, cancel, refill). */
  confirm: ['yes', 'no'],
  /** A question asked back instead of a yes or a no ("which pharmacy?", "how much will it cost?"). */
  'confirm.about': ['place', 'cost', 'timing', 'done', 'clinician'],
  /** A change asked for instead of a yes or a no ("a later time please", "mas temprano"). */
  'confirm.change': ['later', 'earlier'],
} as const satisfies Record<string, readonly string[]>;

export type QuestionKey = keyof typeof QUESTIONS;
export type OptionId<Q extends QuestionKey> = (typeof QUESTIONS)[Q][number];
