import type { ResponseCatalog } from '../../common/responses';
import type { Locale } from '../../intents/types';
import { fold } from './text';

/** The group of responses/<locale>.json that names what the back ends write in English. */
const TERMS = 'terms';

/**
 * Names the member-data back ends write in English ("Primary care follow-up", "Lisinopril 10 mg
 * tablet"), said in the member's language through the catalog: a whole name under
 * `terms.visit.*` is replaced by its translation, and words under `terms.word.*` (drug forms:
 * "tablet", "inhaler") are replaced inside a name. Names the catalog does not know are kept.
 */
export class BackEndTerms {
  /** Folded English name → key, per group. */
  private readonly visits = new Map<string, string>();
  private readonly words: Array<{ pattern: RegExp; key: string }> = [];

  constructor(private readonly catalog: ResponseCatalog) {
    for (const key of catalog.keysUnder(`${TERMS}.visit`)) this.visits.set(fold(catalog.text('en', key)), key);
    for (const key of catalog.keysUnder(`${TERMS}.word`)) {
      const word = catalog.text('en', key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      this.words.push({ pattern: new RegExp(`\\b${word}\\b`, 'gi'), key });
    }
  }

  /** What a visit is for ("Lab tests"), in the member's language. */
  visit(name: string, locale: Locale): string {
    if (locale === 'en') return name;
    const key = this.visits.get(fold(name));
    return key ? this.catalog.text(locale, key) : name;
  }

  /** A medicine as the back end names it, its form words in the member's language. */
  medication(name: string, locale: Locale): string {
    if (locale === 'en') return name;
    return this.words.reduce((text, { pattern, key }) => text.replace(pattern, this.catalog.text(locale, key)), name);
  }
}
