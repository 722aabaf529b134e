import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** A regular expression's source in a data file: refused at start-up when it does not compile. */
export const regexSource = z
  .string()
  .min(3)
  .refine((source) => {
    try {
      new RegExp(source);
      return true;
    } catch {
      return false;
    }
  }, 'not a valid regular expression');

/**
 * Reads a JSON data file and validates it with its schema. A file that cannot be read or parsed,
 * or does not fit the schema, is refused with one message naming what it is, the file and the
 * first failing field ("Line names file …/line-names.json is invalid: lines.billing: …"), thrown
 * as the caller's own error (a StartupError, so the process stops with that one line).
 */
export function readDataFile<S extends z.ZodType>(file: string, schema: S, what: string, fail: (message: string) => Error): z.output<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw fail(`${what} file ${file} could not be read: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw fail(`${what} file ${file} is invalid: ${issue?.path.join('.') || '(root)'}: ${issue?.message}.`);
  }
  return parsed.data;
}
