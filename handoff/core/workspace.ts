import type { Logger } from '../../common/logger';
import type { ResponseCatalog } from '../../common/responses';
import { canSeeHistory, hasSkills, type AgentProfile } from './agentProfile';
import type { AgentStatuses } from './agentStatus';
import type { HandoffEvents } from './events';
import { appendEntries, isOpen, type AgentRef, type EscalationRecord, type TranscriptEntry } from './model';
import type { AgentPresence } from './presence';
import type { HandoffService } from './service';
import type { EscalationStore } from './store';
import type { EscalationView } from './views';
import type { AgentStatus, Note } from './workspaceModel';
import { MAX_NOTES } from './workspaceModel';
import type { WorkspaceData } from './workspaceData';

/**
 * The console's working features on top of the hand-off service: internal notes, wrap-up
 * (disposition codes), transfer to a queue or another agent, presence (available, busy, away) with
 * a capacity of concurrent chats, routing by skills (a Spanish member's conversation is offered to
 * Spanish-speaking agents first), typing indicators both ways and the history of closed
 * conversations. Every change is an eTag-checked update of the escalation in the store.
 */

/** Why the workspace refuses: the route turns it into a 4xx answer. */
export class WorkspaceRefusal extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'WorkspaceRefusal';
  }
}

export interface QueueItemView extends EscalationView {
  queue: string;
  queueName: string;
  /** Offered to this agent now (available, room for another chat, skills or anyone's turn). */
  offered: boolean;
  /** Until when only agents with the queue's skills may claim it (null: anyone may). */
  skillsFirstUntil: string | null;
}

export interface WorkspaceDeps {
  store: EscalationStore;
  service: HandoffService;
  events: HandoffEvents;
  presence: AgentPresence;
  statuses: AgentStatuses;
  data: WorkspaceData;
  catalog: ResponseCatalog;
  /** Role, skills and capacity of an agent id. */
  profile: (agentId: string) => AgentProfile;
  logger: Logger;
  now: () => number;
  /** Closed conversations are searchable this many days back (the transcript retention). */
  retentionDays: number;
}

interface Team {
  statuses: Record<string, AgentStatus>;
  roster: AgentRef[];
  active: Map<string, number>;
}

export class AgentWorkspace {
  constructor(private readonly deps: WorkspaceDeps) {}

  private iso(): string {
    return new Date(this.deps.now()).toISOString();
  }

  queueOf(record: EscalationRecord): string {
    return record.queue && this.deps.data.queue(record.queue) ? record.queue : this.deps.data.route(record.locale, record.intent).id;
  }

  private async team(open?: EscalationRecord[]): Promise<Team> {
    const [statuses, roster, list] = await Promise.all([this.deps.statuses.all(), this.deps.presence.roster(), open ?? this.deps.store.listOpen()]);
    const active = new Map<string, number>();
    for (const r of list) if (r.status === 'active' && r.agent) active.set(r.agent.id, (active.get(r.agent.id) ?? 0) + 1);
    return { statuses, roster, active };
  }

  /** What the console shows of the agent and their team (GET /api/agent/workspace). */
  async overview(agent: AgentRef) {
    const profile = this.deps.profile(agent.id);
    const team = await this.team();
    return {
      profile: { ...profile, canSeeHistory: canSeeHistory(profile) },
      status: team.statuses[agent.id] ?? 'available',
      activeChats: team.active.get(agent.id) ?? 0,
      queues: this.deps.data.queues.map((q) => ({ id: q.id, name: q.name, skills: q.skills })),
      dispositions: this.deps.data.dispositions,
      canned: this.deps.data.canned,
      agents: team.roster.filter((a) => a.id !== agent.id).map((a) => ({ ...a, status: team.statuses[a.id] ?? 'available' })),
      retentionDays: this.deps.retentionDays,
    };
  }

  async setStatus(agent: AgentRef, status: AgentStatus): Promise<void> {
    await this.deps.statuses.set(agent.id, status);
    this.deps.logger.info({ agentId: agent.id, status }, 'agent status changed');
    this.deps.events.publish({ type: 'queue' });
  }

