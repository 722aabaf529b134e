import type { TaskIntentId } from '../../intents/types';
import type { OptionMatcher } from '../common/options';
import { fold } from '../common/text';
import type { QuestionKey } from '../questions';
import { SUB_TOPIC_TABLES } from './tables';

/** A task and one of its questions whose options' concepts name the task. */
export interface SubTopicQuestion {
  intent: TaskIntentId;
  question: QuestionKey;
}

/**
 * The task dialogs' own first questions: "cancel my video visit tomorrow" is an appointment to
 * cancel, "where are my prescriptions" a refill's status, whatever a video or a date made the
 * recognizer think.
 */
export const TASK_QUESTIONS: readonly SubTopicQuestion[] = [
  { intent: 'appointment', question: 'appointment.action' },
  { intent: 'refill', question: 'refill.need' },
];

/**
 * Phrases that name their sub-topic only with the task's own words in the message: "por correo",
 * "correo" alone is e-mail ("es por texto no por correo" after the sign-in code's help), and "by
 * mail" a letter; mail order names a refill with a medicine or the pharmacy (newcomer run v16, X04).
 */
const NEEDS_TASK_WORDS: Readonly<Record<string, RegExp>> = {
  'refill.need.mailOrder': /\b(pharmac\w*|farmacia\w*|recetas?|medicin\w*|medicament\w*|meds?|pills?|pastillas?|prescriptions?|rx|refills?|surtid\w*|resurt\w*|mail order|mail-order|inhaler|inhalador)\b/,
};

/**
 * Which task a message belongs to when it names one of the task's sub-topics by a concept (a
 * word set in dialogs/data/phrases.json: "update|change + insurance" is billing's insurance
 * question): "my wife and I share one e-mail" is sign-in help, "switch my appointment to video" is
 * video visits, whatever the recognizer made of the rest of the sentence. The task dialog then
 * goes straight to that sub-topic's answer, from the same concepts.
 */
export class SubTopicRouter {
  constructor(
    private readonly options: OptionMatcher,
    private readonly tables: readonly SubTopicQuestion[] = SUB_TOPIC_TABLES,
    /** Asked only when no sub-topic is named: a named sub-topic is more specific ("a fee for cancelling"). */
    private readonly taskQuestions: readonly SubTopicQuestion[] = TASK_QUESTIONS,
  ) {}

  /**
   * The task whose sub-topic the message names, when the best match is one task's. One sub-topic
   * that two tasks share ("the website is down": sign-in help's and Contact's `portalError`, the
   * same answer) is `preferred`'s (the recognizer's) when it is one of them, else the first table's.
   */
  route(text: string, preferred?: string): TaskIntentId | null {
    return this.best(text, this.tables, preferred) ?? this.best(text, this.taskQuestions, preferred);
  }

  /**
   * The task one of whose sub-topics a phrase in the message names ("pay my bill", "my test
   * results"), when all such phrases are one task's; a concept first, as `route`. For a part of a
   * message, where a phrase alone is enough.
   */
  named(text: string): TaskIntentId | null {
    const routed = this.route(text);
    if (routed) return routed;
    const intents = new Set([...this.tables, ...this.taskQuestions].filter((t) => this.phraseNames(text, t.question)).map((t) => t.intent));
    return intents.size === 1 ? [...intents][0]! : null;
  }

  /**
   * The sub-topic of `intent` a part of a message names ("billing.topic.dispute" for "dont think
   * i owe that"), by a concept else a phrase, when one does: two parts of one message asking the
   * same task about different sub-topics are two requests.
   */
  subTopic(text: string, intent: TaskIntentId): string | null {
    const questions = [...this.tables, ...this.taskQuestions].filter((t) => t.intent === intent);
    for (const { question } of questions) {
      const id = this.options.concept(text, question)?.id ?? this.options.match(text, question, 'contains');
      if (id) return `${question}.${id}`;
    }
    return null;
  }

  /** A phrase of one of the question's options is in the text, with the task's words where that phrase needs them. */
  private phraseNames(text: string, question: QuestionKey): boolean {
    const id = this.options.match(text, question, 'contains');
    if (!id) return false;
    const needs = NEEDS_TASK_WORDS[`${question}.${id}`];
    return !needs || needs.test(fold(text));
  }

  private best(text: string, tables: readonly SubTopicQuestion[], preferred?: string): TaskIntentId | null {
    let best: { intent: TaskIntentId; score: number; id: string } | null = null;
    let tie = false;
    for (const table of tables) {
      const hit = this.options.concept(text, table.question);
      if (!hit) continue;
      if (!best || hit.score > best.score) {
        best = { intent: table.intent, score: hit.score, id: hit.id };
        tie = false;
      } else if (hit.score === best.score && table.intent !== best.intent) {
        // The same sub-topic in two tables is one answer: the recognizer's task, else the first.
        if (hit.id !== best.id) tie = true;
        else if (table.intent === preferred) best = { intent: table.intent, score: hit.score, id: hit.id };
      }
    }
    return best && !tie ? best.intent : null;
  }
}
