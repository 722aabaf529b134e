import type { Logger } from '../../common/logger';
import type { HandoffEvents } from './events';
import { appendEntries, isOpen, type EntryLink, type EscalationRecord, type Outcome, type TranscriptEntry } from './model';
import { type EscalationStore, writerToken } from './store';

/**
 * The writes every side of the hand-off shares (the member's, the agent's, the sweeper's):
 * closing an escalation, adding to its transcript, and messages to the member outside their turns
 * (kept in the transcript as what the member saw). Every change is an eTag-checked update of the
 * escalation in the store; events tell the consoles of this instance at once.
 */

/** A message for the member, in their channel (sent proactively: outside a member's turn). */
export interface MemberMessage {
  text: string;
  links?: EntryLink[];
  /** Set for an agent's own message (the transcript says who wrote it). */
  agentName?: string;
}

/** How messages reach the member outside their own turns (handoff/bot/memberLink.ts). */
export interface MemberLink {
  /** Resolves false when the member's channel did not take it (logged there, without text). */
  send(record: EscalationRecord, message: MemberMessage): Promise<boolean>;
  /** Whether the member's client is connected now (the local Direct Line channel knows); undefined when the channel cannot tell (Teams, SMS). */
  online?(record: EscalationRecord): boolean | undefined;
  /** Shows the member that the agent is typing (channels that show typing); nothing is stored. */
  typing?(record: EscalationRecord): Promise<boolean>;
}

export interface EscalationWriterDeps {
  store: EscalationStore;
  events: HandoffEvents;
  logger: Logger;
  now: () => number;
}

export class EscalationWriter {
  private channel?: MemberLink;

  constructor(private readonly deps: EscalationWriterDeps) {}

  /** Proactive messages need the adapter, which exists only once the server is built. */
  connect(channel: MemberLink): void {
    this.channel = channel;
  }

  private iso(): string {
    return new Date(this.deps.now()).toISOString();
  }

  async deliver(record: EscalationRecord, message: MemberMessage): Promise<boolean> {
    if (!this.channel) return false;
    return this.channel.send(record, message);
  }

  /** The member's connection as far as this instance knows: true, false (closed the chat, lost the connection), or null (the channel cannot tell). */
  memberOnline(record: EscalationRecord): boolean | null {
    return this.channel?.online?.(record) ?? null;
  }

  /** The agent is typing: the member's channel shows it. */
  async typingToMember(record: EscalationRecord): Promise<boolean> {
    return this.channel?.typing ? this.channel.typing(record) : false;
  }

  /** Closes an open escalation (when `guard` holds); undefined when another writer closed or changed it first. */
  async close(
    id: string,
    outcome: Outcome,
    by: 'member' | 'agent' | 'system',
    entry: Omit<TranscriptEntry, 'seq'>,
    guard: (r: EscalationRecord) => boolean = () => true,
  ): Promise<EscalationRecord | undefined> {
    const writer = writerToken();
    let added: TranscriptEntry[] = [];
    const record = await this.deps.store.update(id, (r) => {
      added = [];
      if (!isOpen(r.status) || !guard(r)) return undefined;
      added = appendEntries(r, [entry]);
      return { ...r, status: outcome === 'resolved' || outcome === 'handed_back' ? 'resolved' : outcome === 'member_left' || outcome === 'member_opted_out' ? 'cancelled' : 'expired', outcome, closedAt: this.iso(), writer };
    });
    if (!record || record.writer !== writer) return undefined;
    this.deps.logger.info({ escalationId: id, outcome, by }, 'escalation closed');
    this.deps.events.publish({ type: 'entries', escalationId: id, entries: added, status: record.status });
    this.deps.events.publish({ type: 'queue' });
    if (record.claimedAt && record.closedAt) {
      await this.deps.store.recordHandleMinutes((Date.parse(record.closedAt) - Date.parse(record.claimedAt)) / 60_000).catch(() => undefined);
    }
    return record;
  }

  /** Sends a notice to the member and keeps it in the transcript (what the member saw). */
  async noticeToMember(record: EscalationRecord, text: string, links?: EntryLink[]): Promise<EscalationRecord | undefined> {
    const delivered = await this.deliver(record, { text, links });
    let added: TranscriptEntry[] = [];
    const updated = await this.deps.store.update(record.id, (r) => {
      added = appendEntries(r, [{ at: this.iso(), from: 'assistant', text, links, delivered }]);
      return r;
    });
    if (updated) this.deps.events.publish({ type: 'entries', escalationId: record.id, entries: added, status: updated.status });
    return updated;
  }

  async appendAfterClose(id: string, entry: Omit<TranscriptEntry, 'seq'>): Promise<EscalationRecord | undefined> {
    let added: TranscriptEntry[] = [];
    const record = await this.deps.store.update(id, (r) => {
      added = appendEntries(r, [entry]);
      return r;
    });
    if (record) this.deps.events.publish({ type: 'entries', escalationId: id, entries: added, status: record.status });
    return record;
  }
}
