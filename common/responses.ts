import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { StartupError } from './errors';
import { LOCALES, type Locale } from './locale';
import { fromRoot } from './paths';

/**
 * Everything the assistant says lives in `responses/<locale>.json` (nested objects of strings),
 * so conversation designers edit texts without touching code. Keys are dotted paths
 * ("welcome.intro"); `{name}` placeholders are filled from the variables passed in.
 */

type Tree = { [key: string]: string | Tree };
const treeSchema: z.ZodType<Tree> = z.lazy(() => z.record(z.string(), z.union([z.string().min(1), treeSchema])));

export class ResponseCatalogError extends StartupError {}

function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(name, value);
    else flatten(value, name, out);
  }
  return out;
}

export type Vars = Record<string, string | number>;

export class ResponseCatalog {
  private constructor(private readonly texts: Record<Locale, Map<string, string>>) {}

  /** Loads and checks every locale: valid JSON, only strings, and the same keys as English. */
  static load(dir: string = fromRoot('responses')): ResponseCatalog {
    const texts = {} as Record<Locale, Map<string, string>>;
    for (const locale of LOCALES) {
      const file = path.join(dir, `${locale}.json`);
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(file, 'utf8'));
      } catch (err) {
        throw new ResponseCatalogError(`Response texts ${file} could not be read: ${(err as Error).message}`);
      }
      const parsed = treeSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new ResponseCatalogError(
          `Response texts ${file}: ${issue?.path.join('.') || 'root'} must be a non-empty text or a group of texts`,
        );
      }
      texts[locale] = flatten(parsed.data);
    }
    const english = texts.en;
    for (const locale of LOCALES) {
      if (locale === 'en') continue;
      const missing = [...english.keys()].filter((key) => !texts[locale].has(key));
      const extra = [...texts[locale].keys()].filter((key) => !english.has(key));
      if (missing.length || extra.length) {
        throw new ResponseCatalogError(
          `Response texts for "${locale}" do not match English: ` +
            [missing.length ? `missing ${missing.join(', ')}` : '', extra.length ? `unknown ${extra.join(', ')}` : '']
              .filter(Boolean)
              .join('; '),
        );
      }
    }
    return new ResponseCatalog(texts);
  }

  /** Every key (the English file's; the other locales have the same). */
  keys(): string[] {
    return [...this.texts.en.keys()];
  }

  /** Every key under a group ("options" → "options.appointment.action.new", …). */
  keysUnder(prefix: string): string[] {
    return [...this.texts.en.keys()].filter((key) => key.startsWith(`${prefix}.`));
  }

  has(key: string): boolean {
    return this.texts.en.has(key);
  }

  /** The text for `key` in `locale`, with `{placeholders}` filled. Unknown keys are a bug: throws. */
  text(locale: Locale, key: string, vars: Vars = {}): string {
    const template = this.texts[locale].get(key) ?? this.texts.en.get(key);
    if (template === undefined) throw new ResponseCatalogError(`No response text "${key}"`);
    return oneStop(template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)));
  }
}

/**
 * A sentence ending on an hour ("... 8 a.m. to 8 p.m." filled into "{hours}.") keeps one period:
 * "p.m.." / "p. m.." reads as a typo, in either language.
 */
export function oneStop(text: string): string {
  return text.replace(/\b([ap])\.( ?)m\.\.(?!\.)/g, '$1.$2m.');
}

/** Locale of an activity ("es-US", "es" → es; anything else → en). */
export function localeOf(tag: string | undefined): Locale {
  return tag?.toLowerCase().startsWith('es') ? 'es' : 'en';
}
