/**
 * Where the current version of each key is in the conversation journal (journalStorage.ts), kept
 * in memory (about 220 bytes a key) so that eTag checks need no reads, and how the journal's lines
 * replay into it at start-up. Also counts the bytes of the live lines (compaction compares them
 * with the journal's size).
 */

/** Where the current version of a key is in the journal. */
export interface Entry {
  off: number;
  len: number;
  eTag: string;
  /** When it was written (for idle expiry). */
  t: number;
}

export class JournalIndex {
  private readonly entries = new Map<string, Entry>();
  private live = 0;

  /** Bytes of the lines that hold a current version. */
  get liveBytes(): number {
    return this.live;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): Entry | undefined {
    return this.entries.get(key);
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  keys(): IterableIterator<string> {
    return this.entries.keys();
  }

  values(): IterableIterator<Entry> {
    return this.entries.values();
  }

  [Symbol.iterator](): IterableIterator<[string, Entry]> {
    return this.entries[Symbol.iterator]();
  }

  clear(): void {
    this.entries.clear();
    this.live = 0;
  }

  set(key: string, entry: Entry): void {
    const current = this.entries.get(key);
    if (current) {
      // Updated in place: the index keeps the key string it first got.
      this.live += entry.len - current.len;
      Object.assign(current, entry);
      return;
    }
    // A flat copy: the caller's key is often a concatenation that holds on to its parts.
    this.entries.set(flat(key), entry);
    this.live += entry.len;
  }

  delete(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.live -= old.len;
  }

  /** Applies one journal line to the index at start-up; false if the line cannot be read. */
  replay(line: Buffer, off: number, len: number): boolean {
    const text = line.toString('utf8');
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch {
      return this.unreadableLine(text);
    }
    const r = record as { k?: unknown; e?: unknown; t?: unknown; v?: unknown; d?: unknown };
    if (typeof r.k !== 'string' || r.k === '' || typeof r.t !== 'number') return this.unreadableLine(text);
    if (r.d === true) {
      this.delete(r.k);
      return true;
    }
    if (typeof r.e !== 'string' || r.e === '' || typeof r.v !== 'object' || r.v === null || Array.isArray(r.v)) return this.unreadableLine(text);
    this.set(r.k, { off, len, eTag: r.e, t: r.t });
    return true;
  }

  /**
   * A line that cannot be read: if its key can still be made out from the line's start, the key's
   * earlier versions are dropped too — the newest version is lost, and bringing back an older one
   * (a signed-out session signed in again) would be worse than starting fresh, as the log says.
   * A later readable line of the key still wins. Always false (the line counts as damaged).
   */
  private unreadableLine(text: string): false {
    const key = /^\{"k":("(?:[^"\\]|\\.)*")/.exec(text)?.[1];
    if (key) {
      try {
        const parsed = JSON.parse(key) as unknown;
        if (typeof parsed === 'string') this.delete(parsed);
      } catch {
        /* the key itself is damaged */
      }
    }
    return false;
  }
}

function flat(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
