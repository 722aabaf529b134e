import type { EscalationRecord } from './model';

/**
 * What the agent API answers about an escalation: the fields the issue names (`id`,
 * `conversationId`, `channelId`, `intent`, `summary`, `status`, `createdAt`) and what an agent
 * needs to pick the next conversation (language, reason, member, wait, place in line, alerts).
 * The conversation reference (service URLs, the channel's ids for the member) stays inside.
 */
export interface EscalationView {
  id: string;
  conversationId: string;
  channelId: string;
  intent: string | null;
  summary: string;
  status: EscalationRecord['status'];
  createdAt: string;
  locale: EscalationRecord['locale'];
  reason: string;
  member: EscalationRecord['member'];
  agent: EscalationRecord['agent'] | null;
  claimedAt: string | null;
  closedAt: string | null;
  outcome: EscalationRecord['outcome'] | null;
  /** Seconds the member waited for an agent (so far, while queued). */
  waitSeconds: number;
  /** Place in line while queued (1 = next), else null. */
  position: number | null;
  /** Emergency alerts in this conversation. */
  alerts: number;
  /** The last transcript entry's seq (the console asks for entries after it). */
  lastSeq: number;
  /** Whether the member's client is connected (false: closed the chat or lost the connection; null: the channel cannot tell). */
  memberOnline: boolean | null;
}

/** Whether a member is connected (HandoffService.memberOnline). */
export type OnlineCheck = (record: EscalationRecord) => boolean | null;
const unknown: OnlineCheck = () => null;

export function view(record: EscalationRecord, now: number, position: number | null = null, online: OnlineCheck = unknown): EscalationView {
  const end = record.claimedAt ? Date.parse(record.claimedAt) : record.closedAt ? Date.parse(record.closedAt) : now;
  return {
    id: record.id,
    conversationId: record.conversationId,
    channelId: record.channelId,
    intent: record.intent,
    summary: record.summary,
    status: record.status,
    createdAt: record.createdAt,
    locale: record.locale,
    reason: record.reason,
    member: record.member,
    agent: record.agent ?? null,
    claimedAt: record.claimedAt ?? null,
    closedAt: record.closedAt ?? null,
    outcome: record.outcome ?? null,
    waitSeconds: Math.max(0, Math.round((end - Date.parse(record.createdAt)) / 1000)),
    position,
    alerts: record.alerts,
    lastSeq: record.nextSeq - 1,
    memberOnline: online(record),
  };
}

/** The open escalations, oldest first, with places in line. */
export function queueView(open: EscalationRecord[], now: number, online: OnlineCheck = unknown): EscalationView[] {
  let place = 0;
  return open.map((record) => view(record, now, record.status === 'queued' ? ++place : null, online));
}

export function detailView(record: EscalationRecord, now: number, position: number | null, online: OnlineCheck = unknown) {
  return { ...view(record, now, position, online), transcript: record.transcript, dropped: record.dropped };
}
