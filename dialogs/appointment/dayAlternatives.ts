import { z } from 'zod';
import { StartupError } from '../../common/errors';
import { fromRoot } from '../../common/paths';
import { fold } from '../common/text';
import { readWordsFile } from '../common/wordsFile';

const fileSchema = z.strictObject({
  $comment: z.string().optional(),
  connectors: z.array(z.string().trim().min(1)).min(1),
  fillers: z.array(z.string().trim().min(1)),
});

/** The day-alternatives file is missing or invalid: start-up stops with its path and the problem. */
export class DayAlternativesError extends StartupError {}

/** A day the recognizers found in the member's words, where it was said. */
export interface SaidDay {
  typeName: string;
  start?: number | undefined;
  end?: number | undefined;
}

/**
 * Two days said as alternatives (`dialogs/data/day-alternatives.json`): "no school today lol. tmrw
 * or tues is better", "hoy tiene escuela, mañana o el martes": the wanted days are those two, not
 * a day said before them ("today" there is why not).
 */
export class DayAlternatives {
  private readonly connectors: Set<string>;
  private readonly fillers: Set<string>;

  constructor(file: z.output<typeof fileSchema>) {
    this.connectors = new Set(file.connectors.map(fold));
    this.fillers = new Set(file.fillers.map(fold));
  }

  /** Where the first of two days said as alternatives is among `days` (as found in `text`), or -1. */
  firstOf(text: string, days: readonly SaidDay[]): number {
    for (let i = 0; i + 1 < days.length; i++) {
      const [a, b] = [days[i]!, days[i + 1]!];
      if (!/date/.test(a.typeName) || !/date/.test(b.typeName) || a.end === undefined || b.start === undefined) continue;
      const between = fold(text.slice(a.end + 1, b.start)).split(/\s+/).filter((w) => w && !this.fillers.has(w));
      if (between.length && this.connectors.has(between.join(' '))) return i;
    }
    return -1;
  }

  static load(file: string = fromRoot('dialogs', 'data', 'day-alternatives.json')): DayAlternatives {
    return new DayAlternatives(readWordsFile(file, fileSchema, (m) => new DayAlternativesError(m)));
  }
}
