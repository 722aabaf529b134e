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
    // "it keeps saying wrong code": the code arrived but is refused (old, expired, mistyped).
    wrongCode: { links: ['signInHelp.verificationCode'], phone: 'memberServices' },
    newPhone: { links: ['signInHelp.verificationCode'], phone: 'memberServices' },
    portalError: { links: ['signInHelp.troubleshooting'], phone: 'memberServices' },
    sharedEmail: { links: ['signInHelp.sharedEmail'], phone: 'memberServices' },
    whereToSignIn: { links: ['signIn', 'register'] },
    // "How do I link my account?" (often on Teams): how the assistant knows who you are here.
    linkAccount: { links: ['signIn'], phone: 'memberServices' },
    // "I don't have an account" / "how do I sign up": creating a portal account, never a recovery.
    register: { links: ['register'], phone: 'memberServices' },
  },
  unlisted: ['wrongCode', 'whereToSignIn', 'linkAccount', 'register'],
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
    dispute: { links: ['billing.claims', 'billing.disputes'], phone: 'billing', offerPerson: 'dispute' },
    insurance: { links: ['account.insurance'], phone: 'memberServices' },
    idCard: { links: ['account.idCard'], phone: 'memberServices' },
    paperless: { links: ['billing.paperless'] },
    noShowFee: { links: ['billing.center'], phone: 'billing' },
    // "why is my bill so high": what commonly raises a bill, where each charge is explained (the
    // statement, the claims' explanation of benefits) and Billing's line; a person is offered.
    highBill: { links: ['billing.statements', 'billing.claims'], phone: 'billing', offerPerson: 'dispute' },
    // "got a bill for 340, i thought my copay was 30": one charge above what the member was told or
    // expected is a question about that claim: its explanation of benefits, the appeals page, Billing
    // and a person; never the coverage pages alone (newcomer run v20).
    aboveExpected: { links: ['billing.claims', 'billing.disputes'], phone: 'billing', offerPerson: 'dispute' },
    // "is my claim from last month processed": where a claim stands and its explanation of benefits.
    claims: { links: ['billing.claims'], phone: 'billing' },
    // "does my plan cover ozempic": the plan's drug list when the portal has one, and the pharmacy's line.
    drugCoverage: { links: ['pharmacy.drugCoverage'], phone: 'pharmacy' },
    // "what is a deductible", "que es el coseguro": the term in plain words, with the coverage page
    // (the claims page for an explanation of benefits).
    deductible: { links: ['billing.coverage'] },
    copay: { links: ['billing.coverage'] },
    // "do I need a referral for the dermatologist?": what the plan needs before a specialist visit,
    // where to see it and a referral's status; never a booking (newcomer run v21, Z08).
    referral: { links: ['billing.coverage', 'billing.priorAuthorization'] },
    coinsurance: { links: ['billing.coverage'] },
    outOfPocketMax: { links: ['billing.coverage'] },
    eob: { links: ['billing.claims'] },
    // "is there financial help? I lost my job": help paying (Billing's line), a payment plan, and
    // other coverage after a lost job; not the payment plan's answer again.
    financialHelp: { links: ['billing.paymentPlan', 'billing.coverage'], phone: 'billing' },
  },
  /** Answered when the message asks it; the menu keeps its twelve plain choices. */
  unlisted: ['highBill', 'aboveExpected', 'claims', 'drugCoverage', 'deductible', 'referral', 'copay', 'coinsurance', 'outOfPocketMax', 'eob', 'financialHelp'],
  otherLine: 'billing',
});

export const RECORDS = topicTable({
  intent: 'records',
  question: 'records.topic',
  answers: {
    labResults: { links: ['records.testResults'] },
    visitSummaries: { links: ['records.visitSummaries'] },
    requestRecords: { links: ['records.requestRecords'] },
    immunizations: { links: ['records.immunizations'] },
    medicationList: { links: ['records.medications'] },
    resultsReleased: { links: ['records.testResults', 'messaging.messageCareTeam'], phone: 'memberServices' },
    resultsTiming: { links: ['records.testResults'] },
    // Getting ready for a lab test (fasting): the order's instructions, the care team, the nurse line.
    labPrep: { links: ['appointments.upcoming', 'messaging.messageCareTeam'], phone: 'nurseLine' },
    // "how do I get proxy access for my mom", "como pido el acceso de representante": acting for a
    // family member on the portal, and how to get that access (newcomer run v21).
    proxyAccess: { links: ['signInHelp.sharedEmail'], phone: 'memberServices' },
  },
  /** Answered when the message asks it ("do i need to fast for the lab", dialogs/labPrep.ts; proxy access). */
  unlisted: ['labPrep', 'proxyAccess'],
});

