import type { Logger } from '../../common/logger';
import type { AssistantMetrics } from '../../ops/metrics';
import type { ResponseCatalog, Vars } from '../../common/responses';
import type { LinkKey, PortalProfile } from '../../services/portal/profile';
import { contactOptions } from './contact';
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

/**
 * The hand-off's operations, for the member's side (the turn pipeline queues, relays, leaves) and
 * the agent's (the console's API claims, sends, resolves). Every change is an eTag-checked update
 * of the escalation in the store; events tell the consoles of this instance at once.
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
  private channel?: MemberLink;
  readonly links: Array<{ key: LinkKey; title: string; url: string }>;

  constructor(private readonly deps: HandoffServiceDeps) {
    this.links = deps.catalog.keysUnder('links').map((full) => {
      const key = full.slice('links.'.length) as LinkKey;
      return { key, title: deps.catalog.text('en', full), url: deps.profile.link(key) };
    });
  }

  /** Proactive messages need the adapter, which exists only once the server is built. */
  connect(channel: MemberLink): void {
    this.channel = channel;
  }

  private iso(): string {
    return new Date(this.deps.now()).toISOString();
  }

  private text(record: EscalationRecord, key: string, vars?: Vars): string {
    return this.deps.catalog.text(record.locale, key, vars);
  }

  private async deliver(record: EscalationRecord, message: MemberMessage): Promise<boolean> {
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
    return this.close(id, outcome, 'member', { at: this.iso(), from: 'system', text: note });
  }

  private async close(
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
    const joined = await this.noticeToMember(record, this.text(record, 'handoff.agentJoined', { name: agent.name }));
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
    const delivered = await this.deliver(current, { text, links, agentName: agent.name });
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
    const closed = await this.close(id, outcome, 'agent', { at: this.iso(), from: 'system', text: note }, (r) => r.agent?.id === agent.id);
    if (!closed) {
      const now = await this.deps.store.get(id);
      return now ? (this.refuse(now, agent) ?? { kind: 'closed', record: now }) : { kind: 'missing' };
    }
    const message = this.text(closed, `handoff.back.${outcome}`, { name: agent.name });
    const delivered = await this.deliver(closed, { text: message });
    const record = (await this.appendAfterClose(closed.id, { at: this.iso(), from: 'assistant', text: message, delivered })) ?? closed;
    return { kind: 'ok', record, entries: [], delivered };
  }

  private refuse(record: EscalationRecord, agent: AgentRef): AgentActionResult | undefined {
    if (!isOpen(record.status)) return { kind: 'closed', record };
    if (record.status === 'queued') return { kind: 'not_claimed', record };
    if (record.agent?.id !== agent.id) return { kind: 'taken', record };
    return undefined;
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

  private async appendAfterClose(id: string, entry: Omit<TranscriptEntry, 'seq'>): Promise<EscalationRecord | undefined> {
    let added: TranscriptEntry[] = [];
    const record = await this.deps.store.update(id, (r) => {
      added = appendEntries(r, [entry]);
      return r;
    });
    if (record) this.deps.events.publish({ type: 'entries', escalationId: id, entries: added, status: record.status });
    return record;
  }

  // --- housekeeping -------------------------------------------------------------------------------

  /**
   * Nobody may be left waiting on nobody: an escalation queued longer than the limit, or while no
   * agent is on duty any more, is closed and the member gets the other ways to reach a person.
   * Safe on every instance at once (only the instance whose close wins sends the message).
   */
  async sweep(): Promise<number> {
    const open = await this.deps.store.listOpen();
    if (!open.length) return 0;
    const onDuty = await this.deps.presence.onDuty();
    const now = this.deps.now();
    let changed = 0;
    for (const record of open) {
      if (record.status === 'active') {
        if (record.agent && !onDuty.has(record.agent.id)) changed += (await this.release(record, onDuty)) ? 1 : 0;
        continue;
      }
      const waited = now - Date.parse(record.createdAt);
      const why = waited >= this.deps.maxWaitMs ? 'timed_out' : onDuty.size === 0 ? 'no_agents' : undefined;
      if (why && (await this.expire(record, why))) changed++;
    }
    return changed;
  }

  /**
   * The agent signed out: their chats go back in line for another agent (or the member gets the
   * other ways to reach us when nobody is left) now, not at the next sweep.
   */
  async agentLeft(agentId: string): Promise<number> {
    const mine = (await this.deps.store.listOpen()).filter((r) => r.status === 'active' && r.agent?.id === agentId);
    if (!mine.length) return 0;
    const onDuty = await this.deps.presence.onDuty();
    onDuty.delete(agentId);
    let changed = 0;
    for (const record of mine) changed += (await this.release(record, onDuty)) ? 1 : 0;
    return changed;
  }

  /** The agent who had it is gone (signed out, browser closed): back in line for another, or the other ways to reach us when nobody is left. */
  private release(record: EscalationRecord, onDuty: Set<string>): Promise<boolean> {
    return onDuty.size ? this.requeue(record) : this.expire(record, 'no_agents');
  }

  private async expire(record: EscalationRecord, why: 'timed_out' | 'no_agents'): Promise<boolean> {
    const note =
      why === 'timed_out'
        ? 'Nobody took this conversation in time: the member was given the other ways to reach us.'
        : 'No agent was on duty any more: the member was given the other ways to reach us.';
    const done = await this.close(record.id, why, 'system', { at: this.iso(), from: 'system', text: note }, (r) => r.status === record.status && r.agent?.id === record.agent?.id);
    if (!done) return false;
    const reply = contactOptions(this.deps.catalog, this.deps.profile, done.locale, { intent: done.intent }, { key: `handoff.expired.${why}` });
    const delivered = await this.deliver(done, reply);
    await this.appendAfterClose(done.id, { at: this.iso(), from: 'assistant', text: reply.text, links: reply.links, delivered });
    return true;
  }

  private async requeue(record: EscalationRecord): Promise<boolean> {
    const writer = writerToken();
    let added: TranscriptEntry[] = [];
    const updated = await this.deps.store.update(record.id, (r) => {
      added = [];
      if (r.status !== 'active' || r.agent?.id !== record.agent?.id) return undefined;
      added = appendEntries(r, [{ at: this.iso(), from: 'system', text: `${r.agent?.name ?? 'The agent'} is no longer on duty: back in the queue.` }]);
      const { agent: _agent, claimedAt: _claimedAt, ...rest } = r;
      return { ...rest, status: 'queued', writer };
    });
    if (!updated || updated.writer !== writer) return false;
    this.deps.logger.info({ escalationId: record.id }, 'escalation back in the queue: its agent is no longer on duty');
    this.deps.events.publish({ type: 'entries', escalationId: record.id, entries: added, status: updated.status });
    this.deps.events.publish({ type: 'queue' });
    await this.noticeToMember(updated, this.text(updated, 'handoff.requeued'));
    return true;
  }
}
