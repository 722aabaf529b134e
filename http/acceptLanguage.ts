import { z } from 'zod';
import { LOCALES, type Locale } from '../common/locale';

/** One entry of Accept-Language: a language tag (or "*") with an optional quality. */
const entrySchema = z.object({
  tag: z.string().regex(/^(?:\*|[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)$/),
  q: z.number().min(0).max(1),
});

const MAX_HEADER_CHARS = 512;
const MAX_ENTRIES = 20;

/**
 * The language tag the browser prefers among those the assistant speaks (en, es), from an
 * Accept-Language header ("es-MX,es;q=0.9,en;q=0.8" → "es-MX"). Undefined when the header is
 * absent, says only "*" (Node's fetch), or names neither language: the caller keeps its default.
 */
export function preferredLanguageTag(header: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(header) ? header.join(',') : header;
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_HEADER_CHARS) return undefined;
  const entries = raw
    .split(',')
    .slice(0, MAX_ENTRIES)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const quality = params.map((p) => p.trim()).find((p) => p.toLowerCase().startsWith('q='));
      const parsed = entrySchema.safeParse({ tag: tag.trim(), q: quality === undefined ? 1 : Number(quality.slice(2)) });
      return parsed.success ? { ...parsed.data, index } : undefined;
    })
    .filter((entry): entry is z.infer<typeof entrySchema> & { index: number } => entry !== undefined && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return entries.find((entry) => spoken(entry.tag))?.tag;
}

/** The assistant's locale for an Accept-Language header, when it names en or es. */
export function preferredLocale(header: string | string[] | undefined): Locale | undefined {
  const tag = preferredLanguageTag(header);
  return tag ? (tag.slice(0, 2).toLowerCase() as Locale) : undefined;
}

function spoken(tag: string): boolean {
  const primary = tag.split('-')[0]!.toLowerCase();
  return (LOCALES as readonly string[]).includes(primary);
}
