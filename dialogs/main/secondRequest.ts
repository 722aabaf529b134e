import type { TaskIntentId } from '../../intents/types';
import { fold } from '../common/text';
import type { PausedTask } from '../common/taskDialog';
import type { PhraseBook } from '../phrases';
import type { SubTopicRouter } from '../topics/subTopicRouter';

/** Two (or three) requests in one message: the task answered first and the ones to answer next, in order. */
export interface TwoRequests {
  first: TaskIntentId;
  /** The second task, started with its own words once the first completes. */
  next: PausedTask;
  /** A third task, after the second ("my lab results and also refill my inhaler and whats ur hours"). */
  then?: PausedTask;
}

/** A message split at a joiner, each side naming its task. */
interface Split {
  before: string;
  after: string;
  first: TaskIntentId;
  second: TaskIntentId;
}

/** One request of the message: its task and its own words. */
interface Request {
  intent: TaskIntentId;
  text: string;
}

/**
 * Tasks asked for in one message, joined by "and (also)", "plus", "y (también)" ("reschedule
 * my appointment and also where is my refill", "mis resultados y pagar mi factura"): each part
 * names its own task by a sub-topic or task concept (SubTopicRouter). The first is answered, then
 * the others, each from its own words, so none is dropped: a part that itself joins two requests
 * ("refill my inhaler and whats ur hours") is split again. Plain reading of the words, no dialog.
 */
export class SecondRequest {
  constructor(
    private readonly phrases: PhraseBook,
    private readonly router: SubTopicRouter,
  ) {}

  /** The tasks the message asks for, if it joins different ones; `routed`: the task the routing chose, if any. */
  read(text: string, routed?: TaskIntentId): TwoRequests | null {
    const requests: Request[] = [];
    for (const request of this.requests(fold(text), routed)) {
      if (!requests.some((known) => known.intent === request.intent)) requests.push(request);
    }
    const [first, next, then] = requests;
    if (!first || !next) return null;
    const paused = (request: Request): PausedTask => ({ intent: request.intent, text: request.text, answers: {} });
    return { first: first.intent, next: paused(next), ...(then ? { then: paused(then) } : {}) };
  }

  /** The requests a (folded) part of the message makes, in order: split at a joiner, each side split again. */
  private requests(part: string, routed?: TaskIntentId): Request[] {
    const split = this.split(part, routed);
    if (!split) {
      const intent = this.task(part) ?? routed;
      return intent ? [{ intent, text: part }] : [];
    }
    const before = this.requests(split.before);
    const after = this.requests(split.after);
    return [...(before.length ? before : [{ intent: split.first, text: split.before }]), ...(after.length ? after : [{ intent: split.second, text: split.after }])];
  }

  /** The first joiner (longest first) with a different task named on each side. */
  private split(part: string, routed?: TaskIntentId): Split | null {
    const words = part.split(' ');
    for (const joiner of this.joiners()) {
      const length = joiner.length;
      for (let at = 1; at + length < words.length; at++) {
        if (words.slice(at, at + length).join(' ') !== joiner.join(' ')) continue;
        const before = words.slice(0, at).join(' ');
        const after = words.slice(at + length).join(' ');
        const second = this.task(after);
        const first = this.task(before) ?? routed;
        if (first && second && first !== second) return { before, after, first, second };
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
