import path from 'node:path';
import type { Logger } from '../common/logger';
import { fileNameMayHoldKind } from './fileNames';
import { FileStorage } from './fileStorage';
import { JournalStorage } from './journalStorage';
import { LockedStorage } from './lockedStorage';
import { SplitStorage } from './splitStorage';
import type { AssistantStorage } from './types';

/** Which store keeps state, with what it needs (read from the settings by bot/config.ts). */
export type StorageConfig =
  | { kind: 'file'; dataDir: string }
  | { kind: 'blob'; connectionString: string; container: string }
  | { kind: 'cosmos'; endpoint: string; key: string; database: string; container: string }
  | { kind: 'memory' };

export interface StorageDeps {
  logger: Logger;
  /** Conversations idle longer than this expire (the file store sweeps them). */
  idleMinutes: number;
  clock?: () => number;
}

/**
 * Keys that expire after CONVERSATION_IDLE_MINUTES: conversation state as botbuilder's
 * ConversationState makes it (`<channel>/conversations/<id>/`) and the local Direct Line channel's
 * records (`directline-local/conversations/<id>`). Not the hand-off's own records
 * (`handoff/conversations/…`): an escalation's pointer must outlive a member who is silent while
 * a person has their chat; the hand-off sweeps its records itself.
 */
export function isConversationKey(key: string): boolean {
  return /^[^/]+\/conversations\//.test(key) && !key.startsWith('handoff/');
}

/**
 * Whether a per-key file (fileNames.ts: the key's channel and kind, then a hash) can hold a
 * conversation key: `<channel>-conversations.<hash>.json`.
 */
export function mayHoldConversationKey(fileName: string): boolean {
  return fileNameMayHoldKind(fileName, 'conversations');
}

/** The folder under DATA_DIR that holds the file store's state files. */
export function stateDir(dataDir: string): string {
  return path.join(dataDir, 'state');
}

/**
 * The one place that turns the STORAGE setting into a store. Everything that persists
 * (conversation and user state, escalations, Direct Line sessions) uses the store made here.
 */
export function createStorage(config: StorageConfig, deps: StorageDeps): AssistantStorage {
  switch (config.kind) {
    case 'file': {
      const idleMs = deps.idleMinutes * 60_000;
      const expiry = {
        idleMs,
        appliesTo: isConversationKey,
        appliesToFileName: mayHoldConversationKey,
        // Often enough that an idle conversation is gone soon after the limit, rarely enough to cost nothing.
        sweepEveryMs: Math.min(Math.max(idleMs / 4, 60_000), 15 * 60_000),
      };
      const dir = stateDir(config.dataDir);
      return new SplitStorage({
        journal: new JournalStorage({ dir, logger: deps.logger, clock: deps.clock, expiry }),
        // User state, transcripts and escalations: read again only every few seconds (a transcript flush), so a small cache.
        files: new FileStorage({ dir, logger: deps.logger, clock: deps.clock, expiry, cacheBytes: 2 * 1024 * 1024 }),
        isJournalKey: isConversationKey,
      });
    }
    // The Azure SDKs are loaded only when chosen: @azure/cosmos, @azure/storage-blob and their
    // identity libraries hold about 8 MiB of heap that the default file store never uses.
    case 'blob': {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when chosen, synchronously
      const { AzureBlobStorage } = require('./blobStorage') as typeof import('./blobStorage');
      return new AzureBlobStorage(config.connectionString, config.container, { logger: deps.logger, clock: deps.clock });
    }
    case 'cosmos': {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when chosen, synchronously
      const { AzureCosmosStorage } = require('./cosmosStorage') as typeof import('./cosmosStorage');
      return new AzureCosmosStorage(config, { logger: deps.logger, clock: deps.clock });
    }
    case 'memory':
      return new LockedStorage();
  }
}
