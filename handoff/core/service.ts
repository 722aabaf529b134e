import type { Logger } from '../../common/logger';
import type { AssistantMetrics } from '../../ops/metrics';
import type { ResponseCatalog, Vars } from '../../common/responses';
import type { LinkKey, PortalProfile } from '../../services/portal/profile';
import { EscalationWriter, type MemberLink } from './escalationWriter';
import type { HandoffEvents } from './events';
import {
  appendEntries,
  isOpen,
  queueOrder,
  type AgentRef,
  type AlertKind,
  type EntryLink,
  type EscalationDraft,
  type EscalationRecord,
  type Outcome,
  type TranscriptEntry,
} from './model';
import type { AgentPresence } from './presence';
import { waitMinutes } from './queue';
import { type EscalationStore, writerToken } from './store';
import { HandoffSweeper } from './sweeper';

// The member link's types moved with the writes that use them; re-exported for the code that imports them from here.
export type { MemberLink, MemberMessage } from './escalationWriter';

/**
 * The hand-off's operations, for the member's side (the turn pipeline queues, relays, leaves) and
 * the agent's (the console's API claims, sends, resolves). Every change is an eTag-checked update
 * of the escalation in the store; events tell the consoles of this instance at once. The writes
 * both sides share are in escalationWriter.ts; the timing (sweeps, an agent who left) in sweeper.ts.
 */

export type ClaimResult =
  | { kind: 'claimed' | 'already_yours'; record: EscalationRecord }
  | { kind: 'taken'; record: EscalationRecord }
  | { kind: 'closed'; record: EscalationRecord }
  | { kind: 'missing' };

export type AgentActionResult =
  | { kind: 'ok'; record: EscalationRecord; entries: TranscriptEntry[]; delivered: boolean }
  | { kind: 'not_claimed' | 'taken' | 'closed'; record: EscalationRecord }
  | { kind: 'missing' }
  | { kind: 'unknown_link' };

export interface HandoffServiceDeps {
  store: EscalationStore;
  presence: AgentPresence;
  events: HandoffEvents;
  catalog: ResponseCatalog;
  profile: PortalProfile;
  logger: Logger;
  metrics: AssistantMetrics;
  now: () => number;
  /** Queued longer than this without an agent: the member gets the other ways to reach us. */
  maxWaitMs: number;
}

export class HandoffService {
  readonly links: Array<{ key: LinkKey; title: string; url: string }>;
  private readonly writer: EscalationWriter;
  private readonly sweeper: HandoffSweeper;

  constructor(private readonly deps: HandoffServiceDeps) {
    this.links = deps.catalog.keysUnder('links').map((full) => {
      const key = full.slice('links.'.length) as LinkKey;
      return { key, title: deps.catalog.text('en', full), url: deps.profile.link(key) };
    });
    // Parts of the service, built from its own deps (callers and tests construct only the service).
    this.writer = new EscalationWriter(deps);
    this.sweeper = new HandoffSweeper({ ...deps, writer: this.writer });
  }

  /** Proactive messages need the adapter, which exists only once the server is built. */
  connect(channel: MemberLink): void {
    this.writer.connect(channel);
  }

  private iso(): string {
    return new Date(this.deps.now()).toISOString();
  }

  private text(record: EscalationRecord, key: string, vars?: Vars): string {
    return this.deps.catalog.text(record.locale, key, vars);
  }

  /** The member's connection as far as this instance knows: true, false (closed the chat, lost the connection), or null (the channel cannot tell). */
  memberOnline(record: EscalationRecord): boolean | null {
    return this.writer.memberOnline(record);
  }

  /** The agent is typing: the member's channel shows it. */
  typingToMember(record: EscalationRecord): Promise<boolean> {
    return this.writer.typingToMember(record);
  }

  get(id: string): Promise<EscalationRecord | undefined> {
    return this.deps.store.get(id);
  }

  listOpen(): Promise<EscalationRecord[]> {
    return this.deps.store.listOpen();
  }

  // --- the member's side (called from the member's turns) -----------------------------------------

  /** Queues the conversation (or finds the open escalation it already has). */
  async enqueue(draft: EscalationDraft): Promise<{ record?: EscalationRecord; created: boolean; full?: boolean }> {
    const result = await this.deps.store.create(draft);
    if (result.created && result.record) {
      this.deps.metrics.escalationCreated(draft.reason, draft.channelId);
      this.deps.logger.info(
        { escalationId: result.record.id, reason: draft.reason, intent: draft.intent, channelId: draft.channelId, locale: draft.locale },
        'escalation queued',
      );
      this.deps.events.publish({ type: 'queue' });
    }
    return result;
  }

  /** 1 for the next in line; 0 once an agent has it. */
  async position(record: EscalationRecord): Promise<number> {
    if (record.status !== 'queued') return 0;
    const open = await this.deps.store.listOpen();
    const ahead = open.filter((r) => r.status === 'queued' && r.id !== record.id && queueOrder(r, record) < 0);
    return ahead.length + 1;
  }

