import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { StartupError } from '../common/errors';
import { fromRoot } from '../common/paths';
import { LOCALES, type Locale } from '../intents/types';
import { ChangeOfMindWords } from './changeOfMindWords';
import { fold } from './common/text';

/**
 * What members type, per locale, as data (`dialogs/data/phrases.json`): the phrases that
 * interrupt any dialog (cancel, start over, help, talk to a person) and synonyms for the options
 * dialogs offer. Loaded and validated at start-up; every phrase is stored folded (see `fold`).
 */

export const INTERRUPTIONS = ['cancel', 'startOver', 'help', 'agent'] as const;
export type Interruption = (typeof INTERRUPTIONS)[number];

const phraseList = z.array(z.string().trim().min(1, { error: 'expected a non-empty phrase' }));
const perLocale = z.strictObject({ en: phraseList, es: phraseList });

export const phrasesFileSchema = z.strictObject({
  $comment: z.string().optional(),
  interruptions: z.strictObject({ cancel: perLocale, startOver: perLocale, help: perLocale, agent: perLocale }),
  /** While the member waits for or chats with an agent: what leaves the line / ends the chat. */
  handoff: z.strictObject({ leave: perLocale }),
  /** Words that make a message a request or a question ("can you", "order me", "whats"): one understood as nothing is outside what the assistant does. */
  requests: perLocale,
  /** A change of mind said in a sentence ("actually never mind, ill keep it"): dialogs/changeOfMindWords.ts. */
  changeOfMind: z.strictObject({
    $comment: z.string().optional(),
    drop: perLocale,
    dropAlone: perLocale,
    fillers: perLocale,
    keep: perLocale,
    rejects: perLocale,
    stillOn: perLocale,
  }),
  options: z.record(
    z.string().regex(/^[a-zA-Z_]+(\.[a-zA-Z]+)+$/, { error: 'expected an option key like "appointment.action.new"' }),
    perLocale,
  ),
  /**
   * Short answers that mean an option only in the conversation's own language, as a whole message
   * ("y" / "k" is yes in English; in Spanish "y" is "and", and "s" is "sí").
   */
  shortAnswers: z
    .record(z.string().regex(/^[a-zA-Z_]+(\.[a-zA-Z]+)+$/, { error: 'expected an option key like "confirm.yes"' }), perLocale)
    .optional(),
  /**
   * The words a medicine's name is read as in the options' concepts ("is my lisinopril ready" is
   * "is my medicine ready": refill status; "mi plan cubre ozempic" is about covering a medicine).
   */
  medicineWords: perLocale.optional(),
});

/**
 * A concept: word groups that must all occur in a message, in any order ("insurance" and one of
 * "update / change / new"), written `update|change|new + insurance` in the phrase file. An
 * alternative may be several words ("coverage card") or end in `*` (a word's start: "remind*").
 * One group of alternatives (`paperless|e statement*`) is a concept too. Concepts name a
 * sub-topic whatever the rest of the sentence says, so they win over plain phrases.
 */
export type Concept = readonly (readonly string[])[];

export function isConcept(phrase: string): boolean {
  return /[+|*]/.test(phrase);
}

function parseConcept(phrase: string): Concept {
  return phrase.split('+').map((group) =>
    group
      .split('|')
      .map((alt) => (alt.trim().endsWith('*') ? `${fold(alt)}*` : fold(alt)))
      .filter((alt) => alt && alt !== '*'),
  );
}

/** How much of a (folded) message a concept covers (letters of the words it matched), or 0. */
export function conceptMatch(folded: string, concept: Concept): number {
  let covered = 0;
  const padded = ` ${folded} `;
  for (const group of concept) {
    let best = 0;
    for (const alt of group) {
      if (alt.endsWith('*')) {
        const stem = alt.slice(0, -1);
        // Folded: letters, digits and spaces only, so the stem needs no escaping.
        const word = padded.match(new RegExp(` (${stem}\\S*) `));
        if (word) best = Math.max(best, word[1]!.length);
      } else if (padded.includes(` ${alt} `)) best = Math.max(best, alt.length);
    }
    if (!best) return 0;
    covered += best;
  }
  return covered;
}

/** A test of a folded message: one of the phrases as whole words, or one of the concepts. */
function wordTest(phrases: readonly string[]): (folded: string) => boolean {
  const plain = phrases.filter((p) => !isConcept(p)).map(fold);
  const concepts = phrases.filter(isConcept).map(parseConcept);
  return (folded) => plain.some((p) => ` ${folded} `.includes(` ${p} `)) || concepts.some((c) => conceptMatch(folded, c) > 0);
}

export class PhraseBookError extends StartupError {}

export class PhraseBook {
  private readonly interruptions = new Map<string, Interruption>();
  /** Interruptions said inside a longer message, as concepts ("talk|speak + person|someone"). */
  private readonly interruptionConcepts: Array<{ kind: Interruption; concept: Concept }> = [];
  private readonly options = new Map<string, string[]>();
  private readonly concepts = new Map<string, Concept[]>();
  private readonly leave = new Set<string>();
  private readonly requests: string[] = [];
  private readonly shortAnswers = new Map<string, Set<string>>();
  /** A change of mind said in a sentence, and what follows it. */
  readonly changeOfMind: ChangeOfMindWords;
  /** Folded words a medicine's name stands for in concepts (`medicineWords`). */
  readonly medicineWords: readonly string[];

