import { PII_CATEGORIES, redactText } from '../common/redaction';
import { loadCorpus, precision, recall, score } from './redaction/score';

/**
 * `npm run eval:redaction`: precision and recall of redactText() per category on the PII corpus
 * (test/fixtures/pii/corpus.jsonl, used while writing the rules) and the held-out set
 * (holdout.jsonl, written before the rules were tuned and not used to tune them).
 */
const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);

for (const name of ['corpus', 'holdout'] as const) {
  const lines = loadCorpus(name);
  const s = score(lines, redactText);
  console.log(`\n${name}: ${lines.length} lines (${lines.filter((l) => !l.pii.length).length} look-alikes without PII)`);
  console.log(`${'category'.padEnd(10)} ${'n'.padStart(4)} ${'precision'.padStart(9)} ${'recall'.padStart(7)}`);
  for (const category of PII_CATEGORIES) {
    const c = s.byCategory[category];
    if (c.tp + c.fn + c.fp === 0) continue;
    console.log(`${category.padEnd(10)} ${String(c.tp + c.fn).padStart(4)} ${pct(precision(c)).padStart(9)} ${pct(recall(c))}`);
  }
  console.log(`${'any'.padEnd(10)} ${String(s.any.tp + s.any.fn).padStart(4)} ${pct(precision(s.any)).padStart(9)} ${pct(recall(s.any))}   (found, whatever the tag)`);
  console.log(`look-alikes changed: ${s.changedNegatives.length}`);
  for (const m of s.misses) console.log(`  miss   ${m.category}: ${JSON.stringify(m.text)} -> ${JSON.stringify(m.output)}`);
  for (const e of s.extras) console.log(`  extra  ${e.category}: ${JSON.stringify(e.text)} -> ${JSON.stringify(e.output)}`);
}
