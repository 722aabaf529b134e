/**
 * What the file store last wrote or read for a key, kept in memory so a turn's state loads and
 * eTag checks need no file reads. The file store is single-instance (docs/state.md), and every change to
 * its files goes through it, so the cache is authoritative. Bounded by the size of the cached
 * JSON; least recently used first out.
 *
 * A read that missed may only fill the cache if no write or delete of that key happened while it
 * was reading (the version check), so a slow read can never put an older version back.
 */
export interface CachedRecord {
  eTag: string;
  /** The item as JSON: every reader gets its own copy. */
  json: string;
}

export class RecordCache {
  private readonly entries = new Map<string, CachedRecord | null>();
  private readonly versions = new Map<string, number>();
  /** How often forgotten versions were dropped: a read that spans a drop never fills. */
  private prunes = 0;
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** A cached record, null if the key is known to have no file, undefined if unknown. */
  get(key: string): CachedRecord | null | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** Take this before reading the file, and give it back to `fill`. */
  version(key: string): string {
    return `${this.prunes}:${this.versions.get(key) ?? 0}`;
  }

  /** Records what a read found, unless the key changed meanwhile. */
  fill(key: string, version: string, record: CachedRecord | null): void {
    if (this.version(key) === version) this.store(key, record);
  }

  /** Records what a write (or delete: null) made the key; later reads see it. */
  set(key: string, record: CachedRecord | null): void {
    this.bump(key);
    this.store(key, record);
  }

  /** Forgets a key (its file was moved aside or swept). */
  forget(key: string): void {
    this.bump(key);
    this.drop(key);
  }

  /** Forgets everything (the store was closed; it reloads from disk). */
  clear(): void {
    this.entries.clear();
    this.versions.clear();
    this.prunes++;
    this.bytes = 0;
  }

  private store(key: string, record: CachedRecord | null): void {
    this.drop(key);
    if (record && record.json.length > this.maxBytes / 4) return;
    this.entries.set(key, record);
    this.bytes += size(record);
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= size(entry);
    }
    // Versions of keys no longer cached are not needed to protect anything: keep the map bounded.
    if (this.versions.size > this.entries.size * 2 + 1024) {
      for (const k of this.versions.keys()) if (!this.entries.has(k)) this.versions.delete(k);
      this.prunes++;
    }
  }

  private bump(key: string): void {
    this.versions.set(key, (this.versions.get(key) ?? 0) + 1);
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.bytes -= size(entry);
  }
}

function size(record: CachedRecord | null): number {
  return 64 + (record ? record.json.length * 2 + record.eTag.length * 2 : 0);
}
