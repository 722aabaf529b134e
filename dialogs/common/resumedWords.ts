import type { TurnContext } from 'botbuilder';
import { turnOnce } from './turnOnce';

const WORDS = turnOnce<string>('resumedWords');

/**
 * Words said when going back to a paused task ("yes, the 10:30 with Haddad", "sí, el lunes en la
 * mañana"), kept for this turn only: the first free-text question the task asks again in that turn
 * (its day and time) takes them as its answer when they are one. Turn state, never stored.
 */
export function keepResumedWords(context: TurnContext, words: string): void {
  WORDS.set(context, words);
}

/** The words kept for this turn, once (the next question asks as usual). */
export function takeResumedWords(context: TurnContext): string | undefined {
  return WORDS.take(context);
}
