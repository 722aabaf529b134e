import type { EscalationRecord, TranscriptEntry } from './model';

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
  | { type: 'alert'; escalationId: string; kind: NonNullable<TranscriptEntry['alert']> };

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
