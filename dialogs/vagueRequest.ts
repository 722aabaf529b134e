import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { StartupError } from '../common/errors';
import { fromRoot } from '../common/paths';
import { fold } from './common/text';

/** The words file is missing or invalid: start-up stops with its path and the problem. */
export class VagueRequestWordsError extends StartupError {}

const words = z.array(z.string().min(1)).min(1);
const side = z.object({ vague: words, filler: words });
const schema = z.object({ en: side, es: side });

/**
 * A request that names nothing ("question about my thing", "i have a question", "una pregunta",
 * "lo mío"): every word is a filler or a vague word (`dialogs/data/vague-request.json`), so no
 * topic can be read from it, and a guessed one opens a menu the member never asked for (v15 YX14).
 * Both languages are read whatever the locale (members switch).
 */
export class VagueRequest {
  private constructor(
    private readonly vague: ReadonlySet<string>,
    private readonly filler: ReadonlySet<string>,
  ) {}

  /** The whole message names nothing but a question, a thing, something. */
  is(text: string | undefined): boolean {
    const folded = fold(text ?? '');
    if (!folded) return false;
    return this.covers(folded.split(' '), false);
  }

  /** The words, from the first, are all phrases of the lists (longest first), one vague at least. */
  private covers(rest: string[], seenVague: boolean): boolean {
    if (!rest.length) return seenVague;
    for (let n = Math.min(3, rest.length); n >= 1; n--) {
      const phrase = rest.slice(0, n).join(' ');
      const vague = this.vague.has(phrase);
      if ((vague || this.filler.has(phrase)) && this.covers(rest.slice(n), seenVague || vague)) return true;
    }
    return false;
  }

  static load(file: string = fromRoot('dialogs', 'data', 'vague-request.json')): VagueRequest {
    let parsed: z.infer<typeof schema>;
    try {
      parsed = schema.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch (error) {
      throw new VagueRequestWordsError(`Vague request words (${file}): ${error instanceof Error ? error.message : String(error)}`);
    }
    const all = (pick: (s: z.infer<typeof side>) => string[]) => new Set([parsed.en, parsed.es].flatMap(pick).map((w) => fold(w)));
    return new VagueRequest(all((s) => s.vague), all((s) => s.filler));
  }
}
