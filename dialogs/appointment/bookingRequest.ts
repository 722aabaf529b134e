import { z } from 'zod';
import { readDataFile } from '../../common/dataFile';
import { StartupError } from '../../common/errors';
import { fromRoot } from '../../common/paths';
import type { OptionMatcher } from '../common/options';
import { fold } from '../common/text';

const words = z.array(z.string().trim().min(1)).min(1);
const side = z.object({ before: words, after: words, howTo: words });
const fileSchema = z.object({ $comment: z.string().optional(), en: side, es: side });

/** The words file is missing or invalid: start-up stops with its path and the problem. */
export class VisitKindWordsError extends StartupError {}

/**
 * A request for a visit with its details in one message ("si la quiero pero por video, atencion
 * primaria, el martes en la mañana", "no video no. cita en persona para mi mama, atencion
 * primaria"): the kinds of visit wanted, never one said not to be wanted ("no video", "not in
 * person", `dialogs/data/visit-kind-words.json`), the kind of care and whom it is for.
 * Newcomer run v15, YZ12 and YZ13.
 */
export class BookingRequest {
  private readonly before: string[];
  private readonly after: string[];
  private readonly howTo: string[];

  constructor(
    private readonly options: OptionMatcher,
    file: z.output<typeof fileSchema>,
  ) {
    this.before = [...file.en.before, ...file.es.before].map(fold);
    this.after = [...file.en.after, ...file.es.after].map(fold);
    this.howTo = [...file.en.howTo, ...file.es.howTo].map(fold);
  }

  /** The kinds of visit the message names as wanted, in order (one said "no" to is left out). */
  wantedModes(text: string): string[] {
    const wanted: string[] = [];
    for (const clause of clauses(text)) {
      const padded = ` ${clause} `;
      for (const id of this.options.mentioned(clause, 'appointment.mode')) {
        const places = this.options
          .optionPhrases('appointment.mode', id)
          .flatMap((p) => occurrences(padded, p).map((at) => ({ at, end: at + p.length + 1 })));
        if (places.some(({ at, end }) => !this.negated(padded.slice(0, at + 1), padded.slice(end)))) wanted.push(id);
      }
    }
    return wanted;
  }

  /** A kind of visit named and said "no" to ("no video no", "not in person"). */
  refusesMode(text: string): boolean {
    const named = new Set(clauses(text).flatMap((c) => this.options.mentioned(c, 'appointment.mode')));
    const wanted = new Set(this.wantedModes(text));
    return [...named].some((id) => !wanted.has(id));
  }

  /**
   * The booking's details the message names, when it is a request for a visit with them (a kind
   * of care, or a kind of visit said no to): the answers to start the booking with; else null.
   */
  read(text: string): Record<string, string> | null {
    // "como hago un video visit con mi doctor": a question of how, answered by the topic.
    const folded = ` ${clauses(text).join(' ')} `;
    if (this.howTo.some((h) => folded.includes(` ${h} `))) return null;
    const care = this.options.prefill(text, 'appointment.care');
    if (!care && !this.refusesMode(text)) return null;
    const mode = this.wantedModes(text).at(-1);
    const patient = this.options.prefill(text, 'appointment.patient');
    return { action: 'new', ...(care ? { care } : {}), ...(mode ? { mode } : {}), ...(patient ? { patient } : {}) };
  }

  private negated(before: string, after: string): boolean {
    return this.before.some((n) => before.endsWith(` ${n} `)) || this.after.some((n) => after.trim() === n);
  }

  static load(options: OptionMatcher, file: string = fromRoot('dialogs', 'data', 'visit-kind-words.json')): BookingRequest {
    return new BookingRequest(options, readDataFile(file, fileSchema, 'Visit kind words', (message) => new VisitKindWordsError(message)));
  }
}

/** The message's clauses, folded: a comma, a full stop or a question ends one ("no, por video"). */
function clauses(text: string): string[] {
  return text
    .split(/[.,;:!?¿¡\n]+/)
    .map(fold)
    .filter(Boolean);
}

function occurrences(padded: string, phrase: string): number[] {
  const found: number[] = [];
  for (let at = padded.indexOf(` ${phrase} `); at >= 0; at = padded.indexOf(` ${phrase} `, at + 1)) found.push(at);
  return found;
}
