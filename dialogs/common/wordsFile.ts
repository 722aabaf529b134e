import { readFileSync } from 'node:fs';
import type { z } from 'zod';

/**
 * Reads and validates a dialogs words file (JSON, checked with its zod schema). A missing,
 * unreadable or invalid file throws the caller's start-up error with the path and every problem
 * ("dialogs/data/x.json: en.lasting: Too small"), so start-up stops with a clear message.
 */
export function readWordsFile<S extends z.ZodType>(file: string, schema: S, error: (message: string) => Error): z.output<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw error(`${file}: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
