import { topicTable } from './topicTable';

/** Sign-in help: short steps and the recovery page; never asks for a password. */
export const PASSWORD_RESET = topicTable({
  intent: 'password_reset',
  question: 'password_reset.problem',
  answers: {
    forgotPassword: { links: ['signInHelp.forgotPassword'] },
    forgotUsername: { links: ['signInHelp.forgotUsername'] },
    locked: { links: ['signInHelp.unlockAccount'], phone: 'memberServices' },
    codeNotArriving: { links: ['signInHelp.verificationCode'], phone: 'memberServices' },
    newPhone: { links: ['signInHelp.verificationCode'], phone: 'memberServices' },
  },
});

export const BILLING = topicTable({
  intent: 'billing',
  question: 'billing.topic',
  answers: {
    balance: { links: ['billing.center'], phone: 'billing' },
    statements: { links: ['billing.statements'] },
    pay: { links: ['billing.payBill'] },
    paymentPlan: { links: ['billing.paymentPlan'], phone: 'billing' },
    costs: { links: ['billing.coverage', 'billing.costEstimates'] },
    claimDenied: { links: ['billing.claims', 'billing.disputes'], offerPerson: 'denied_claim' },
    priorAuth: { links: ['billing.priorAuthorization'] },
    dispute: { links: ['billing.disputes'], phone: 'billing', offerPerson: 'dispute' },
  },
});

export const RECORDS = topicTable({
  intent: 'records',
  question: 'records.topic',
  answers: {
    labResults: { links: ['records.testResults'] },
    visitSummaries: { links: ['records.visitSummaries'] },
    requestRecords: { links: ['records.requestRecords'] },
    immunizations: { links: ['records.immunizations'] },
  },
});

export const TELEHEALTH = topicTable({
  intent: 'telehealth',
  question: 'telehealth.topic',
  answers: {
    join: { links: ['telehealth.joinVideoVisit', 'telehealth.techCheck'] },
    troubleshoot: { links: ['telehealth.techCheck'], phone: 'memberServices' },
    eVisit: { links: ['telehealth.eVisit'] },
    about: { links: ['telehealth.videoVisits'] },
  },
});

export const CONTACT = topicTable({
  intent: 'contact',
  question: 'contact.topic',
  answers: {
    message: { links: ['messaging.messageCareTeam'] },
    replyTimes: { links: ['messaging.messageCareTeam'], phone: 'nurseLine' },
    suspicious: { links: ['messaging.reportPhishing'], phone: 'memberServices' },
    call: { links: ['messaging.contactUs'], phone: 'memberServices' },
  },
});

export const TOPIC_TABLES = [PASSWORD_RESET, BILLING, RECORDS, TELEHEALTH, CONTACT] as const;
