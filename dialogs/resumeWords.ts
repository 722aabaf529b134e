import type { Locale } from '../intents/types';
import type { DialogKit } from './common/kit';
import { fold } from './common/text';
import type { PausedTask } from './common/taskDialog';
import { QUESTIONS, type QuestionKey } from './questions';

/** Words that say "go on with it" ("ok back to ...", "let's continue", "sigamos con la cita"). */
const GO_ON = /\b(?:back|continue|go on|carry on|resume|finish|volver|volvamos|vuelva|regresar|regresemos|seguir|sigamos|siga|continuar|continuemos|continue|retomar|terminar)\b/;

/**
 * "Do you want to go back to …?" answered with a yes in other words: a leading yes ("yes the
 * booking", "sí, la cita") or words that say go on ("ok back to the video visit", "sigamos"), and
 * no other task the recognizer is sure of unless the message also names the paused task (its topic
 * or one of its questions' options: "the video visit" is a way to be seen). Plain reading of the
 * message; MainDialog decides.
 */
export class ResumeWords {
  constructor(private readonly kit: DialogKit) {}

  goesBack(text: string, locale: Locale, paused: PausedTask, otherTaskSure: boolean): boolean {
    if (this.kit.phrases.interruption(text)) return false;
    const saysYes = this.kit.phrases.startsWithShortAnswer('clarify.leadingYes', locale, text) || GO_ON.test(fold(text));
    if (!saysYes) return false;
    return !otherTaskSure || this.namesTask(text, paused);
  }

  /** The paused task's topic, or an option of one of its questions, named in the message. */
  private namesTask(text: string, paused: PausedTask): boolean {
    if (this.kit.options.prefill(text, 'topics') === paused.intent) return true;
    const questions = (Object.keys(QUESTIONS) as QuestionKey[]).filter((q) => q.startsWith(`${paused.intent}.`));
    return questions.some((q) => this.kit.options.mentioned(text, q).length > 0);
  }
}
