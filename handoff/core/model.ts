import { z } from 'zod';
import { workspaceFields } from './workspaceModel';

/**
 * The escalation: a member's conversation handed to a person. Plain data, kept in the configured
 * store (see store.ts), validated with zod whenever it is read back.
 *
 * Lifecycle:
 *
 *   queued ──claim──▶ active ──resolve (agent: "End chat" / "Hand back")──▶ resolved
 *     │                 │
 *     │                 └──member leaves ("LEAVE", SMS STOP)──▶ cancelled
 *     ├──member leaves ("LEAVE", "never mind", SMS STOP)──▶ cancelled
 *     └──nobody claimed it in time, or every agent signed out──▶ expired (member given the other ways to reach us)
 *
 * queued and active are "open": the member's messages go to the escalation (and the agent), not to
 * the dialogs. resolved, cancelled and expired are closed for good; the assistant has the
 * conversation back.
 */

export const ESCALATION_STATUSES = ['queued', 'active', 'resolved', 'cancelled', 'expired'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];
export const OPEN_STATUSES: readonly EscalationStatus[] = ['queued', 'active'];
export const isOpen = (status: EscalationStatus): boolean => OPEN_STATUSES.includes(status);

/** Why it closed. */
export const OUTCOMES = ['resolved', 'handed_back', 'member_left', 'member_opted_out', 'no_agents', 'timed_out'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const EMERGENCY_KINDS = ['medical', 'crisis', 'poison'] as const;
/** What an alert can be about: an emergency's kind, or an abuse disclosure's. */
export const ALERT_KINDS = [...EMERGENCY_KINDS, 'dv', 'sexual', 'child', 'elder'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/**
 * Queue order: a conversation with an urgent message (an emergency or abuse disclosure while
 * waiting) goes first, in the order those came; then everyone else, oldest first.
 */
export function queueOrder(a: Pick<EscalationRecord, 'urgentAt' | 'createdAt' | 'id'>, b: Pick<EscalationRecord, 'urgentAt' | 'createdAt' | 'id'>): number {
  if (a.urgentAt && !b.urgentAt) return -1;
  if (b.urgentAt && !a.urgentAt) return 1;
  if (a.urgentAt && b.urgentAt && a.urgentAt !== b.urgentAt) return a.urgentAt.localeCompare(b.urgentAt);
  return a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

/** Bounds: an escalation stays a small document whatever the member sends. */
export const MAX_TRANSCRIPT_ENTRIES = 200;
export const MAX_ENTRY_TEXT = 2000;

const link = z.strictObject({ title: z.string().max(200), url: z.string().max(2048) });
export type EntryLink = z.infer<typeof link>;

export const transcriptEntrySchema = z.strictObject({
  /** 1, 2, 3… within the escalation: the console asks for "everything after n". */
  seq: z.int().min(1),
  at: z.string(),
  from: z.enum(['member', 'assistant', 'agent', 'system']),
  /** Redacted (common/redaction) before it is stored. */
  text: z.string().max(MAX_ENTRY_TEXT + 1),
  agentName: z.string().max(128).optional(),
  links: z.array(link).max(10).optional(),
  /** An emergency or abuse disclosure the member wrote about: the member got the answer; the agent sees this. */
  alert: z.enum(ALERT_KINDS).optional(),
  /** Agent messages: false when the member's channel did not take it. */
  delivered: z.boolean().optional(),
  /** The member activity it came from (a re-run turn does not add it twice). */
  activityId: z.string().max(512).optional(),
});
export type TranscriptEntry = z.infer<typeof transcriptEntrySchema>;

export const memberSchema = z.strictObject({
  verified: z.boolean(),
  /** A verified member's id and name, from the identity verifier; absent for anonymous members. */
  id: z.string().max(128).optional(),
  name: z.string().max(128).optional(),
});
export type EscalationMember = z.infer<typeof memberSchema>;

export const agentRefSchema = z.strictObject({ id: z.string().max(256), name: z.string().max(128) });
export type AgentRef = z.infer<typeof agentRefSchema>;

export const escalationSchema = z.strictObject({
  id: z.string().regex(/^esc_[A-Za-z0-9_-]{8,64}$/),
  conversationId: z.string().min(1),
  channelId: z.string().min(1),
  /** Where to reach the member again (a Bot Framework conversation reference, as JSON). */
  reference: z.record(z.string(), z.unknown()),
  member: memberSchema,
  locale: z.enum(['en', 'es']),
  intent: z.string().nullable(),
  reason: z.string(),
  summary: z.string().max(1000),
  status: z.enum(ESCALATION_STATUSES),
  outcome: z.enum(OUTCOMES).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  claimedAt: z.string().optional(),
  closedAt: z.string().optional(),
  agent: agentRefSchema.optional(),
  transcript: z.array(transcriptEntrySchema),
  /** The next entry's seq. */
  nextSeq: z.int().min(1),
  /** Entries dropped from the start to keep the bound. */
  dropped: z.int().min(0),
  /** Emergency alerts so far (the queue shows them). */
  alerts: z.int().min(0),
  /** When the member first wrote something urgent (emergency, abuse) while open: first in the queue from then on. */
  urgentAt: z.string().optional(),
  /** When the member was last told their place in the line (not every message gets an answer). */
  lastNoticeAt: z.string().optional(),
  /** Which writer made the last transition (a claim, a close): how a racer learns whether it won. */
  writer: z.string().optional(),
  /** Queue, internal notes, wrap-up (workspaceModel.ts). */
  ...workspaceFields,
});
export type EscalationRecord = z.infer<typeof escalationSchema>;

/** What the queueing escalation hands over when it creates one. */
export interface EscalationDraft {
  conversationId: string;
  channelId: string;
  reference: Record<string, unknown>;
  member: EscalationMember;
  locale: 'en' | 'es';
  intent: string | null;
  reason: string;
  summary: string;
  /** The conversation so far (redacted), oldest first. */
  transcript: Array<Omit<TranscriptEntry, 'seq'>>;
}

/** Cuts a text to the stored bound. */
export function clip(text: string, max = MAX_ENTRY_TEXT): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Appends entries, keeping at most MAX_TRANSCRIPT_ENTRIES (the oldest go). Mutates `record`. */
export function appendEntries(record: EscalationRecord, entries: Array<Omit<TranscriptEntry, 'seq'>>): TranscriptEntry[] {
  const added: TranscriptEntry[] = [];
  for (const entry of entries) {
    const full = { ...entry, text: clip(entry.text), seq: record.nextSeq++ } as TranscriptEntry;
    record.transcript.push(full);
    added.push(full);
  }
  const excess = record.transcript.length - MAX_TRANSCRIPT_ENTRIES;
  if (excess > 0) {
    record.transcript.splice(0, excess);
    record.dropped += excess;
  }
  return added;
}

// --- the agent API's bodies ----------------------------------------------------------------------

export const loginBodySchema = z.strictObject(
  {
    username: z.string({ error: 'expected the agent user name as a string' }).trim().min(1, { error: 'expected a user name' }).max(128),
    password: z.string({ error: 'expected the password as a string' }).min(1, { error: 'expected a password' }).max(1024),
  },
  { error: 'expected { "username", "password" }' },
);

export const messageBodySchema = z
  .strictObject(
    {
      text: z.string({ error: 'expected the message text as a string' }).trim().min(1, { error: 'expected a non-empty text' }).max(MAX_ENTRY_TEXT, { error: `at most ${MAX_ENTRY_TEXT} characters` }).optional(),
      /** A portal page of the profile, by name ("billing.payBill"): sent as a link the member can open. */
      link: z.string({ error: 'expected a portal page name such as "billing.payBill"' }).max(64).optional(),
    },
    { error: 'expected { "text" } and/or { "link" }' },
  )
  .refine((body) => body.text !== undefined || body.link !== undefined, { error: 'expected "text", "link" or both' });

export const resolveBodySchema = z.strictObject(
  {
    /** resolved: the agent ended the chat; handed_back: the agent gives the conversation back to the assistant. */
    outcome: z.enum(['resolved', 'handed_back'], { error: 'expected "resolved" or "handed_back"' }).default('resolved'),
    /** The wrap-up (optional for API clients; the console asks for it): a code of handoff/data/dispositions.json and a note. */
    disposition: z.string({ error: 'expected a disposition code' }).max(32).optional(),
    note: z.string({ error: 'expected the wrap-up note as a string' }).trim().min(1).max(1000, { error: 'at most 1000 characters' }).optional(),
  },
  { error: 'expected {} or { "outcome": "resolved" | "handed_back", "disposition"?, "note"? }' },
);

export const exchangeBodySchema = z.strictObject(
  { code: z.string({ error: 'expected the sign-in code' }).min(16).max(200) },
  { error: 'expected { "code" }' },
);

export const ESCALATION_ID = /^esc_[A-Za-z0-9_-]{8,64}$/;

/** One short line naming the first problems, for a 400 answer. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'body'}: ${issue.message}`)
    .join('; ');
}
