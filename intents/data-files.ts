import fs from 'node:fs';
import type { z } from 'zod';
import { displayPath } from './paths';

/** A data file is missing or broken. The message names the file and the problem. */
export class NluDataError extends Error {
  override readonly name = 'NluDataError';
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${displayPath(file)}: ${problem}`);
  }
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'read error';
    throw new NluDataError(file, `cannot read the file (${code})`);
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

/** Reads a JSON data file and validates it; errors name the file and the failing field. */
export function readJsonFile<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  const text = readText(file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new NluDataError(file, `not valid JSON (${(err as Error).message})`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new NluDataError(file, describeIssues(parsed.error));
  return parsed.data;
}

export interface DataLine {
  /** 1-based line number in the file, for error messages. */
  line: number;
  text: string;
}

/**
 * Reads a plain-text data file: one entry per line, `#` starts a comment line, blank lines
 * are skipped. Lines must not contain control characters (a tab in an utterance file is a
 * sign of a pasted TSV row).
 */
export function readLines(file: string): DataLine[] {
  const out: DataLine[] = [];
  readText(file)
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const text = raw.trim();
      if (text === '' || text.startsWith('#')) return;
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u001f\u007f]/.test(text)) {
        throw new NluDataError(file, `line ${index + 1}: contains a control character (tab?)`);
      }
      out.push({ line: index + 1, text });
    });
  return out;
}

/** Reads a TSV file of `label<TAB>text` rows (comments and blank lines allowed). */
export function readLabelledLines(file: string, labelSchema: z.ZodType<string>): Array<DataLine & { label: string }> {
  const out: Array<DataLine & { label: string }> = [];
  readText(file)
    .split(/\r?\n/)
    .forEach((raw, index) => {
      if (raw.trim() === '' || raw.trim().startsWith('#')) return;
      const tab = raw.indexOf('\t');
      if (tab < 0) throw new NluDataError(file, `line ${index + 1}: expected "label<TAB>text"`);
      const label = raw.slice(0, tab).trim();
      const text = raw.slice(tab + 1).trim();
      const parsed = labelSchema.safeParse(label);
      if (!parsed.success) throw new NluDataError(file, `line ${index + 1}: unknown label "${label}"`);
      if (text === '') throw new NluDataError(file, `line ${index + 1}: empty text`);
      out.push({ line: index + 1, label, text });
    });
  return out;
}
