import { z } from 'zod';
import { readDataFile } from '../common/dataFile';
import { StartupError } from '../common/errors';
import { fromRoot } from '../common/paths';
import { containsPhrase, fold } from './common/text';

export class CantGetInError extends StartupError {}

const fileSchema = z.strictObject({
  $comment: z.string().optional(),
  phrases: z.array(z.string().min(3)).min(1),
});

/**
 * Whether a message says the member cannot get into their account ("no puedo entrar a mi account",
 * "I'm locked out"), in either language: a task asked for with these words gets the sign-in-trouble
 * help, never "sign in first" (dialogs/identity/notes.ts).
 */
export class CantGetIn {
  private constructor(private readonly phrases: readonly string[]) {}

  static load(file: string = fromRoot('dialogs', 'data', 'cant-get-in.json')): CantGetIn {
    const data = readDataFile(file, fileSchema, 'Cannot-get-in words', (m) => new CantGetInError(m));
    return new CantGetIn(data.phrases.map(fold));
  }

  says(text: string | undefined): boolean {
    if (!text) return false;
    const folded = fold(text);
    return this.phrases.some((p) => containsPhrase(folded, p));
  }
}