  /** Expected minutes until an agent takes the conversation at `position`. */
  async estimateMinutes(position: number): Promise<number> {
    const [online, recent] = await Promise.all([this.deps.presence.online(), this.deps.store.recentHandleMinutes()]);
    return waitMinutes({ position, agentsOnline: online, recentHandleMinutes: recent, defaultHandleMinutes: this.deps.profile.data.agentChat.averageHandleMinutes });
  }

  /**
   * A member's message while queued or with an agent: added to the transcript (already redacted)
   * and shown to the agent. `notice` is true when the member should be told their place in line
   * again (queued, and not told in the last two minutes).
   */
  async memberMessage(id: string, message: { text: string; activityId?: string }): Promise<{ record?: EscalationRecord; notice: boolean }> {
    const now = this.deps.now();
    let added: TranscriptEntry[] = [];
    let notice = false;
    const record = await this.deps.store.update(id, (r) => {
      added = [];
      notice = false;
      if (!isOpen(r.status)) return undefined;
      if (message.activityId && r.transcript.some((e) => e.activityId === message.activityId && !e.alert)) return undefined;
      added = appendEntries(r, [{ at: new Date(now).toISOString(), from: 'member', text: message.text, activityId: message.activityId }]);
      if (r.status === 'queued' && (!r.lastNoticeAt || now - Date.parse(r.lastNoticeAt) >= 2 * 60_000)) {
        notice = true;
        r.lastNoticeAt = new Date(now).toISOString();
      }
      return r;
    });
    if (record && added.length) this.deps.events.publish({ type: 'entries', escalationId: id, entries: added, status: record.status });
    return { record, notice };
  }

  /**
   * The member wrote something urgent (an emergency, an abuse disclosure) while queued or with an
   * agent, and got the assistant's answer: the agent sees the message with an alert and the answer,
   * and a queued conversation goes to the front of the line.
   */
  async emergency(
    id: string,
    alert: { kind: AlertKind; text: string; activityId?: string; answer?: { text: string; links?: EntryLink[] } },
  ): Promise<void> {
    let added: TranscriptEntry[] = [];
    const at = this.iso();
    const record = await this.deps.store.update(id, (r) => {
      added = [];
      if (!isOpen(r.status)) return undefined;
      if (alert.activityId && r.transcript.some((e) => e.activityId === alert.activityId && e.alert)) return undefined;
      added = appendEntries(r, [
        { at, from: 'member', text: alert.text, alert: alert.kind, activityId: alert.activityId },
        ...(alert.answer ? [{ at, from: 'assistant' as const, text: alert.answer.text, ...(alert.answer.links?.length ? { links: alert.answer.links } : {}) }] : []),
      ]);
      r.alerts += 1;
      r.urgentAt ??= at;
      return r;
    });
    if (!record || !added.length) return;
    this.deps.logger.warn({ escalationId: id, kind: alert.kind, status: record.status }, 'urgent message during a hand-off: agent alerted, first in the queue');
    this.deps.events.publish({ type: 'entries', escalationId: id, entries: added, status: record.status });
    this.deps.events.publish({ type: 'alert', escalationId: id, kind: alert.kind });
    this.deps.events.publish({ type: 'queue' });
  }

  /** The assistant answered the member during a hand-off (mental health, symptoms): the agent sees what was said. */
  async assistantAnswer(id: string, answer: { text: string; links?: EntryLink[] }): Promise<void> {
    let added: TranscriptEntry[] = [];
    const record = await this.deps.store.update(id, (r) => {
      added = [];
      if (!isOpen(r.status)) return undefined;
      added = appendEntries(r, [{ at: this.iso(), from: 'assistant', text: answer.text, ...(answer.links?.length ? { links: answer.links } : {}) }]);
      return r;
    });
    if (record && added.length) this.deps.events.publish({ type: 'entries', escalationId: id, entries: added, status: record.status });
  }

  /** The member left the line or ended the chat ("LEAVE", SMS STOP). Their turn answers them. */
  async memberLeft(id: string, outcome: Extract<Outcome, 'member_left' | 'member_opted_out'>): Promise<EscalationRecord | undefined> {
    const note = outcome === 'member_opted_out' ? 'The member opted out of text messages (STOP): the chat is closed.' : 'The member left.';
    return this.writer.close(id, outcome, 'member', { at: this.iso(), from: 'system', text: note });
  }

  // --- the agent's side -------------------------------------------------------------------------

