import { redactText } from '../../common/redaction';
import type { HandoffMode } from '../../handoff/core/settings';
import { ABUSE_KINDS, EMERGENCY_KINDS, type AbuseKind, type EmergencyKind } from '../../intents/types';
import type { StoredActivity } from '../../handoff/transcript/transcriptStore';

/**
 * The analytics report over stored transcripts (`npm run report`): plain functions over the
 * transcript documents, no I/O. What each number means is in DEFINITIONS (printed with the
 * report, and in docs/operations.md).
 */

/** What the report needs of a transcript document. */
export interface ReportDoc {
  channelId: string;
  conversationId: string;
  activities: StoredActivity[];
}

export interface ReportPeriod {
  /** First and last day (YYYY-MM-DD, UTC) of the conversations counted (by the day they started). */
  from: string;
  to: string;
  days: number;
}

export interface Report {
  generatedAt: string;
  period: ReportPeriod;
  /** Channels read (or the one asked for). */
  channels: string[];
  /** Conversations with at least one member message. */
  conversations: number;
  /** Conversations opened without a member message (the welcome only): not counted anywhere else. */
  withoutMemberMessage: number;
  memberMessages: number;
  contained: number;
  escalated: number;
  /** contained / conversations; null without conversations. */
  containmentRate: number | null;
  escalationRate: number | null;
  /** Escalated conversations by how (a conversation handed over more than one way counts under each). */
  escalatedBy: Record<HandoffMode, number>;
  /** Member messages the main dialog routed as a new request (not answers to a dialog's question). */
  requests: number;
  /** Requests the assistant could not tell what they were about. */
  notUnderstood: number;
  notUnderstoodRate: number | null;
  topIntents: Array<{ intent: string; count: number; share: number }>;
  /** Not-understood requests, redacted, deduplicated (case and spacing), most frequent first. */
  unrecognized: Array<{ text: string; count: number }>;
  unrecognizedDistinct: number;
  emergencies: { messages: number; conversations: number; byKind: Record<EmergencyKind, number> };
  /** Abuse disclosures answered with a hotline, by kind (counted like emergencies). */
  abuse: { messages: number; conversations: number; byKind: Record<AbuseKind, number> };
  /**
   * The safety triage's other answers: mental health (behavioral-health care and 988), symptoms
   * (the nurse line) and the safety net (unsure: 911, 988 and the nurse line, then a question).
   * `noted`: of those messages, the ones answered with the line only, beside a dialog's answer.
   */
  triage: Record<TriageAnswer, { messages: number; conversations: number; noted: number }>;
  definitions: Record<string, string>;
}

export const DEFINITIONS: Record<string, string> = {
  conversation: 'a conversation with at least one member message, counted in the period of the day it started (UTC)',
  escalated:
    'the member was handed to a person at least once: queued for an agent (queue), sent to the contact centre (event), or given the ways to reach one (contact)',
  containment: 'conversations never escalated / conversations (emergency redirections count as contained; they are reported on their own)',
  escalationRate: 'escalated conversations / conversations',
  request: 'a member message routed as a new request (not an answer to a question the assistant asked)',
  topIntents: 'understood requests by the intent they were routed on',
  unrecognized: 'requests the assistant could not tell what they were about (it asked to rephrase or offered the menu), redacted',
  emergency: 'member messages answered with the emergency redirection (911, 988, Poison Control), by kind',
  abuse: 'member messages answered as a disclosure of abuse (domestic violence, sexual assault, child or elder abuse) with its hotline, by kind',
  mentalHealth: 'member messages answered with mental-health care (the behavioral health line, a visit, 988); noted: the line only, beside an answer to a question',
  symptoms: 'member messages answered with the nurse advice line and care options; noted: the line only, beside an answer to a question',
  safetyNet: 'member messages with a health, distress or safety signal the triage was unsure about, answered with what to do if it is an emergency (911, 988, nurse line)',
};

/** The safety triage's non-urgent answers, as the transcript's `meta.triage` names them. */
export const TRIAGE_ANSWERS = ['mental_health', 'symptoms', 'safety_net'] as const;
export type TriageAnswer = (typeof TRIAGE_ANSWERS)[number];

