import type { Locale } from '../../intents/types';

/**
 * Walks through every task dialog, step by step, as data. Each step names the dialog step
 * (`<Dialog>.STEPS`), the question the member should be seeing (a response key) and the answer
 * they give (an offered choice's title, or their own words). The generated tests replay these
 * to reach every step of every dialog, and check that together they cover every step.
 */
export interface PathStep {
  step: string;
  prompt: string;
  answer: string;
  /** The answer is typed, not one of the offered choices. */
  typed?: boolean;
}

export interface DialogPath {
  name: string;
  dialog: string;
  locale: Locale;
  /** A message that starts the dialog without pre-filling any answer (a menu pick). */
  open: string;
  steps: PathStep[];
  /** What the member sees at the end. */
  done: { links?: RegExp[]; text?: RegExp };
}

export const PATHS: DialogPath[] = [
  {
    name: 'new appointment',
    dialog: 'appointment',
    locale: 'en',
    open: 'Appointments',
    steps: [
      { step: 'action', prompt: 'appointment.ask.action', answer: 'New appointment' },
      { step: 'patient', prompt: 'appointment.ask.patient', answer: 'Myself' },
      { step: 'care', prompt: 'appointment.ask.care', answer: 'Mental health' },
      { step: 'mode', prompt: 'appointment.ask.mode', answer: 'Video' },
      { step: 'when', prompt: 'appointment.ask.when', answer: 'next Tuesday afternoon', typed: true },
    ],
    done: {
      links: [/\/secure\/appointments\/book\?reason=mentalHealth&visitType=video&for=self&when=2025-06-10&time=afternoon&action=new$/],
      text: /Mental health, Video, Tuesday, June 10, in the afternoon/,
    },
  },
  {
    name: 'reschedule for a family member',
    dialog: 'appointment',
    locale: 'en',
    open: 'Appointments',
    steps: [
      { step: 'action', prompt: 'appointment.ask.action', answer: 'Reschedule' },
      { step: 'patient', prompt: 'appointment.ask.patient', answer: 'A family member' },
      { step: 'when', prompt: 'appointment.ask.when', answer: 'As soon as possible' },
    ],
    done: { links: [/\/secure\/appointments\/book\?for=family&when=asap&action=reschedule$/], text: /switch to their profile/ },
  },
  {
    name: 'cancel an appointment',
    dialog: 'appointment',
    locale: 'en',
    open: 'Appointments',
    steps: [
      { step: 'action', prompt: 'appointment.ask.action', answer: 'Cancel an appointment' },
      { step: 'patient', prompt: 'appointment.ask.patient', answer: 'Myself' },
    ],
    done: { links: [/\/secure\/appointments\/upcoming\?action=cancel&for=self$/] },
  },
  {
    name: 'refill status',
    dialog: 'refill',
    locale: 'en',
    open: 'Prescription refills',
    // No Rx number: a status is not shown before signing in, so the number would change nothing.
    steps: [{ step: 'need', prompt: 'refill.ask.need', answer: 'Check status' }],
    done: {
      links: [/\/secure\/pharmacy\/prescriptions$/, /\/secure\/pharmacy\/order-status$/],
      text: /Pending clinician authorization[\s\S]*Too soon[\s\S]*Ready for pickup[\s\S]*Shipped/,
    },
  },
  {
    name: 'refill now',
    dialog: 'refill',
    locale: 'en',
    open: 'Prescription refills',
    steps: [
      { step: 'need', prompt: 'refill.ask.need', answer: 'Refill now' },
      { step: 'rx', prompt: 'refill.ask.rx', answer: '1234-567', typed: true },
    ],
    done: { links: [/\/secure\/pharmacy\/refill\?rx=1234567$/], text: /order the refill on the pharmacy page/ },
  },
  {
    name: 'change pharmacy',
    dialog: 'refill',
    locale: 'en',
    open: 'Prescription refills',
    steps: [{ step: 'need', prompt: 'refill.ask.need', answer: 'Change pharmacy' }],
    done: { links: [/\/secure\/pharmacy\/preferred-pharmacy$/] },
  },
  {
    name: 'forgot password',
    dialog: 'password_reset',
    locale: 'en',
    open: 'Sign-in help',
    steps: [{ step: 'topic', prompt: 'password_reset.ask.topic', answer: 'Forgot password' }],
    done: { links: [/\/sign-on-help\/reset-password$/], text: /never ask for your password/ },
  },
  {
    name: 'pay a bill',
    dialog: 'billing',
    locale: 'en',
    open: 'Billing',
    steps: [{ step: 'topic', prompt: 'billing.ask.topic', answer: 'Pay a bill' }],
    done: { links: [/\/secure\/billing\/pay$/] },
  },
  {
    name: 'dispute a charge, then a person',
    dialog: 'billing',
    locale: 'en',
    open: 'Billing',
    steps: [
      { step: 'topic', prompt: 'billing.ask.topic', answer: 'Dispute a charge' },
      { step: 'offerPerson', prompt: 'common.offerPerson', answer: 'Talk to a person' },
    ],
    done: { text: /billing team[\s\S]*Call Billing at 1-800-555-0133[\s\S]*TTY: 711/, links: [/\/secure\/message-center\/new$/] },
  },
  {
    name: 'test results',
    dialog: 'records',
    locale: 'en',
    open: 'Test results & records',
    steps: [{ step: 'topic', prompt: 'records.ask.topic', answer: 'Test results' }],
    done: { links: [/\/secure\/medical-record\/test-results$/] },
  },
  {
    name: 'join a video visit',
    dialog: 'telehealth',
    locale: 'en',
    open: 'Video visits',
    steps: [{ step: 'topic', prompt: 'telehealth.ask.topic', answer: 'Join a video visit' }],
    done: { links: [/\/secure\/appointments\/video-visit$/, /\/video-visits\/test-your-device$/] },
  },
  {
    name: 'suspicious email',
    dialog: 'contact',
    locale: 'en',
    open: 'Contact my care team',
    steps: [{ step: 'topic', prompt: 'contact.ask.topic', answer: 'Suspicious email or text' }],
    done: { links: [/\/privacy\/report-suspicious-email$/], text: /never ask for your password or financial details/ },
  },
  {
    name: 'nueva cita (es)',
    dialog: 'appointment',
    locale: 'es',
    open: 'Citas',
    steps: [
      { step: 'action', prompt: 'appointment.ask.action', answer: 'Nueva cita' },
      { step: 'patient', prompt: 'appointment.ask.patient', answer: 'Para mí' },
      { step: 'care', prompt: 'appointment.ask.care', answer: 'Salud mental' },
      { step: 'mode', prompt: 'appointment.ask.mode', answer: 'Por video' },
      { step: 'when', prompt: 'appointment.ask.when', answer: 'mañana por la tarde', typed: true },
    ],
    done: {
      links: [/\/secure\/appointments\/book\?reason=mentalHealth&visitType=video&for=self&when=2025-06-06&time=afternoon&action=new$/],
      text: /Salud mental, Por video, viernes, 6 de junio/,
    },
  },
  {
    name: 'surtido (es)',
    dialog: 'refill',
    locale: 'es',
    open: 'Surtido de recetas',
    steps: [
      { step: 'need', prompt: 'refill.ask.need', answer: 'Surtir ahora' },
      { step: 'rx', prompt: 'refill.ask.rx', answer: 'No sé el número' },
    ],
    done: { links: [/\/secure\/pharmacy\/refill$/], text: /llame a la farmacia al 1-800-555-0122/ },
  },
  {
    name: 'disputa (es)',
    dialog: 'billing',
    locale: 'es',
    open: 'Facturación',
    steps: [
      { step: 'topic', prompt: 'billing.ask.topic', answer: 'Reclamo negado' },
      { step: 'offerPerson', prompt: 'common.offerPerson', answer: 'Hablar con una persona' },
    ],
    done: { text: /reclamo negado[\s\S]*Llame a Facturación al 1-800-555-0133/ },
  },
];

/** Emergencies typed mid-dialog, per language, with the number the answer must give. */
/** `line`: the less urgent line the answer ends with (the nurse line; after 988, the behavioral-health line). */
export const EMERGENCIES: Record<Locale, Array<{ text: string; number: RegExp; line: RegExp }>> = {
  en: [
    { text: 'my chest hurts and my arm is numb', number: /Call 911 now/, line: /1-800-555-0111/ },
    { text: 'I want to kill myself', number: /Call or text 988/, line: /1-800-555-0144/ },
    { text: 'my son swallowed bleach', number: /Poison Control now at 1-800-222-1222/, line: /1-800-555-0111/ },
  ],
  es: [
    { text: 'me duele el pecho y no puedo respirar', number: /Llame al 911 ahora/, line: /1-800-555-0111/ },
    { text: 'quiero morir', number: /mensaje de texto al 988/, line: /1-800-555-0144/ },
    { text: 'mi hijo se tragó veneno', number: /Envenenamientos al 1-800-222-1222/, line: /1-800-555-0111/ },
  ],
};

export const CHANNELS = ['webchat', 'msteams', 'sms'] as const;
