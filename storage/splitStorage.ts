import type { StoreItem, StoreItems } from 'botbuilder';
import type { FileStorage } from './fileStorage';
import type { JournalStorage } from './journalStorage';
import { type AssistantStorage, type Expected, writeThroughPut } from './types';

export interface SplitStorageOptions {
  /** Conversation state (written every turn, expires when idle). */
  journal: JournalStorage;
  /** Everything else: user state, transcripts, escalations (written rarely, kept long). */
  files: FileStorage;
  /** Which keys go to the journal. */
  isJournalKey: (key: string) => boolean;
}

/**
 * The embedded file store (STORAGE=file): conversation keys in the append-only journal, every other
 * key in a file of its own, behind one AssistantStorage. The journal makes the every-turn write
 * cheap and its live set stays small (conversations expire when idle); the long-lived documents
 * (transcripts kept for the retention period, user state) stay one file each, so neither start-up
 * nor compaction ever has to go through them.
 */
export class SplitStorage implements AssistantStorage {
  readonly kind = 'file' as const;

  constructor(private readonly options: SplitStorageOptions) {}

  get journal(): JournalStorage {
    return this.options.journal;
  }

  get files(): FileStorage {
    return this.options.files;
  }

  /** Checks both can be written, starts sweeps. */
  async ready(): Promise<void> {
    await this.files.ready();
    await this.journal.ready();
  }

  async close(): Promise<void> {
    await Promise.all([this.files.close(), this.journal.close()]);
  }

  /** No superseded version of conversation state left in the journal (files are replaced whole). */
  purge(): Promise<void> {
    return this.journal.purge();
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when reading.');
    const [inJournal, inFiles] = this.partition(keys);
    if (inFiles.length === 0) return this.journal.read(inJournal);
    if (inJournal.length === 0) return this.files.read(inFiles);
    const [a, b] = await Promise.all([this.journal.read(inJournal), this.files.read(inFiles)]);
    return { ...b, ...a };
  }

  write(changes: StoreItems): Promise<void> {
    return writeThroughPut(changes, (key, item, expected) => this.put(key, item, expected));
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when deleting.');
    const [inJournal, inFiles] = this.partition(keys);
    await Promise.all([inJournal.length ? this.journal.delete(inJournal) : undefined, inFiles.length ? this.files.delete(inFiles) : undefined]);
  }

  put(key: string, item: StoreItem, expected: Expected): Promise<string> {
    return this.storeFor(key).put(key, item, expected);
  }

  /** Journal keys only (the per-key files cannot be listed without reading each). */
  async keysWithPrefix(prefix: string): Promise<string[]> {
    return this.options.isJournalKey(`${prefix}x`) ? this.journal.keysWithPrefix(prefix) : [];
  }

  /** Expires idle conversations in both. */
  async sweep(): Promise<number> {
    const [a, b] = await Promise.all([this.journal.sweep(), this.files.sweep()]);
    return a + b;
  }

  private storeFor(key: string): AssistantStorage {
    return typeof key === 'string' && this.options.isJournalKey(key) ? this.journal : this.files;
  }

  private partition(keys: string[]): [string[], string[]] {
    const inJournal: string[] = [];
    const inFiles: string[] = [];
    for (const key of keys) (this.storeFor(key) === this.journal ? inJournal : inFiles).push(key);
    return [inJournal, inFiles];
  }

}
