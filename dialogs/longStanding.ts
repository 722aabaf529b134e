import { z } from 'zod';
import { StartupError } from '../common/errors';
import { fromRoot } from '../common/paths';
import { containsPhrase, fold } from './common/text';
import { readWordsFile } from './common/wordsFile';

const words = z.array(z.string().trim().min(1)).min(1);
const side = z.object({ lasting: words, recent: words });
const fileSchema = z.object({ $comment: z.string().optional(), notWith: z.array(z.string().regex(/^[a-z_]+$/)).min(1), en: side, es: side });

/** The words file is missing or invalid: start-up stops with its path and the problem. */
export class LongStandingWordsError extends StartupError {}

/**
 * A complaint the member says has lasted a long time (`dialogs/data/long-standing.json`): "my
 * knee has hurt for months", "tengo dolor de espalda desde hace años". The symptoms answer then
 * offers a regular visit rather than a same-day, urgent one (dialogs/triage.ts). Never when the
 * message also says it is sudden, worse or severe now, or the triage found a severity, breathing,
 * collapse, stroke, injury or drowsiness concept. Both languages are read whatever the locale.
 */
export class LongStandingWords {
  private readonly notWith: ReadonlySet<string>;
  private readonly lasting: string[];
  private readonly recent: string[];

  constructor(file: z.output<typeof fileSchema>) {
    this.notWith = new Set(file.notWith);
    this.lasting = [...file.en.lasting, ...file.es.lasting].map(fold);
    this.recent = [...file.en.recent, ...file.es.recent].map(fold);
  }

  /** True when the message says the complaint has lasted long and nothing says it is urgent now. */
  says(text: string | undefined, concepts: readonly string[] = []): boolean {
    const folded = fold(text ?? '');
    if (!folded || concepts.some((c) => this.notWith.has(c))) return false;
    const has = (list: string[]): boolean => list.some((p) => containsPhrase(folded, p));
    return has(this.lasting) && !has(this.recent);
  }

  static load(file: string = fromRoot('dialogs', 'data', 'long-standing.json')): LongStandingWords {
    return new LongStandingWords(readWordsFile(file, fileSchema, (m) => new LongStandingWordsError(m)));
  }
}
