import type { ConversationState, Storage, TurnContext } from 'botbuilder';

/**
 * What a conversation remembers about a hand-off, in conversation state (property `handoff`):
 * the escalation it is in (queue mode), or where a contact centre hand-off stands (event mode).
 * Only a pointer: the escalation itself lives in the store (handoff/core/store.ts), where agents
 * change it outside the member's turns; a closed escalation is noticed on the member's next message.
 */
export interface HandoffState {
  /** Queue mode: the open escalation (queued, or with an agent). */
  escalationId?: string;
  /** Event mode: handoff.initiate sent (initiated), or the contact centre took it (accepted). */
  event?: 'initiated' | 'accepted';
  /** Last member message or status in the hand-off (ms): keeps the state fresh, bounds event mode. */
  at?: number;
}

export const HANDOFF_STATE_PROPERTY = 'handoff';

/**
 * Event mode: the contact centre has the conversation — it accepted the hand-off and the member
 * has written within the idle limit — so the assistant stays quiet (the emergency check aside).
 */
export function withContactCentre(state: HandoffState | undefined, now: number, idleMs: number): boolean {
  return state?.event === 'accepted' && (state.at === undefined || now - state.at <= idleMs);
}

/**
 * The hand-off state as stored, read before the turn loads its state (adapter middleware) and
 * without loading it into the turn: the turn still loads, checks and saves its state as usual.
 */
export async function storedHandoffState(storage: Storage, conversationState: ConversationState, context: TurnContext): Promise<HandoffState | undefined> {
  const key = conversationState.getStorageKey(context);
  if (!key) return undefined;
  const stored = (await storage.read([key]))[key] as Record<string, unknown> | undefined;
  return stored?.[HANDOFF_STATE_PROPERTY] as HandoffState | undefined;
}
