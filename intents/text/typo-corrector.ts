import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance';

export interface TypoCorrectorOptions {
  /** Shortest token that may be corrected (shorter tokens are too ambiguous). Default 4. */
  minLength?: number;
  /** Tokens at least this long may be corrected by two edits instead of one. Default 8. */
  twoEditsFrom?: number;
  /** Bound on the memo of corrections (cleared when full). Default 20 000. */
  cacheSize?: number;
}

function sortLetters(word: string): string {
  return [...word].sort().join('');
}

function deletes(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/**
 * Corrects typos toward a target vocabulary: "brethe" → "breathe", "chset" → "chest",
 * "apointment" → "appointment". A token is corrected only when it is not a known word, is at
 * least `minLength` long, and exactly one target is nearest (Damerau-Levenshtein from
 * natural, so a swapped pair of letters costs one edit). Candidates come from a
 * symmetric-delete index, so each lookup checks a handful of words instead of the whole
 * vocabulary; results are memoized.
 */
export class TypoCorrector {
  private readonly index = new Map<string, Set<string>>();
  private readonly cache = new Map<string, string>();
  private readonly minLength: number;
  private readonly twoEditsFrom: number;
  private readonly cacheSize: number;

  constructor(
    targets: Iterable<string>,
    private readonly known: ReadonlySet<string>,
    options: TypoCorrectorOptions = {},
  ) {
    this.minLength = options.minLength ?? 4;
    this.twoEditsFrom = options.twoEditsFrom ?? 8;
    this.cacheSize = options.cacheSize ?? 20_000;
    for (const target of targets) {
      if (target.length < this.minLength) continue;
      this.add(target, target);
      for (const d1 of deletes(target)) {
        this.add(d1, target);
        if (target.length >= this.twoEditsFrom) for (const d2 of deletes(d1)) this.add(d2, target);
      }
    }
  }

  private add(key: string, target: string): void {
    let set = this.index.get(key);
    if (!set) this.index.set(key, (set = new Set()));
    set.add(target);
  }

  private maxEdits(token: string): number {
    return token.length >= this.twoEditsFrom ? 2 : 1;
  }

  correct(token: string): string {
    if (token.length < this.minLength || this.known.has(token) || /\d/.test(token)) return token;
    const cached = this.cache.get(token);
    if (cached !== undefined) return cached;
    const result = this.lookup(token);
    if (this.cache.size >= this.cacheSize) this.cache.clear();
    this.cache.set(token, result);
    return result;
  }

  private lookup(token: string): string {
    const candidates = new Set<string>();
    const collect = (key: string): void => {
      const hit = this.index.get(key);
      if (hit) for (const t of hit) candidates.add(t);
    };
    collect(token);
    const max = this.maxEdits(token);
    for (const d1 of deletes(token)) {
      collect(d1);
      if (max >= 2) for (const d2 of deletes(d1)) collect(d2);
    }
    let best: string[] = [];
    let bestDistance = Infinity;
    for (const candidate of candidates) {
      const distance = DamerauLevenshteinDistance(token, candidate);
      if (distance > Math.min(max, this.maxEdits(candidate))) continue;
      if (distance < bestDistance) {
        best = [candidate];
        bestDistance = distance;
      } else if (distance === bestDistance) {
        best.push(candidate);
      }
    }
    if (best.length === 1) return best[0]!;
    // A tie is broken only by a candidate with the same letters (a swapped pair, the most
    // common typo: "pian" → "pain" rather than "plan"); otherwise the token is left alone.
    const letters = sortLetters(token);
    const anagrams = best.filter((c) => sortLetters(c) === letters);
    return anagrams.length === 1 ? anagrams[0]! : token;
  }
}