const MAX_DISTINCT = 50_000;
const MAX_UTTERANCE = 200;

const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+/gu;
/** A token mixing letters and digits (member, Rx, claim or group numbers): 5 characters or more. */
const MIXED_ID = /(?<![\p{L}\p{N}])(?=[\p{L}\p{N}-]*\p{N})(?=[\p{L}\p{N}-]*\p{L})[\p{L}\p{N}][\p{L}\p{N}-]{4,}(?![\p{L}\p{N}])/gu;
/** Digits with separators (phone, SSN, card, dates of birth, ids): masked from 4 digits on. */
const NUMBER = /\+?\d[\d\s()./-]*\d/gu;

/**
 * A member's words as the report may show them: `redactText` again (what the transcript kept is
 * redacted already), and beyond it emails, numbers of 4 digits or more and letter-digit ids,
 * which retraining never needs.
 */
export function scrubUtterance(text: string): string {
  const scrubbed = redactText(text)
    .replace(EMAIL, '[EMAIL]')
    .replace(MIXED_ID, '[ID]')
    .replace(NUMBER, (m) => ((m.match(/\d/g)?.length ?? 0) >= 4 ? '[NUMBER]' : m))
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  return scrubbed.length > MAX_UTTERANCE ? `${scrubbed.slice(0, MAX_UTTERANCE - 1)}…` : scrubbed;
}

const rate = (part: number, whole: number): number | null => (whole ? part / whole : null);
const zeroKinds = (): Record<EmergencyKind, number> => Object.fromEntries(EMERGENCY_KINDS.map((k) => [k, 0])) as Record<EmergencyKind, number>;
const zeroAbuse = (): Record<AbuseKind, number> => Object.fromEntries(ABUSE_KINDS.map((k) => [k, 0])) as Record<AbuseKind, number>;
const zeroTriage = (): Record<TriageAnswer, { messages: number; conversations: number; noted: number }> =>
  Object.fromEntries(TRIAGE_ANSWERS.map((t) => [t, { messages: 0, conversations: 0, noted: 0 }])) as Record<TriageAnswer, { messages: number; conversations: number; noted: number }>;

/** Adds conversations one at a time (a period's transcripts need not be held at once). */
export class ReportBuilder {
  private conversations = 0;
  private withoutMemberMessage = 0;
  private memberMessages = 0;
  private escalated = 0;
  private readonly escalatedBy: Record<HandoffMode, number> = { queue: 0, event: 0, contact: 0 };
  private requests = 0;
  private notUnderstood = 0;
  private readonly intents = new Map<string, number>();
  /** Folded utterance → how often, and how often each way of writing it. */
  private readonly unrecognized = new Map<string, { count: number; forms: Map<string, number> }>();
  private emergencyMessages = 0;
  private emergencyConversations = 0;
  private readonly byKind = zeroKinds();
  private abuseMessages = 0;
  private abuseConversations = 0;
  private readonly abuseByKind = zeroAbuse();
  private readonly triage = zeroTriage();
  private readonly channels = new Set<string>();
  private readonly seen = new Set<string>();

