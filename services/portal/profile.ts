import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { StartupError } from '../../common/errors';
import { fromRoot } from '../../common/paths';
import { AgentHours, timeZone, weeklyHoursSchema } from './hours';
import type { Locale } from '../../intents/types';

/**
 * A portal profile: the plan's name and colours, its patient-portal pages (deep links) and its
 * phone numbers, per region. Profiles are data files in `config/profiles/<id>.json`, validated
 * at start-up; no URL or phone number is written in dialog code.
 */

const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'expected a colour like #0b5fa5' });
/** A page: a path on the portal ("/secure/billing") or an absolute https URL, with optional {placeholders}. */
const page = z
  .string()
  .min(1)
  .refine((value) => value.startsWith('/') || /^https:\/\/[^\s]+$/.test(value), {
    error: 'expected a path starting with / or an https:// URL',
  });
/** A text shown to members: one for every language, or one per language. */
const localized = z.union([z.string().min(1), z.strictObject({ en: z.string().min(1), es: z.string().min(1) })], {
  error: 'expected a text, or { "en": text, "es": text }',
});
const phone = z.strictObject({
  number: z.string().regex(/^[0-9A-Z+()\- .]{3,25}$/, { error: 'expected a phone number like 1-800-555-0100' }),
  hours: localized,
});
const digits = z.int().min(4).max(20);
const number = z.string().regex(/^[0-9A-Z+()\- .]{3,25}$/, { error: 'expected a phone number like 1-800-555-0100 (or 911)' });
/** A web address shown as text ("988lifeline.org"): a host name and an optional path, no scheme. */
const site = z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}(\/[^\s]*)?$/, { error: 'expected a web address like 988lifeline.org' });
const localizedSite = z.union([site, z.strictObject({ en: site, es: site })], { error: 'expected an address, or { "en": address, "es": address }' });

