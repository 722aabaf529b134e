import type { TaskIntentId } from '../../intents/types';
import type { OptionMatcher } from '../common/options';
import type { PhraseBook } from '../phrases';
import type { TurnInfo } from '../turn';

/** The runner-up visit task is taken at least this surely. */
const VISIT_RUNNER_UP = 0.5;
const VISIT_TASKS: ReadonlySet<string> = new Set(['appointment', 'telehealth']);

/**
 * How to be seen ("en persona", "in person"), read by the recognizer as a request for a person
 * ("manana en la mañana si se puede, en persona" was agent at 0.86, newcomer run v13 YW14): the
 * visit task it has as its runner-up, when the words name a visit mode and ask for no person
 * ("hablar con una persona" still does). Plain reading; null otherwise.
 */
export class VisitModeNotPerson {
  constructor(
    private readonly options: OptionMatcher,
    private readonly phrases: PhraseBook,
  ) {}

  read(turn: Pick<TurnInfo, 'text' | 'result'>): TaskIntentId | null {
    const { intent, runnerUp } = turn.result;
    if (intent !== 'agent' || !runnerUp || !VISIT_TASKS.has(runnerUp.intent) || runnerUp.score < VISIT_RUNNER_UP) return null;
    if (this.phrases.interruption(turn.text) === 'agent') return null;
    if (!this.options.match(turn.text, 'appointment.mode')) return null;
    return runnerUp.intent as TaskIntentId;
  }
}
