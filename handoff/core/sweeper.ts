import type { Logger } from '../../common/logger';
import type { ResponseCatalog } from '../../common/responses';
import type { PortalProfile } from '../../services/portal/profile';
import { contactOptions } from './contact';
import type { EscalationWriter } from './escalationWriter';
import type { HandoffEvents } from './events';
import { appendEntries, type EscalationRecord, type TranscriptEntry } from './model';
import type { AgentPresence } from './presence';
import { type EscalationStore, writerToken } from './store';

/**
 * The hand-off's timing: nobody may be left waiting on nobody. Conversations queued too long, or
 * with no agent on duty, are closed with the other ways to reach a person; those of an agent who
 * is gone go back in line for another. Safe on every instance at once: each change is an
 * eTag-checked update, and only the instance whose write wins tells the member.
 */

export interface HandoffSweeperDeps {
  store: EscalationStore;
  presence: AgentPresence;
  events: HandoffEvents;
  catalog: ResponseCatalog;
  profile: PortalProfile;
  logger: Logger;
  now: () => number;
  /** Queued longer than this without an agent: the member gets the other ways to reach us. */
  maxWaitMs: number;
  writer: EscalationWriter;
}

export class HandoffSweeper {
  constructor(private readonly deps: HandoffSweeperDeps) {}

  private iso(): string {
    return new Date(this.deps.now()).toISOString();
  }

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
    const { writer } = this.deps;
    const note =
      why === 'timed_out'
        ? 'Nobody took this conversation in time: the member was given the other ways to reach us.'
        : 'No agent was on duty any more: the member was given the other ways to reach us.';
    const done = await writer.close(record.id, why, 'system', { at: this.iso(), from: 'system', text: note }, (r) => r.status === record.status && r.agent?.id === record.agent?.id);
    if (!done) return false;
    const reply = contactOptions(this.deps.catalog, this.deps.profile, done.locale, { intent: done.intent }, { key: `handoff.expired.${why}` });
    const delivered = await writer.deliver(done, reply);
    await writer.appendAfterClose(done.id, { at: this.iso(), from: 'assistant', text: reply.text, links: reply.links, delivered });
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
    await this.deps.writer.noticeToMember(updated, this.deps.catalog.text(updated.locale, 'handoff.requeued'));
    return true;
  }
}