export const portalProfileSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, { error: 'expected lowercase letters, digits and dashes' }),
  planName: z.string().min(1).max(60),
  region: z.string().min(1),
  brand: z.strictObject({ primaryColor: color, primaryTextColor: color, accentColor: color }),
  baseUrl: z.url({ protocol: /^https$/, error: 'expected an https:// URL' }),
  links: z.strictObject({
    home: page,
    signIn: page,
    register: page,
    appointments: z.strictObject({ center: page, schedule: page, upcoming: page }),
    pharmacy: z.strictObject({
      center: page,
      orderStatus: page,
      refill: page,
      prescriptions: page,
      mailOrder: page,
      changePharmacy: page,
      autoRefill: page,
      /** The portal's renewal request (a prescription with no refills left), if it has one. */
      renewal: page.optional(),
      /** The plan's drug list (formulary): which medicines it covers, at which tier; if the portal has one. */
      drugCoverage: page.optional(),
      /** Find a pharmacy: every location with its address and opening hours. */
      locator: page,
    }),
    signInHelp: z.strictObject({
      center: page,
      forgotPassword: page,
      forgotUsername: page,
      unlockAccount: page,
      verificationCode: page,
      /** The portal shows an error or seems down: status and troubleshooting steps. */
      troubleshooting: page,
      /** Two people sharing one e-mail address (each needs their own account, or proxy access). */
      sharedEmail: page,
    }),
    billing: z.strictObject({
      center: page,
      payBill: page,
      statements: page,
      paymentPlan: page,
      costEstimates: page,
      claims: page,
      coverage: page,
      priorAuthorization: page,
      disputes: page,
      paperless: page,
    }),
    records: z.strictObject({ testResults: page, visitSummaries: page, immunizations: page, requestRecords: page, medications: page }),
    telehealth: z.strictObject({ videoVisits: page, joinVideoVisit: page, eVisit: page, techCheck: page }),
    messaging: z.strictObject({ messageCareTeam: page, contactUs: page, reportPhishing: page, requestCallback: page, findClinic: page }),
    /** The member's profile: insurance, member ID card, contact details, emergency contact, reminders and notifications. */
    account: z.strictObject({ insurance: page, idCard: page, contactInfo: page, emergencyContact: page, notifications: page }),
    /** Wellness resources and classes (quitting smoking, weight, stress). */
    wellness: z.strictObject({ classes: page }),
  }),
  phones: z.strictObject({
    memberServices: phone,
    nurseLine: phone,
    /** The plan's behavioral-health (mental health and substance use) line. */
    behavioralHealth: phone,
    pharmacy: phone,
    billing: phone,
    tty: z.string().min(1),
  }),
  /** The plan's pharmacies with their opening hours (not the pharmacy phone line's hours). */
  pharmacies: z.array(z.strictObject({ name: z.string().min(1), address: z.string().min(1), hours: localized })),
  /**
   * The wellness classes offered, by topic: its title, the word beginnings that name it in each
   * language (lowercase, no accents: "diabet", "embaraz") and its page.
   */
  wellnessClasses: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9-]+$/),
        title: localized,
        words: z.strictObject({ en: z.array(z.string().regex(/^[a-z ]+$/)).min(1), es: z.array(z.string().regex(/^[a-z ]+$/)).min(1) }),
        page,
      }),
    )
    .min(1),
  /**
   * The numbers the safety triage gives (dialogs/triage.ts): national lines, per profile so that a
   * region can use its own (a state's crisis or abuse line). Never written in response texts.
   */
  hotlines: z.strictObject({
    emergency: number,
    /** Suicide & Crisis Lifeline: call or text. */
    crisis: number,
    crisisChat: localizedSite,
    poisonControl: number,
    /** National Domestic Violence Hotline, and its text line (keyword to number). */
    domesticViolence: number,
    domesticViolenceText: z.strictObject({ keyword: z.string().regex(/^[A-Z]{2,12}$/), to: number }),
    /** Its chat, for a member whose phone is watched (no text to keep). */
    domesticViolenceChat: localizedSite,
    /** RAINN National Sexual Assault Hotline. */
    sexualAssault: number,
    /** Childhelp National Child Abuse Hotline (call or text). */
    childAbuse: number,
    /** Eldercare Locator (finds the local Adult Protective Services). */
    elderAbuse: number,
  }),
  /** Rx numbers on this plan's labels: digits, at most one dash. */
  prescriptions: z.strictObject({
    rxNumber: z
      .strictObject({ minDigits: digits, maxDigits: digits })
      .refine((r) => r.minDigits <= r.maxDigits, { error: 'minDigits must not be more than maxDigits' }),
  }),
  /** Service levels the assistant quotes. */
  careTeam: z.strictObject({
    /** Business days the care team takes to answer a secure message. */
    messageReplyBusinessDays: z.int().min(1).max(14),
  }),
  /** Care the plan offers beyond the booking's care types: asked for a dentist, the assistant says whether. */
  benefits: z.strictObject({ dental: z.boolean() }),
  /** When support agents take chats (the hand-off queue), and how the assistant says so. */
  agentChat: z.strictObject({
    timezone: timeZone,
    /** Per weekday (sun … sat), time ranges in that zone, e.g. "mon": ["08:00-18:00"]; a missing day is closed. */
    hours: weeklyHoursSchema,
    hoursText: localized,
    /** Minutes an agent usually spends on one chat, for the wait estimate until there is history. */
    averageHandleMinutes: z.int().min(1).max(120),
  }),
});

export type PortalProfileData = z.infer<typeof portalProfileSchema>;
type Links = PortalProfileData['links'];
export type PhoneLine = Exclude<keyof PortalProfileData['phones'], 'tty'>;
export type Benefit = keyof PortalProfileData['benefits'];

/** "billing.payBill", "home", … : every page of a profile, by dotted name. */
export type LinkKey = {
  [K in keyof Links]: Links[K] extends string ? K : `${K & string}.${keyof Links[K] & string}`;
}[keyof Links];

export class PortalProfileError extends StartupError {}

export class PortalProfile {
  constructor(readonly data: PortalProfileData) {}

  get id(): string {
    return this.data.id;
  }

  get planName(): string {
    return this.data.planName;
  }

  get phones(): PortalProfileData['phones'] {
    return this.data.phones;
  }

  /** Every number of the profile (the plan's lines, TTY, hotlines): public, never redacted as a member's. */
  publicNumbers(): string[] {
    const { tty, ...lines } = this.data.phones;
    const h = this.data.hotlines;
    return [
      ...Object.values(lines).map((line) => line.number),
      tty,
      h.emergency,
      h.crisis,
      h.poisonControl,
      h.domesticViolence,
      h.domesticViolenceText.to,
      h.sexualAssault,
      h.childAbuse,
      h.elderAbuse,
    ];
  }

  /** A phone line with its hours in the member's language. */
  phone(line: PhoneLine, locale: Locale): { number: string; hours: string } {
    const { number, hours } = this.data.phones[line];
    return { number, hours: typeof hours === 'string' ? hours : hours[locale] };
  }