  /** Until when a queued conversation waits for an agent with its queue's skills (undefined: anyone may take it). */
  private skillsFirstUntil(record: EscalationRecord, team: Team): number | undefined {
    const queue = this.deps.data.queue(this.queueOf(record))!;
    if (record.status !== 'queued' || (!queue.skills.language && !queue.skills.topic)) return undefined;
    const until = Date.parse(record.queuedAt ?? record.createdAt) + this.deps.data.skillFirstMs;
    if (this.deps.now() >= until) return undefined;
    // Only while someone with the skills is there to take it: nobody waits for an agent who is not on.
    const skilled = team.roster.some((a) => (team.statuses[a.id] ?? 'available') !== 'away' && hasSkills(this.deps.profile(a.id), queue.skills));
    return skilled ? until : undefined;
  }

  private offered(record: EscalationRecord, agent: AgentRef, team: Team): boolean {
    if (record.status !== 'queued') return false;
    const profile = this.deps.profile(agent.id);
    if ((team.statuses[agent.id] ?? 'available') !== 'available') return false;
    if ((team.active.get(agent.id) ?? 0) >= profile.capacity) return false;
    return this.skillsFirstUntil(record, team) === undefined || hasSkills(profile, this.deps.data.queue(this.queueOf(record))!.skills);
  }

  /** The queue as this agent sees it: each conversation's queue and whether it is offered to them. */
  async decorate(list: EscalationView[], open: EscalationRecord[], agent: AgentRef): Promise<QueueItemView[]> {
    const team = await this.team(open);
    const byId = new Map(open.map((r) => [r.id, r]));
    return list.map((view) => {
      const record = byId.get(view.id);
      const queue = record ? this.queueOf(record) : this.deps.data.defaultQueue;
      const until = record ? this.skillsFirstUntil(record, team) : undefined;
      return {
        ...view,
        queue,
        queueName: this.deps.data.queue(queue)?.name ?? queue,
        offered: record ? this.offered(record, agent, team) : false,
        skillsFirstUntil: until === undefined ? null : new Date(until).toISOString(),
      };
    });
  }

  /** One conversation with its notes, wrap-up and queue (never sent to the member). */
  detail<T extends object>(view: T, record: EscalationRecord): T & { queue: string; queueName: string; notes: Note[]; wrapUp: EscalationRecord['wrapUp'] | null } {
    const queue = this.queueOf(record);
    return { ...view, queue, queueName: this.deps.data.queue(queue)?.name ?? queue, notes: record.notes ?? [], wrapUp: record.wrapUp ?? null };
  }

  /** Refuses a claim beyond the agent's capacity, while away, or before the skills-first window ends. */
  async checkClaim(id: string, agent: AgentRef): Promise<void> {
    const record = await this.deps.store.get(id);
    if (!record || record.status !== 'queued') return; // the claim itself answers (missing, taken, closed, yours)
    const team = await this.team();
    const profile = this.deps.profile(agent.id);
    if ((team.statuses[agent.id] ?? 'available') === 'away') {
      throw new WorkspaceRefusal(409, 'away', 'You are set to Away: set yourself Available or Busy to take a conversation.');
    }
    const holding = team.active.get(agent.id) ?? 0;
    if (holding >= profile.capacity) {
      throw new WorkspaceRefusal(409, 'at_capacity', `You already have ${holding} chat${holding === 1 ? '' : 's'}, your limit: end or transfer one before taking another.`);
    }
    const until = this.skillsFirstUntil(record, team);
    const queue = this.deps.data.queue(this.queueOf(record))!;
    if (until !== undefined && !hasSkills(profile, queue.skills)) {
      const wait = Math.ceil((until - this.deps.now()) / 1000);
      throw new WorkspaceRefusal(409, 'skills_first', `This conversation is for the ${queue.name} queue: an agent with its skills gets it first. You can take it in ${wait} seconds if nobody has.`);
    }
  }

  private async holding(id: string, agent: AgentRef): Promise<EscalationRecord> {
    const record = await this.deps.store.get(id);
    if (!record) throw new WorkspaceRefusal(404, 'not_found', 'No escalation with this id.');
    if (!isOpen(record.status)) throw new WorkspaceRefusal(409, 'closed', `This conversation is closed (${record.status}).`);
    if (record.status === 'queued') throw new WorkspaceRefusal(409, 'not_claimed', 'Claim this conversation first (POST …/claim).');
    if (record.agent?.id !== agent.id) throw new WorkspaceRefusal(409, 'claimed_by_another_agent', `Another agent (${record.agent?.name ?? 'someone'}) has this conversation.`);
    return record;
  }