export const TELEHEALTH = topicTable({
  intent: 'telehealth',
  question: 'telehealth.topic',
  answers: {
    // Booking a visit by video is the appointment booking, with video filled in.
    // Whose visit, when said ("for my daughter", "para mi hija"), goes with it.
    book: { links: [], startTask: 'appointment', startWith: { action: 'new', mode: 'video' }, startReads: { patient: 'appointment.patient' } },
    join: { links: ['telehealth.joinVideoVisit', 'telehealth.techCheck'] },
    troubleshoot: { links: ['telehealth.techCheck'], phone: 'memberServices' },
    eVisit: { links: ['telehealth.eVisit'] },
    about: { links: ['telehealth.videoVisits'] },
    switchToVideo: { links: ['appointments.upcoming', 'telehealth.videoVisits'] },
    // "what's the difference between a video visit and an e-visit": both, side by side.
    compare: { links: ['telehealth.videoVisits', 'telehealth.eVisit'] },
    // "do i need to download an app for my video visit?": what it takes (a device, nothing to install), newcomer run v22.
    needs: { links: ['telehealth.techCheck', 'telehealth.joinVideoVisit'] },
  },
  unlisted: ['compare', 'needs'],
  // "es para mi hija" to "What do you need for video visits?": booking one for her.
  byAnswerOf: { question: 'appointment.patient', id: 'book' },
});

export const CONTACT = topicTable({
  intent: 'contact',
  question: 'contact.topic',
  answers: {
    message: { links: ['messaging.messageCareTeam'] },
    replyTimes: { links: ['messaging.messageCareTeam'], phone: 'nurseLine' },
    suspicious: { links: ['messaging.reportPhishing'], phone: 'memberServices' },
    call: { links: ['messaging.contactUs'], phone: 'memberServices' },
    clinicPhone: { links: ['messaging.findClinic'], phone: 'memberServices' },
    email: { links: ['messaging.messageCareTeam'], phone: 'nurseLine' },
    contactDetails: { links: ['account.contactInfo'], phone: 'memberServices' },
    emergencyContact: { links: ['account.emergencyContact'] },
    reminders: { links: ['account.notifications'] },
    wellness: { links: ['wellness.classes'] },
    /**
     * The portal or the app down or showing an error ("the website is down", "la app se queda en
     * blanco"): the same troubleshooting answer as sign-in help's `portalError`, on the menu too.
     */
    portalError: { links: ['signInHelp.troubleshooting'], phone: 'memberServices' },
    pharmacy: { links: ['pharmacy.center'], phone: 'pharmacy' },
    /**
     * When the pharmacies are open: built by PharmacyHoursAnswer from the profile's pharmacies, never
     * the phone line's hours; the phone is the line a "and the number?" right after gets.
     */
    pharmacyHours: { links: ['pharmacy.locator'], phone: 'pharmacy' },
    /** Where the pharmacies are: built by PharmacyHoursAnswer too (their addresses), with the pharmacy finder and line. */
    pharmacyLocation: { links: ['pharmacy.locator'], phone: 'pharmacy' },
    nurseLine: { links: [], phone: 'nurseLine' },
    behavioralHealth: { links: [], phone: 'behavioralHealth' },
    billingLine: { links: ['billing.center'], phone: 'billing' },
    hours: { links: ['messaging.findClinic'], phone: 'memberServices' },
    location: { links: ['messaging.findClinic'], phone: 'memberServices' },
    /**
     * "where is the nearest ER", "la sala de emergencias más cerca" (often after Poison Control or
     * the nurse line said to go): 911 first, any emergency department will do, then the finder
     * (newcomer run v21, X06: an 11-option menu, then a dead end).
     */
    nearestEr: { links: ['messaging.findClinic'], phone: 'nurseLine' },
  },
  /** Every phone line of the profile, answered when the member names its department; opening hours and clinic locations, when named. */
  unlisted: ['pharmacy', 'pharmacyHours', 'pharmacyLocation', 'nurseLine', 'behavioralHealth', 'billingLine', 'hours', 'location', 'nearestEr'],
  /** "whats the number" right after a topic with a phone line (the pharmacy's hours): that line. */
  lines: { memberServices: 'call', pharmacy: 'pharmacy', nurseLine: 'nurseLine', behavioralHealth: 'behavioralHealth', billing: 'billingLine' },
});

export const TOPIC_TABLES = [PASSWORD_RESET, BILLING, RECORDS, TELEHEALTH, CONTACT] as const;

/**
 * Sub-topics of the appointment and prescription dialogs that are a plain answer: given at once
 * when the opening message names them ("put me on the waitlist"), before the dialog's questions.
 */
export const APPOINTMENT_INFO = topicTable({
  intent: 'appointment',
  question: 'appointment.info',
  answers: {
    waitlist: { links: ['appointments.upcoming'], phone: 'memberServices' },
    dental: { links: ['billing.coverage'], phone: 'memberServices', benefit: 'dental' },
    /** Moving a visit: "same place right?" (where the new time is). */
    samePlace: { links: ['appointments.upcoming'] },
    /** "how long does the visit take?" (to ask for time off work): usual lengths, when to arrive (newcomer run v21, Z13). */
    visitLength: { links: ['appointments.upcoming'] },
  },
});

export const REFILL_INFO = topicTable({
  intent: 'refill',
  question: 'refill.info',
  answers: {
    autoRefill: { links: ['pharmacy.autoRefill'], phone: 'pharmacy' },
    /** "can my husband pick it up for me": someone else picks up a prescription (newcomer run v20). */
    pickup: { links: ['pharmacy.prescriptions'], phone: 'pharmacy' },
  },
});

export const INFO_TABLES = [APPOINTMENT_INFO, REFILL_INFO] as const;

/** Every table of sub-topics, to route a first message that names one to its topic. */
export const SUB_TOPIC_TABLES = [...TOPIC_TABLES, ...INFO_TABLES] as const;