  /**
   * The hotline numbers as text variables ({emergency}, {crisis}, {crisisChat}, {poison}, {dv},
   * {dvKeyword}, {dvTextTo}, {rainn}, {childhelp}, {eldercare}) for the safety texts.
   */
  hotlineVars(locale: Locale): Record<string, string> {
    const h = this.data.hotlines;
    return {
      emergency: h.emergency,
      crisis: h.crisis,
      crisisChat: typeof h.crisisChat === 'string' ? h.crisisChat : h.crisisChat[locale],
      poison: h.poisonControl,
      dv: h.domesticViolence,
      dvKeyword: h.domesticViolenceText.keyword,
      dvTextTo: h.domesticViolenceText.to,
      dvChat: typeof h.domesticViolenceChat === 'string' ? h.domesticViolenceChat : h.domesticViolenceChat[locale],
      rainn: h.sexualAssault,
      childhelp: h.childAbuse,
      eldercare: h.elderAbuse,
    };
  }

  /** When agents take chats (in the profile's time zone). */
  agentHours(): AgentHours {
    return new AgentHours(this.data.agentChat.timezone, this.data.agentChat.hours);
  }

  /** The agent chat hours in words, in the member's language. */
  agentHoursText(locale: Locale): string {
    const text = this.data.agentChat.hoursText;
    return typeof text === 'string' ? text : text[locale];
  }

  /** Whether the plan offers a kind of care (dental). */
  offers(benefit: Benefit): boolean {
    return this.data.benefits[benefit];
  }

  /** The pharmacies with their hours in the member's language. */
  pharmacies(locale: Locale): Array<{ name: string; address: string; hours: string }> {
    return this.data.pharmacies.map(({ name, address, hours }) => ({ name, address, hours: typeof hours === 'string' ? hours : hours[locale] }));
  }

  /** The wellness classes with their titles in the member's language and their absolute URLs. */
  wellnessClasses(locale: Locale): Array<{ id: string; title: string; words: string[]; url: string }> {
    return this.data.wellnessClasses.map(({ id, title, words, page }) => ({
      id,
      title: typeof title === 'string' ? title : title[locale],
      words: words[locale],
      url: new URL(page, this.data.baseUrl).toString(),
    }));
  }

  get rxNumber(): { minDigits: number; maxDigits: number } {
    return this.data.prescriptions.rxNumber;
  }

  /**
   * The absolute URL of a portal page. Query parameters written as `{placeholder}` are filled
   * from `params` (URL-encoded); those without a value are dropped.
   */
  /** Whether the profile has this page (an optional one, like `pharmacy.renewal`, may be missing). */
  hasLink(key: LinkKey): boolean {
    const [group, name] = key.split('.') as [keyof Links, string?];
    const entry = this.data.links[group];
    return typeof entry === 'string' || typeof (entry as Record<string, string | undefined>)[name ?? ''] === 'string';
  }

  link(key: LinkKey, params: Record<string, string | undefined> = {}): string {
    const [group, name] = key.split('.') as [keyof Links, string?];
    const entry = this.data.links[group];
    const template = (typeof entry === 'string' ? entry : (entry as Record<string, string>)[name ?? '']) as string;
    const url = new URL(template, this.data.baseUrl);
    const filled = new URL(url.origin + url.pathname);
    for (const [param, value] of url.searchParams) {
      const placeholder = /^\{(\w+)\}$/.exec(value);
      const resolved = placeholder ? params[placeholder[1]!] : value;
      if (resolved !== undefined && resolved !== '') filled.searchParams.set(param, resolved);
    }
    filled.hash = url.hash;
    return filled.toString();
  }
}

/** Loads and validates `config/profiles/<id>.json`; every problem is named with the file. */
export function loadPortalProfile(id: string, dir: string = fromRoot('config', 'profiles')): PortalProfile {
  const available = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5));
  if (!available.includes(id)) {
    throw new PortalProfileError(`Portal profile "${id}" not found in ${dir} (available: ${available.join(', ') || 'none'}).`);
  }
  const file = path.join(dir, `${id}.json`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new PortalProfileError(`Portal profile ${file} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = portalProfileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new PortalProfileError(`Portal profile ${file} is invalid: ${problems.join('; ')}.`);
  }
  if (parsed.data.id !== id) {
    throw new PortalProfileError(`Portal profile ${file} has id "${parsed.data.id}"; it must match the file name ("${id}").`);
  }
  return new PortalProfile(parsed.data);
}
