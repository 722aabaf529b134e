import type { TaskIntentId } from '../../intents/types';
import { fold } from '../common/text';
import type { PausedTask } from '../common/taskDialog';
import type { PhraseBook } from '../phrases';
import type { SubTopicRouter } from '../topics/subTopicRouter';

/** Two requests in one message: the task answered first and the one to answer next. */
export interface TwoRequests {
  first: TaskIntentId;
  /** The second task, started with its own words once the first completes. */
  next: PausedTask;
}

/**
 * Two tasks asked for in one message, joined by "and (also)", "plus", "y (también)" ("reschedule
 * my appointment and also where is my refill", "mis resultados y pagar mi factura"): each part
 * names its own task by a sub-topic or task concept (SubTopicRouter). The first is answered, then
 * the second, from its own words, so neither is dropped. Plain reading of the words, no dialog.
 */
export class SecondRequest {
  constructor(
    private readonly phrases: PhraseBook,
    private readonly router: SubTopicRouter,
  ) {}

  /** The two tasks the message asks for, if it joins two different ones; `routed`: the task the routing chose, if any. */
  read(text: string, routed?: TaskIntentId): TwoRequests | null {
    const words = fold(text).split(' ');
    for (const joiner of this.joiners()) {
      const length = joiner.length;
      for (let at = 1; at + length < words.length; at++) {
        if (words.slice(at, at + length).join(' ') !== joiner.join(' ')) continue;
        const before = words.slice(0, at).join(' ');
        const after = words.slice(at + length).join(' ');
        const second = this.task(after);
        const first = this.task(before) ?? routed;
        if (first && second && first !== second) return { first, next: { intent: second, text: after, answers: {} } };
      }
    }
    return null;
  }

  /** The task a part names: by a sub-topic or task concept, else by a sub-topic's phrase ("my test results", "pay my bill"). */
  private task(part: string): TaskIntentId | null {
    return this.router.named(part);
  }

  /** The joining words, longest first ("and also" before "and"). */
  private joiners(): string[][] {
    return this.phrases
      .shortAnswerWords('request.joiner')
      .map((joiner) => joiner.split(' '))
      .sort((a, b) => b.length - a.length);
  }
}
