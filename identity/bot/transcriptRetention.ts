import type { TranscriptStore } from 'botbuilder';
import { TRANSCRIPT_CHANNELS } from '../../channels/capabilities';
import type { Logger } from '../../common/logger';

const DAY = 86_400_000;
/** The channels the assistant talks on whose transcripts are swept (their profiles, channels/capabilities.ts). */
export const SWEPT_CHANNELS = TRANSCRIPT_CHANNELS;

export interface RetentionDeps {
  store: Pick<TranscriptStore, 'listTranscripts' | 'deleteTranscript'>;
  /** Escalation records (member id, name, redacted transcript): closed ones past the same period go too. */
  escalations?: { sweep(cutoffMs: number): Promise<number> };
  retentionDays: number;
  now: () => number;
  logger: Logger;
  channels?: readonly string[];
}

/**
 * Transcript retention (TRANSCRIPT_RETENTION_DAYS): conversation transcripts — kept for the people
 * who take escalations, redacted, but still about members' health — are deleted once they are
 * older than the retention period. A sweep lists each channel's transcripts from the cutoff day
 * back (botbuilder's TranscriptStore API, so any store that implements it works) and deletes those
 * created before the cutoff. It runs at start and then hourly, on every instance (deleting is
 * idempotent). Closed escalation records created before the cutoff day are deleted by the same
 * sweep (open ones when they close).
 */
export class TranscriptRetention {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(private readonly deps: RetentionDeps) {}

  /** Deletes the transcripts older than the retention period; resolves with how many. */
  async sweep(): Promise<number> {
    const cutoff = this.deps.now() - this.deps.retentionDays * DAY;
    let deleted = 0;
    for (const channelId of this.deps.channels ?? SWEPT_CHANNELS) {
      let token: string | undefined = new Date(cutoff).toISOString().slice(0, 10);
      while (token) {
        const page = await this.deps.store.listTranscripts(channelId, token);
        for (const item of page.items) {
          if (item.created && new Date(item.created).getTime() < cutoff) {
            await this.deps.store.deleteTranscript(channelId, item.id);
            deleted++;
          }
        }
        token = page.continuationToken || undefined;
      }
    }
    if (this.deps.escalations) deleted += await this.deps.escalations.sweep(cutoff);
    return deleted;
  }

  /** Sweeps now, then every `intervalMs` (timers do not keep the process alive). */
  start(intervalMs = 60 * 60_000): void {
    const run = () => {
      if (this.running) return;
      this.running = this.sweep()
        .then((deleted) => {
          if (deleted) this.deps.logger.info({ deleted, retentionDays: this.deps.retentionDays }, 'transcripts past their retention deleted');
          return deleted;
        })
        .catch((err) => {
          this.deps.logger.warn({ err: { name: (err as Error)?.name } }, 'transcript retention sweep failed (tried again next hour)');
          return 0;
        })
        .finally(() => (this.running = undefined));
    };
    const first = setTimeout(run, 0);
    first.unref();
    this.timer = setInterval(run, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
