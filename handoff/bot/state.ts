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
