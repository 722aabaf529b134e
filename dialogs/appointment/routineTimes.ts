import { z } from 'zod';
import { StartupError } from '../../common/errors';
import { fromRoot } from '../../common/paths';
import { containsPhrase, fold } from '../common/text';
import { readWordsFile } from '../common/wordsFile';

const clock = z.string().regex(/^\d{2}:\d{2}$/, { error: 'expected a time like "15:30"' });
const fileSchema = z.strictObject({
  $comment: z.string().optional(),
  routines: z.array(z.strictObject({ after: clock, phrases: z.array(z.string().trim().min(1)).min(1) })).min(1),
});

/** The routine-times file is missing or invalid: start-up stops with its path and the problem. */
export class RoutineTimesError extends StartupError {}

/** A routine named in a preferred time: the earliest time it means, and the rest of the words. */
export interface RoutineTime {
  after: string;
  /** The member's words without the routine (folded), to read a day or part of the day from. */
  rest: string;
}

/**
 * A time of day named by a daily routine, not a clock (`dialogs/data/routine-times.json`):
 * "after school" / "saliendo de la escuela" is from 3:30 PM, "after work" / "despues del trabajo"
 * from 5:00 PM. The date-time recognizers read none of them (or only "afternoon" beside them).
 */
export class RoutineTimes {
  private readonly routines: Array<{ after: string; phrases: string[] }>;

  constructor(file: z.output<typeof fileSchema>) {
    // Longest first, so "after school pickup" is removed whole rather than leaving "pickup".
    this.routines = file.routines.map((r) => ({ after: r.after, phrases: r.phrases.map(fold).sort((a, b) => b.length - a.length) }));
  }

  /** The routine said in `text`, or null. */
  find(text: string): RoutineTime | null {
    const folded = fold(text);
    for (const routine of this.routines) {
      const phrase = routine.phrases.find((p) => containsPhrase(folded, p));
      if (phrase) return { after: routine.after, rest: ` ${folded} `.replace(` ${phrase} `, ' ').replace(/\s+/g, ' ').trim() };
    }
    return null;
  }

  static load(file: string = fromRoot('dialogs', 'data', 'routine-times.json')): RoutineTimes {
    return new RoutineTimes(readWordsFile(file, fileSchema, (m) => new RoutineTimesError(m)));
  }
}