  private constructor(data: z.infer<typeof phrasesFileSchema>) {
    const mind = data.changeOfMind;
    const all = (list: z.infer<typeof perLocale>) => LOCALES.flatMap((locale: Locale) => list[locale]);
    this.changeOfMind = new ChangeOfMindWords({
      drop: all(mind.drop).map(fold),
      dropAlone: all(mind.dropAlone).map(fold),
      fillers: all(mind.fillers).map(fold),
      keeps: wordTest(all(mind.keep)),
      rejects: wordTest(all(mind.rejects)),
      stillOn: wordTest(all(mind.stillOn)),
    });
    for (const kind of INTERRUPTIONS) {
      for (const locale of LOCALES) {
        for (const phrase of data.interruptions[kind][locale]) {
          if (isConcept(phrase)) this.interruptionConcepts.push({ kind, concept: parseConcept(phrase) });
          else this.interruptions.set(fold(phrase), kind);
        }
      }
    }
    for (const locale of LOCALES) for (const phrase of data.handoff.leave[locale]) this.leave.add(fold(phrase));
    for (const locale of LOCALES) for (const phrase of data.requests[locale]) this.requests.push(fold(phrase));
    for (const [key, byLocale] of Object.entries(data.options)) {
      const all = LOCALES.flatMap((locale: Locale) => byLocale[locale]);
      this.options.set(key, [...new Set(all.filter((p) => !isConcept(p)).map(fold))].filter(Boolean));
      const concepts = all.filter(isConcept).map(parseConcept);
      if (concepts.length) this.concepts.set(key, concepts);
    }
    this.medicineWords = [...new Set(LOCALES.flatMap((locale) => data.medicineWords?.[locale] ?? []).map(fold).filter(Boolean))];
    for (const [key, byLocale] of Object.entries(data.shortAnswers ?? {})) {
      for (const locale of LOCALES) this.shortAnswers.set(`${locale}:${key}`, new Set(byLocale[locale].map(fold).filter(Boolean)));
    }
  }

  static load(file: string = fromRoot('dialogs', 'data', 'phrases.json')): PhraseBook {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new PhraseBookError(`Phrase file ${file} could not be read: ${(err as Error).message}`);
    }
    const parsed = phrasesFileSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new PhraseBookError(`Phrase file ${file} is invalid: ${issue?.path.join('.') || '(root)'}: ${issue?.message}.`);
    }
    return new PhraseBook(parsed.data);
  }

  /**
   * The interruption a message asks for: the whole message ("never mind", "a person"), or a concept
   * in it that clearly asks for one ("I need help with my refill, talk to a person"), if any.
   */
  interruption(text: string): Interruption | null {
    const folded = fold(text);
    const whole = this.interruptions.get(folded);
    if (whole) return whole;
    if (!folded) return null;
    return this.interruptionConcepts.find((c) => conceptMatch(folded, c.concept) > 0)?.kind ?? null;
  }

  /** True when a whole message asks to leave the line for an agent, or to end the chat with one ("LEAVE"). */
  leavesHandoff(text: string): boolean {
    return this.leave.has(fold(text));
  }

  /** True when a message asks for something ("can you order me a pizza"), whatever it asks for. */
  isRequest(text: string): boolean {
    const folded = ` ${fold(text)} `;
    return this.requests.some((phrase) => folded.includes(` ${phrase} `));
  }

  /** True when the message opens with a request or a question ("can u write me …", "me escribes …"), not only holds one. */
  startsWithRequest(text: string): boolean {
    const folded = `${fold(text)} `;
    return this.requests.some((phrase) => folded.startsWith(`${phrase} `));
  }

  /** Folded synonyms of an option in every locale ("appointment.action.new"). */
  synonyms(optionKey: string): readonly string[] {
    return this.options.get(optionKey) ?? [];
  }

  /** True when the message's first word is one of the option's short answers ("yeah get me in somewhere"). */
  startsWithShortAnswer(optionKey: string, locale: Locale, text: string): boolean {
    const first = fold(text).split(' ')[0] ?? '';
    return first.length > 0 && (this.shortAnswers.get(`${locale}:${optionKey}`)?.has(first) ?? false);
  }

  /** The folded words of a short answer in every language ("request.joiner": "and also", "y tambien"). */
  shortAnswerWords(optionKey: string): string[] {
    return LOCALES.flatMap((locale) => [...(this.shortAnswers.get(`${locale}:${optionKey}`) ?? [])]);
  }

  /** True when a whole message is a short answer meaning the option in this language only ("y" in English). */
  isShortAnswer(optionKey: string, locale: Locale, text: string): boolean {
    return this.shortAnswers.get(`${locale}:${optionKey}`)?.has(fold(text)) ?? false;
  }

  /** The option's concepts (word sets, "update|change + insurance"), in every locale. */
  conceptsOf(optionKey: string): readonly Concept[] {
    return this.concepts.get(optionKey) ?? [];
  }

  hasOption(optionKey: string): boolean {
    return this.options.has(optionKey);
  }
}
