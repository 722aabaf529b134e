import type { TrainingExample } from '../training-data';
import type { Gazetteer } from './gazetteer';

/**
 * Training variants that swap a medicine's name for another one ("refill my lisinopril" →
 * "refill my ozempic", "refill my pills" → "refill my glucophage"): a request about a medicine is
 * about medicines, not about the few names the training lines happen to use, so a brand or
 * generic no line mentions ("why is my glucophage pending") is read like the others. One variant
 * per line that has a medication word,
 * with a name picked deterministically (the same model from the same data); public lines and
 * lines without a single-word medicine name are left alone.
 */
export function medicineNameVariants(examples: readonly TrainingExample[], gazetteer: Gazetteer, skipSource: (source: string) => boolean): TrainingExample[] {
  const names = [...new Set(gazetteer.medicineNames)].filter((n) => /^[a-z]{5,}$/.test(n)).sort();
  // Any medication word is swapped ("refill my pills" → "refill my ozempic"), so that the lines
  // that speak of medicines in general teach the names too.
  const known = new Set(gazetteer.entriesOf('medication').filter((n) => /^[a-z]{4,}$/.test(n)));
  if (names.length < 2) return [];
  const out: TrainingExample[] = [];
  examples.forEach((e, n) => {
    if (skipSource(e.source)) return;
    const words = e.text.split(/(\s+)/);
    const at = words.findIndex((w) => known.has(w.toLowerCase().replace(/[^a-z]/g, '')) && /^[A-Za-z]+[.,!?]?$/.test(w));
    if (at < 0) return;
    const current = words[at]!.toLowerCase().replace(/[^a-z]/g, '');
    let other = names[(n * 7919) % names.length]!;
    if (other === current) other = names[(n * 7919 + 1) % names.length]!;
    const tail = words[at]!.replace(/^[A-Za-z]+/, '');
    words[at] = other + tail;
    out.push({ ...e, text: words.join(''), source: `${e.source} (medicine name swapped)` });
  });
  return out;
}
