import type { EscalationRecord, TranscriptEntry } from './model';
import type { Note } from './workspaceModel';

/**
 * What agents' consoles are told as it happens, within this instance (the live stream also polls
 * the store, for changes made on other instances).
 */
export type HandoffEvent =
  /** Created, claimed, closed: the queue changed. */
  | { type: 'queue' }
  /** New transcript entries of one escalation (member or agent messages, notices, alerts). */
  | { type: 'entries'; escalationId: string; entries: TranscriptEntry[]; status: EscalationRecord['status'] }
  /** The member wrote about an emergency: they got the emergency answer; the console shows an alert. */
  | { type: 'alert'; escalationId: string; kind: NonNullable<TranscriptEntry['alert']> }
  /** Agents' internal notes (never sent to the member) and wrap-ups (workspace.ts). */
  | { type: 'notes'; escalationId: string; notes: Note[] }
  /** Someone is typing in the conversation (not stored). */
  | { type: 'typing'; escalationId: string; from: 'member' };

export class HandoffEvents {
  private readonly listeners = new Set<(event: HandoffEvent) => void>();

  subscribe(listener: (event: HandoffEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: HandoffEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        /* one broken stream must not stop the others */
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}