  add(doc: ReportDoc): void {
    const id = `${doc.channelId}/${doc.conversationId}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.channels.add(doc.channelId);
    const members = (doc.activities ?? []).filter((a) => a.from?.role === 'user');
    if (!members.length) {
      this.withoutMemberMessage++;
      return;
    }
    this.conversations++;
    this.memberMessages += members.length;
    const via = new Set<HandoffMode>();
    let emergency = false;
    let abuse = false;
    const triaged = new Set<TriageAnswer>();
    for (const message of members) {
      const meta = message.meta;
      if (!meta) continue;
      if (meta.escalated) via.add(meta.escalated);
      if (meta.emergency) {
        emergency = true;
        this.emergencyMessages++;
        if (meta.emergency in this.byKind) this.byKind[meta.emergency]++;
      }
      if (meta.abuse) {
        abuse = true;
        this.abuseMessages++;
        if (meta.abuse in this.abuseByKind) this.abuseByKind[meta.abuse]++;
      }
      if (meta.triage && meta.triage in this.triage) {
        triaged.add(meta.triage);
        this.triage[meta.triage].messages++;
        if (meta.noted) this.triage[meta.triage].noted++;
      }
      if (!meta.intent) continue;
      this.requests++;
      if (meta.fallback || meta.intent === 'none') {
        this.notUnderstood++;
        this.addUnrecognized(message.text);
      } else {
        this.intents.set(meta.intent, (this.intents.get(meta.intent) ?? 0) + 1);
      }
    }
    // An agent's message means a person had the conversation (transcripts from before `meta`, too).
    if (!via.size && doc.activities.some((a) => a.from?.role === 'agent')) via.add('queue');
    if (via.size) {
      this.escalated++;
      for (const how of via) this.escalatedBy[how]++;
    }
    if (emergency) this.emergencyConversations++;
    if (abuse) this.abuseConversations++;
    for (const answer of triaged) this.triage[answer].conversations++;
  }

  private addUnrecognized(text: string): void {
    const shown = scrubUtterance(text ?? '');
    if (!shown) return;
    const key = shown.toLocaleLowerCase();
    let known = this.unrecognized.get(key);
    if (!known) {
      if (this.unrecognized.size >= MAX_DISTINCT) return;
      this.unrecognized.set(key, (known = { count: 0, forms: new Map() }));
    }
    known.count++;
    if (known.forms.size < 20 || known.forms.has(shown)) known.forms.set(shown, (known.forms.get(shown) ?? 0) + 1);
  }

  build(period: ReportPeriod, options: { top?: number; channels?: string[]; now?: () => number } = {}): Report {
    const top = options.top ?? 10;
    const understood = this.requests - this.notUnderstood;
    const topIntents = [...this.intents]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, top)
      .map(([intent, count]) => ({ intent, count, share: understood ? count / understood : 0 }));
    // Shown the way it was written most often (whatever order the conversations were read in).
    const unrecognized = [...this.unrecognized.values()]
      .map(({ count, forms }) => ({ text: [...forms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0], count }))
      .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
      .slice(0, top);
    const contained = this.conversations - this.escalated;
    return {
      generatedAt: new Date((options.now ?? Date.now)()).toISOString(),
      period,
      channels: [...new Set([...(options.channels ?? []), ...this.channels])].sort(),
      conversations: this.conversations,
      withoutMemberMessage: this.withoutMemberMessage,
      memberMessages: this.memberMessages,
      contained,
      escalated: this.escalated,
      containmentRate: rate(contained, this.conversations),
      escalationRate: rate(this.escalated, this.conversations),
      escalatedBy: { ...this.escalatedBy },
      requests: this.requests,
      notUnderstood: this.notUnderstood,
      notUnderstoodRate: rate(this.notUnderstood, this.requests),
      topIntents,
      unrecognized,
      unrecognizedDistinct: this.unrecognized.size,
      emergencies: { messages: this.emergencyMessages, conversations: this.emergencyConversations, byKind: { ...this.byKind } },
      abuse: { messages: this.abuseMessages, conversations: this.abuseConversations, byKind: { ...this.abuseByKind } },
      triage: Object.fromEntries(TRIAGE_ANSWERS.map((t) => [t, { ...this.triage[t] }])) as Report['triage'],
      definitions: { ...DEFINITIONS },
    };
  }
}

export function computeReport(docs: Iterable<ReportDoc>, period: ReportPeriod, options: Parameters<ReportBuilder['build']>[1] = {}): Report {
  const builder = new ReportBuilder();
  for (const doc of docs) builder.add(doc);
  return builder.build(period, options);
}

/** The last `days` days up to `now` (UTC), newest first, and the period they make. */
export function periodOf(days: number, now: number): { days: string[]; period: ReportPeriod } {
  const today = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate());
  const list = Array.from({ length: days }, (_, i) => new Date(today - i * 86_400_000).toISOString().slice(0, 10));
  return { days: list, period: { from: list.at(-1)!, to: list[0]!, days } };
}

/** What each emergency kind sends the member to. */
export const EMERGENCY_LABELS: Record<EmergencyKind, string> = { medical: 'medical (911)', crisis: 'crisis (988)', poison: 'poison (Poison Control)' };

/** What each abuse kind sends the member to. */
export const ABUSE_LABELS: Record<AbuseKind, string> = {
  dv: 'domestic violence (DV Hotline)',
  sexual: 'sexual assault (RAINN)',
  child: 'child abuse (Childhelp)',
  elder: 'elder abuse (Eldercare / APS)',
};

/** What each of the triage's other answers gives the member. */
export const TRIAGE_LABELS: Record<TriageAnswer, string> = {
  mental_health: 'Mental health (988, behavioral health)',
  symptoms: 'Symptoms (nurse line)',
  safety_net: 'Safety net (unsure: 911, 988, nurse)',
};

export const percent = (value: number | null): string => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);

/** The report as a plain-text table (what `npm run report` prints). */
export function renderTable(report: Report): string {
  const lines: string[] = [];
  const row = (label: string, value: string | number, note = '') => lines.push(`  ${label.padEnd(40)} ${String(value).padStart(7)}${note ? `  ${note}` : ''}`);
  const { period, emergencies, escalatedBy } = report;
  lines.push(`Member assistant report: ${period.from} to ${period.to} (${period.days} day${period.days === 1 ? '' : 's'}, UTC)`);
  lines.push(`Channels: ${report.channels.join(', ') || '—'}`);
  lines.push('');
  row('Conversations (with a member message)', report.conversations);
  row('Contained (never escalated)', report.contained, percent(report.containmentRate));
  row('Escalated to a person', report.escalated, percent(report.escalationRate));
  row('  queued for an agent', escalatedBy.queue);
  row('  sent to the contact centre', escalatedBy.event);
  row('  given the ways to reach a person', escalatedBy.contact);
  row('Member messages', report.memberMessages);
  row('New requests', report.requests);
  row('Not understood', report.notUnderstood, `${percent(report.notUnderstoodRate)} of requests`);
  row('Emergency redirections (messages)', emergencies.messages, `in ${emergencies.conversations} conversation${emergencies.conversations === 1 ? '' : 's'}`);
  for (const kind of EMERGENCY_KINDS) row(`  ${EMERGENCY_LABELS[kind]}`, emergencies.byKind[kind]);
  const inConversations = (n: number) => `in ${n} conversation${n === 1 ? '' : 's'}`;
  row('Abuse disclosures (messages)', report.abuse.messages, inConversations(report.abuse.conversations));
  for (const kind of ABUSE_KINDS) row(`  ${ABUSE_LABELS[kind]}`, report.abuse.byKind[kind]);
  for (const answer of TRIAGE_ANSWERS) {
    const t = report.triage[answer];
    row(`${TRIAGE_LABELS[answer]}`, t.messages, `${inConversations(t.conversations)}${t.noted ? `; ${t.noted} as a line beside an answer` : ''}`);
  }
  if (report.withoutMemberMessage) row('Opened without a member message (not counted)', report.withoutMemberMessage);

  lines.push('', 'Top intents');
  if (!report.topIntents.length) lines.push('  (none)');
  else {
    lines.push(`  ${'#'.padStart(2)}  ${'intent'.padEnd(20)} ${'requests'.padStart(8)}  share`);
    report.topIntents.forEach((t, i) => lines.push(`  ${String(i + 1).padStart(2)}  ${t.intent.padEnd(20)} ${String(t.count).padStart(8)}  ${percent(t.share)}`));
  }

  lines.push('', `Unrecognized utterances (redacted; ${report.unrecognizedDistinct} distinct)`);
  if (!report.unrecognized.length) lines.push('  (none)');
  else {
    lines.push(`  ${'count'.padStart(5)}  utterance`);
    for (const u of report.unrecognized) lines.push(`  ${String(u.count).padStart(5)}  ${u.text}`);
  }

  lines.push('', 'Definitions');
  for (const [name, text] of Object.entries(report.definitions)) lines.push(`  ${name}: ${text}`);
  return `${lines.join('\n')}\n`;
}