  /** Takes the conversation. Race-safe: of two agents claiming at once, exactly one gets it. */
  async claim(id: string, agent: AgentRef): Promise<ClaimResult> {
    const writer = writerToken();
    const at = this.iso();
    let added: TranscriptEntry[] = [];
    const record = await this.deps.store.update(id, (r) => {
      added = [];
      if (r.status !== 'queued') return undefined;
      added = appendEntries(r, [{ at, from: 'system', text: `${agent.name} joined the chat.` }]);
      return { ...r, status: 'active', agent, claimedAt: at, writer };
    });
    if (!record) return { kind: 'missing' };
    if (record.writer !== writer) {
      if (record.status === 'active' && record.agent?.id === agent.id) return { kind: 'already_yours', record };
      return isOpen(record.status) ? { kind: 'taken', record } : { kind: 'closed', record };
    }
    const waited = (Date.parse(at) - Date.parse(record.createdAt)) / 1000;
    this.deps.metrics.escalationWait(Math.max(0, waited));
    this.deps.logger.info({ escalationId: id, agentId: agent.id, waitedSeconds: Math.round(waited) }, 'escalation claimed');
    this.deps.events.publish({ type: 'entries', escalationId: id, entries: added, status: record.status });
    this.deps.events.publish({ type: 'queue' });
    const joined = await this.writer.noticeToMember(record, this.text(record, 'handoff.agentJoined', { name: agent.name }));
    return { kind: 'claimed', record: joined ?? record };
  }

  /** An agent's message (text and/or a portal page) to the member of a conversation they claimed. */
  async send(id: string, agent: AgentRef, body: { text?: string; link?: string }): Promise<AgentActionResult> {
    const page = body.link === undefined ? undefined : this.links.find((l) => l.key === body.link);
    if (body.link !== undefined && !page) return { kind: 'unknown_link' };
    const current = await this.deps.store.get(id);
    if (!current) return { kind: 'missing' };
    const refusal = this.refuse(current, agent);
    if (refusal) return refusal;

    const links = page ? [{ title: this.text(current, `links.${page.key}`), url: page.url }] : undefined;
    const text = body.text ?? '';
    const delivered = await this.writer.deliver(current, { text, links, agentName: agent.name });
    let added: TranscriptEntry[] = [];
    const record = await this.deps.store.update(id, (r) => {
      added = appendEntries(r, [{ at: this.iso(), from: 'agent', agentName: agent.name, text, links, delivered }]);
      return r;
    });
    if (!record) return { kind: 'missing' };
    this.deps.events.publish({ type: 'entries', escalationId: id, entries: added, status: record.status });
    if (!delivered) this.deps.logger.warn({ escalationId: id, channelId: record.channelId }, 'agent message not delivered to the member');
    return { kind: 'ok', record, entries: added, delivered };
  }

  /** Ends the chat (resolved) or gives it back to the assistant (handed_back); the member is told. */
  async resolve(id: string, agent: AgentRef, outcome: 'resolved' | 'handed_back'): Promise<AgentActionResult> {
    const current = await this.deps.store.get(id);
    if (!current) return { kind: 'missing' };
    const refusal = this.refuse(current, agent);
    if (refusal) return refusal;
    const note = outcome === 'resolved' ? `${agent.name} ended the chat.` : `${agent.name} handed the chat back to the assistant.`;
    const closed = await this.writer.close(id, outcome, 'agent', { at: this.iso(), from: 'system', text: note }, (r) => r.agent?.id === agent.id);
    if (!closed) {
      const now = await this.deps.store.get(id);
      return now ? (this.refuse(now, agent) ?? { kind: 'closed', record: now }) : { kind: 'missing' };
    }
    const message = this.text(closed, `handoff.back.${outcome}`, { name: agent.name });
    const delivered = await this.writer.deliver(closed, { text: message });
    const record = (await this.writer.appendAfterClose(closed.id, { at: this.iso(), from: 'assistant', text: message, delivered })) ?? closed;
    return { kind: 'ok', record, entries: [], delivered };
  }

  private refuse(record: EscalationRecord, agent: AgentRef): AgentActionResult | undefined {
    if (!isOpen(record.status)) return { kind: 'closed', record };
    if (record.status === 'queued') return { kind: 'not_claimed', record };
    if (record.agent?.id !== agent.id) return { kind: 'taken', record };
    return undefined;
  }

  /** Sends a notice to the member and keeps it in the transcript (what the member saw). */
  noticeToMember(record: EscalationRecord, text: string, links?: EntryLink[]): Promise<EscalationRecord | undefined> {
    return this.writer.noticeToMember(record, text, links);
  }

  // --- housekeeping (sweeper.ts) ------------------------------------------------------------------

  /** Closes what waits on nobody (queued too long, or no agent on duty); see HandoffSweeper.sweep. */
  sweep(): Promise<number> {
    return this.sweeper.sweep();
  }

  /** The agent signed out: their chats go back in line now, not at the next sweep; see HandoffSweeper.agentLeft. */
  agentLeft(agentId: string): Promise<number> {
    return this.sweeper.agentLeft(agentId);
  }
}