  private publishNotes(id: string, notes: Note[]): void {
    if (notes.length) this.deps.events.publish({ type: 'notes', escalationId: id, notes });
  }

  /** An internal note: for agents only, never sent to the member. */
  async addNote(id: string, agent: AgentRef, text: string): Promise<Note> {
    let note: Note | undefined;
    const record = await this.deps.store.update(id, (r) => {
      const notes = r.notes ?? [];
      if (notes.length >= MAX_NOTES) return undefined;
      note = { id: (notes[notes.length - 1]?.id ?? 0) + 1, at: this.iso(), agent, text };
      return { ...r, notes: [...notes, note] };
    });
    if (!record) throw new WorkspaceRefusal(404, 'not_found', 'No escalation with this id.');
    if (!note) throw new WorkspaceRefusal(409, 'too_many_notes', `This conversation has ${MAX_NOTES} notes already.`);
    this.deps.logger.info({ escalationId: id, agentId: agent.id, length: text.length }, 'internal note added');
    this.publishNotes(id, [note]);
    return note;
  }

  /** Checks a disposition code before anything is closed (400 for one the list does not have). */
  disposition(code: string) {
    const found = this.deps.data.disposition(code);
    if (!found) throw new WorkspaceRefusal(400, 'unknown_disposition', `No disposition "${code}": GET /api/agent/workspace lists them.`);
    return found;
  }

  /** The wrap-up of a closed conversation, by the agent who had it. */
  async wrapUp(id: string, agent: AgentRef, body: { disposition: string; note?: string }): Promise<EscalationRecord> {
    const disposition = this.disposition(body.disposition);
    const current = await this.deps.store.get(id);
    if (!current) throw new WorkspaceRefusal(404, 'not_found', 'No escalation with this id.');
    if (isOpen(current.status)) throw new WorkspaceRefusal(409, 'still_open', 'End the chat first (POST …/resolve with the disposition).');
    if (current.agent?.id !== agent.id) throw new WorkspaceRefusal(409, 'not_yours', 'Only the agent who had this conversation can wrap it up.');
    const wrapUp = { code: disposition.code, label: disposition.label, ...(body.note ? { note: body.note } : {}), at: this.iso(), agent };
    const record = await this.deps.store.update(id, (r) => ({ ...r, wrapUp }));
    if (!record) throw new WorkspaceRefusal(404, 'not_found', 'No escalation with this id.');
    this.deps.logger.info({ escalationId: id, agentId: agent.id, disposition: disposition.code }, 'chat wrapped up');
    this.deps.events.publish({ type: 'queue' });
    return record;
  }

