import type { AssistantStorage, StoreItem } from '../../storage/types';
import { updateItem } from '../../storage/update';
import type { AgentRef } from './model';

/**
 * Which agents are signed in and around, in the configured store so that every instance agrees
 * (an agent's console may be connected to another instance than the member's turn). An agent is
 * "on duty" when seen within `ttlMs`: at sign-in, on every API call and every half minute while the
 * console's live stream is open. Signing out removes them at once.
 */

const KEY = 'handoff/presence';

interface PresenceItem extends StoreItem {
  agents: Record<string, { name: string; lastSeen: number }>;
}

export class AgentPresence {
  /** Agent id → when this instance last wrote their presence (writes are throttled). */
  private readonly written = new Map<string, number>();

  constructor(
    private readonly storage: AssistantStorage,
    private readonly now: () => number = Date.now,
    readonly ttlMs = 2 * 60_000,
    private readonly refreshMs = 30_000,
  ) {}

  /** Marks the agent as around (at most every `refreshMs` per agent and instance, unless forced). */
  async seen(agent: AgentRef, force = false): Promise<void> {
    const now = this.now();
    const last = this.written.get(agent.id);
    if (!force && last !== undefined && now - last < this.refreshMs && now >= last) return;
    this.written.set(agent.id, now);
    await updateItem<PresenceItem>(this.storage, KEY, (item) => {
      const agents = Object.fromEntries(Object.entries(item?.agents ?? {}).filter(([, a]) => now - a.lastSeen < this.ttlMs));
      agents[agent.id] = { name: agent.name, lastSeen: now };
      return { agents };
    });
  }

  async left(agentId: string): Promise<void> {
    this.written.delete(agentId);
    await updateItem<PresenceItem>(this.storage, KEY, (item) => {
      if (!item?.agents?.[agentId]) return undefined;
      const { [agentId]: _gone, ...agents } = item.agents;
      return { agents };
    });
  }

  /** Ids of the agents on duty now. */
  async onDuty(): Promise<Set<string>> {
    const item = (await this.storage.read([KEY]))[KEY] as PresenceItem | undefined;
    const now = this.now();
    const ids = Object.entries(item?.agents ?? {})
      .filter(([, a]) => typeof a?.lastSeen === 'number' && now - a.lastSeen < this.ttlMs)
      .map(([id]) => id);
    return new Set(ids);
  }

  /** The agents on duty now, with their names (transfer to an agent). */
  async roster(): Promise<AgentRef[]> {
    const item = (await this.storage.read([KEY]))[KEY] as PresenceItem | undefined;
    const now = this.now();
    return Object.entries(item?.agents ?? {})
      .filter(([, a]) => typeof a?.lastSeen === 'number' && now - a.lastSeen < this.ttlMs)
      .map(([id, a]) => ({ id, name: a.name }));
  }

  /** How many agents are on duty now. */
  async online(): Promise<number> {
    return (await this.onDuty()).size;
  }
}
