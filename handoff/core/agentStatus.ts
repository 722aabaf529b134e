import type { AssistantStorage, StoreItem } from '../../storage/types';
import { updateItem } from '../../storage/update';
import type { AgentStatus } from './workspaceModel';

/**
 * What each agent set themselves to in the console: available (offered new conversations), busy
 * (no offers, may still claim), away (no offers, no claims). In the configured store, so every
 * instance agrees; an agent who never set it is available. Signing in again keeps the choice.
 */

const KEY = 'handoff/agent-status';

interface StatusItem extends StoreItem {
  agents: Record<string, { status: AgentStatus; at: number }>;
}

export class AgentStatuses {
  constructor(
    private readonly storage: AssistantStorage,
    private readonly now: () => number = Date.now,
  ) {}

  async all(): Promise<Record<string, AgentStatus>> {
    const item = (await this.storage.read([KEY]))[KEY] as StatusItem | undefined;
    return Object.fromEntries(Object.entries(item?.agents ?? {}).map(([id, s]) => [id, s.status]));
  }

  async of(agentId: string): Promise<AgentStatus> {
    return (await this.all())[agentId] ?? 'available';
  }

  async set(agentId: string, status: AgentStatus): Promise<void> {
    const at = this.now();
    await updateItem<StatusItem>(this.storage, KEY, (item) => ({ agents: { ...(item?.agents ?? {}), [agentId]: { status, at } } }));
  }
}