  /** Hands the conversation to a queue (back in line there) or to another agent on duty, with a note for them. */
  async transfer(id: string, agent: AgentRef, body: { queue?: string; agent?: string; note?: string }): Promise<EscalationRecord> {
    await this.holding(id, agent);
    let target: AgentRef | undefined;
    const queue = body.queue === undefined ? undefined : this.deps.data.queue(body.queue);
    if (body.queue !== undefined && !queue) throw new WorkspaceRefusal(400, 'unknown_queue', `No queue "${body.queue}": GET /api/agent/workspace lists them.`);
    if (body.agent !== undefined) {
      if (body.agent === agent.id) throw new WorkspaceRefusal(400, 'same_agent', 'This conversation is already yours.');
      const team = await this.team();
      target = team.roster.find((a) => a.id === body.agent);
      if (!target) throw new WorkspaceRefusal(409, 'agent_unavailable', 'That agent is not signed in.');
      if ((team.statuses[target.id] ?? 'available') === 'away') throw new WorkspaceRefusal(409, 'agent_unavailable', `${target.name} is away.`);
      const capacity = this.deps.profile(target.id).capacity;
      if ((team.active.get(target.id) ?? 0) >= capacity) throw new WorkspaceRefusal(409, 'agent_at_capacity', `${target.name} already has as many chats as they can take.`);
    }
    const at = this.iso();
    let added: TranscriptEntry[] = [];
    let note: Note | undefined;
    const where = queue ? `the ${queue.name} queue` : target!.name;
    // The note goes with the transfer (one write): whoever takes the chat next reads it at once.
    const record = await this.deps.store.update(id, (r) => {
      added = [];
      if (r.status !== 'active' || r.agent?.id !== agent.id) return undefined;
      added = appendEntries(r, [{ at, from: 'system', text: `${agent.name} transferred the chat to ${where}.` }]);
      const notes = r.notes ?? [];
      note = { id: (notes[notes.length - 1]?.id ?? 0) + 1, at, agent, text: body.note ?? `Transferred to ${where}.`, transfer: queue ? { queue: queue.id } : { agent: target! } };
      const withNote = { ...r, notes: [...notes, note].slice(-MAX_NOTES) };
      if (queue) {
        const { agent: _agent, claimedAt: _claimedAt, ...rest } = withNote;
        return { ...rest, status: 'queued', queue: queue.id, queuedAt: at };
      }
      return { ...withNote, agent: target!, claimedAt: at };
    });
    if (!record || !added.length) throw new WorkspaceRefusal(409, 'conflict', 'The conversation changed meanwhile: try again.');
    this.deps.logger.info({ escalationId: id, agentId: agent.id, toQueue: queue?.id, toAgent: target?.id }, 'chat transferred');
    this.publishNotes(id, [note!]);
    this.deps.events.publish({ type: 'entries', escalationId: id, entries: added, status: record.status });
    this.deps.events.publish({ type: 'queue' });
    const text = queue
      ? this.deps.catalog.text(record.locale, 'handoff.transferred', { name: agent.name })
      : this.deps.catalog.text(record.locale, 'handoff.agentJoined', { name: target!.name });
    return (await this.deps.service.noticeToMember(record, text)) ?? record;
  }

  /** The agent is typing: shown to the member (their channel's typing indicator). */
  async agentTyping(id: string, agent: AgentRef): Promise<boolean> {
    return this.deps.service.typingToMember(await this.holding(id, agent));
  }

  /** The member is typing (a typing activity in a conversation with an open escalation): consoles show it. */
  async memberTyping(channelId: string, conversationId: string): Promise<void> {
    const record = await this.deps.store.openFor(channelId, conversationId);
    if (record) this.deps.events.publish({ type: 'typing', escalationId: record.id, from: 'member' });
  }

  private allowHistory(agent: AgentRef): void {
    if (!canSeeHistory(this.deps.profile(agent.id))) {
      throw new WorkspaceRefusal(403, 'forbidden', 'Your role does not allow reading past conversations: ask a team lead or supervisor.');
    }
  }

  /** Closed conversations within the retention period, newest first, by member id, dates and topic. */
  async history(agent: AgentRef, query: { member?: string; from?: string; to?: string; topic?: string }) {
    this.allowHistory(agent);
    const today = this.iso().slice(0, 10);
    const oldest = new Date(this.deps.now() - this.deps.retentionDays * 86_400_000).toISOString().slice(0, 10);
    const from = query.from && query.from > oldest ? query.from : oldest;
    const to = query.to && query.to < today ? query.to : today;
    const member = query.member?.toLowerCase();
    const topic = query.topic?.toLowerCase().replace(/\s+/g, '_');
    const found = (await this.deps.store.createdBetween(from, to))
      .filter((r) => !isOpen(r.status))
      .filter((r) => !member || r.member.id?.toLowerCase() === member)
      .filter((r) => !topic || r.intent === topic || this.queueOf(r) === topic);
    return found.slice(0, 100).map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      closedAt: r.closedAt ?? null,
      status: r.status,
      outcome: r.outcome ?? null,
      intent: r.intent,
      queueName: this.deps.data.queue(this.queueOf(r))?.name ?? this.queueOf(r),
      locale: r.locale,
      channelId: r.channelId,
      member: r.member,
      agent: r.agent ?? null,
      summary: r.summary,
      wrapUp: r.wrapUp ?? null,
    }));
  }

  /** One closed conversation in full (transcript, notes, wrap-up). */
  async historyRecord(id: string, agent: AgentRef): Promise<EscalationRecord> {
    this.allowHistory(agent);
    const record = await this.deps.store.get(id);
    if (!record || isOpen(record.status)) throw new WorkspaceRefusal(404, 'not_found', 'No closed conversation with this id.');
    return record;
  }
}
