import { fold } from './common/text';

/** A reading of a folded message (or clause) against a list of phrases and concepts. */
type WordTest = (folded: string) => boolean;

/** The word lists, folded, as the phrase book hands them over (`changeOfMind` in dialogs/data/phrases.json). */
interface ChangeOfMindLists {
  /** Phrases that drop the task when they open a clause ("actually never mind, …", "olvídalo, …"). */
  drop: readonly string[];
  /** Phrases that drop it only as a whole clause ("ya no", "mejor no"): inside a sentence they say other things. */
  dropAlone: readonly string[];
  /** Words that may come before the phrase or stand beside it and say nothing ("actually", "bueno"). */
  fillers: readonly string[];
  /** Words that, after the phrase, say only that things stay as they are ("ill keep the tuesday one"). */
  keeps: WordTest;
  /** Words that say the task itself is not wanted ("no i dont want an appointment"). */
  rejects: WordTest;
  /** Words that ask whether the visit kept stands ("its still on right?", "sigue en pie?"). */
  stillOn: WordTest;
}

/** A change of mind read in a message: `rest` is what the member said after it (their words), if anything. */
interface ChangeOfMind {
  /** Nothing beside it but keeping things as they are ("never mind, I'll keep it"): the task is dropped. */
  only: boolean;
  /** The words after the change of mind, as typed ("i want to cancel my dentist thing instead"). */
  rest: string;
  /** The words after it ask whether the visit kept is still on ("ill keep the friday one. its still on right?"): a question to answer (v15 YZ02). */
  asksStillOn: boolean;
}

/** Clause ends inside a message: punctuation, or a dash between words. */
const CLAUSES = /\s*(?:[,.;:!?¿¡…]+|\s[-–—]+\s)\s*/u;

/** Words that make the phrase say something about one thing, not the task ("never mind the time"). */
const OBJECT_AFTER = new Set(['the', 'that', 'this', 'those', 'these', 'about', 'my', 'your', 'el', 'la', 'los', 'las', 'lo', 'eso', 'esa', 'ese', 'mi', 'de']);

/**
 * "Never mind" said inside a sentence (issue SK06, WJ12): a member who changes their mind rarely
 * says it alone ("actually never mind, ill keep the tuesday one", "mejor no, olvídalo, me quedo con
 * la del martes", "actually nvm i want to cancel my dentist thing instead"). Plain reading of the
 * words, in English and Spanish: whether a clause opens with a change of mind, and what follows it.
 */
export class ChangeOfMindWords {
  private readonly drop: readonly string[][];
  private readonly dropAlone: ReadonlySet<string>;
  private readonly fillers: ReadonlySet<string>;

  constructor(private readonly lists: ChangeOfMindLists) {
    // Longest first: "forget about it" before "forget it".
    this.drop = [...lists.drop].sort((a, b) => b.length - a.length).map((p) => p.split(' '));
    this.dropAlone = new Set(lists.dropAlone);
    this.fillers = new Set(lists.fillers);
  }

  /** The change of mind a message opens a clause with, or null. */
  read(text: string): ChangeOfMind | null {
    const clauses = text.split(CLAUSES).filter((c) => fold(c));
    for (let i = 0; i < clauses.length; i++) {
      const words = fold(clauses[i]!).split(' ');
      let start = 0;
      while (start < words.length && this.fillers.has(words[start]!)) start++;
      const inClause = this.after(words, start, clauses[i]!);
      if (inClause === null) continue;
      const rest = [inClause, ...clauses.slice(i + 1)].filter(Boolean).join(', ');
      const asksStillOn = this.asksStillOn(rest);
      return { only: !asksStillOn && this.saysNothingMore(rest), rest, asksStillOn };
    }
    return null;
  }

  /** The words say the task itself is not wanted ("no i dont want an appointment", "no quiero una cita"). */
  rejects(text: string): boolean {
    return this.lists.rejects(fold(text));
  }

  /** The words ask whether a visit kept still stands ("its still on right?", "sigue en pie?"). */
  asksStillOn(text: string): boolean {
    return this.lists.stillOn(fold(text));
  }

  /** What follows a change of mind that opens the clause at word `start`, in the member's words ('' when nothing), or null. */
  private after(words: readonly string[], start: number, clause: string): string | null {
    const tail = words.slice(start);
    const whole = tail.filter((w) => !this.fillers.has(w)).join(' ');
    if (whole && this.dropAlone.has(whole)) return '';
    for (const phrase of this.drop) {
      if (!phrase.every((w, k) => tail[k] === w)) continue;
      const next = tail[phrase.length];
      if (next !== undefined && OBJECT_AFTER.has(next)) return null;
      // The clause's own words after the phrase, as typed (the raw clause keeps its case and accents).
      const raw = clause.trim().split(/\s+/u);
      return raw.length === words.length ? raw.slice(start + phrase.length).join(' ') : tail.slice(phrase.length).join(' ');
    }
    return null;
  }

  /** Nothing after the change of mind but keeping things as they are, thanks or fillers. */
  private saysNothingMore(rest: string): boolean {
    // Fillers of more than one word ("thank you", "you know what") are taken out as phrases.
    let folded = ` ${fold(rest)} `;
    for (const filler of this.fillers) if (filler.includes(' ')) folded = folded.split(` ${filler} `).join(' ');
    const words = folded
      .split(' ')
      .filter((w) => w && !this.fillers.has(w));
    if (!words.length) return true;
    return this.lists.keeps(words.join(' ')) || this.dropAlone.has(words.join(' ')) || this.read(rest)?.only === true;
  }
}
