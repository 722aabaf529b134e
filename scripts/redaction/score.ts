import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { PII_CATEGORIES, PII_TAGS, type PiiCategory } from '../../common/redaction';
import { fromRoot } from '../../common/paths';

/**
 * Scores a redactor against a PII corpus (test/fixtures/pii/*.jsonl): each line is a text and the
 * personal details it contains, as [category, value] pairs; a line with none is a look-alike that
 * must come out unchanged.
 *
 * - true positive: the value is gone from the output and the category's tag is there;
 * - false negative: the value (or part of it, 4+ characters) is still in the output;
 * - false positive: a tag of that category beyond the expected count (a look-alike redacted);
 * - "any" counts a value as found when it is gone whatever the tag (what matters for privacy).
 */

const lineSchema = z.strictObject({ text: z.string().min(1), pii: z.array(z.tuple([z.enum(PII_CATEGORIES), z.string().min(1)])) });
export type CorpusLine = z.infer<typeof lineSchema>;

export function loadCorpus(name: 'corpus' | 'holdout'): CorpusLine[] {
  const file = fromRoot('test', 'fixtures', 'pii', `${name}.jsonl`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((line, i) => {
      const parsed = lineSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Score {
  byCategory: Record<PiiCategory, Counts>;
  /** Found whatever the tag: true positive = the value is gone. */
  any: Counts;
  /** Look-alike lines (no PII) changed by the redactor. */
  changedNegatives: string[];
  misses: Array<{ text: string; category: PiiCategory; value: string; output: string }>;
  extras: Array<{ text: string; category: PiiCategory; output: string }>;
}

const countOf = (text: string, tag: string) => text.split(tag).length - 1;

/** A value counts as still there if it, or a 4+ character piece of it between separators, survives. */
function survives(value: string, output: string): boolean {
  if (output.includes(value)) return true;
  return value
    .split(/[\s\-./()]+/)
    .filter((piece) => piece.length >= 4)
    .some((piece) => new RegExp(`(?<![\\w])${piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w])`).test(output));
}

export function score(lines: CorpusLine[], redact: (text: string) => string): Score {
  const byCategory = Object.fromEntries(PII_CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }])) as Record<PiiCategory, Counts>;
  const any: Counts = { tp: 0, fp: 0, fn: 0 };
  const result: Score = { byCategory, any, changedNegatives: [], misses: [], extras: [] };
  for (const line of lines) {
    const output = redact(line.text);
    if (!line.pii.length && output !== line.text) result.changedNegatives.push(line.text);
    const expected = new Map<PiiCategory, number>();
    for (const [category, value] of line.pii) {
      const gone = !survives(value, output);
      if (gone) any.tp++;
      else any.fn++;
      if (gone && output.includes(PII_TAGS[category])) {
        byCategory[category].tp++;
        expected.set(category, (expected.get(category) ?? 0) + 1);
      } else {
        byCategory[category].fn++;
        result.misses.push({ text: line.text, category, value, output });
      }
    }
    for (const category of PII_CATEGORIES) {
      const extra = countOf(output, PII_TAGS[category]) - (expected.get(category) ?? 0) - countOf(line.text, PII_TAGS[category]);
      if (extra > 0) {
        byCategory[category].fp += extra;
        result.extras.push({ text: line.text, category, output });
      }
    }
    // Any tag in a line that expected fewer findings is a redaction nobody asked for.
    const tags = PII_CATEGORIES.reduce((n, c) => n + countOf(output, PII_TAGS[c]) - countOf(line.text, PII_TAGS[c]), 0);
    any.fp += Math.max(0, tags - line.pii.length);
  }
  return result;
}

export const precision = (c: Counts) => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
export const recall = (c: Counts) => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));
