/**
 * Portal assertions already used, each bound to the conversation it signed in: a portal assertion
 * signs in one conversation only (the same conversation may present it again — Web Chat does on a
 * reconnect — but another conversation may not). Kept until the assertion could no longer verify
 * anyway, in this process: assertions live minutes (IDENTITY_MAX_AGE_SECONDS), so the map stays
 * small; with several instances a replay can still reach another instance within that window.
 */
export class UsedAssertions {
  /** Assertion id → the conversation it signed in, and until when it matters (ms). */
  private readonly used = new Map<string, { conversation: string; until: number }>();

  constructor(private readonly clock: () => number) {}

  /** True if the assertion may sign in `conversation` (and it is now bound to it). */
  claim(assertionId: string, conversation: string, validUntil: number): boolean {
    const now = this.clock();
    // Bounded by the map's size; entries expire at most maxAge after they were added.
    for (const [id, entry] of this.used) if (entry.until <= now) this.used.delete(id);
    const previous = this.used.get(assertionId);
    if (previous) return previous.conversation === conversation;
    this.used.set(assertionId, { conversation, until: validUntil });
    return true;
  }
}
