import { TASK_INTENTS, type TaskIntentId } from '../../intents/types';
import { fold } from '../common/text';
import type { PausedTask } from '../common/taskDialog';
import type { PhraseBook } from '../phrases';
import type { QuestionKey } from '../questions';
import type { SubTopicRouter } from '../topics/subTopicRouter';

/** Sub-topics answered first when a message asks several things: a disputed or denied charge before paying. */
const ANSWERED_FIRST: readonly string[] = ['billing.topic.dispute', 'billing.topic.claimDenied', 'billing.topic.highBill', 'billing.topic.aboveExpected'];

/**
 * Sub-topics whose words span the whole message, each side of a joiner one half of the same
 * request: "pense que la consulta estaba cubierta y me cobraron 200" is one charge above what was
 * expected, never a visit and then a bill (newcomer run v20).
 */
const ONE_REQUEST: readonly string[] = ['billing.topic.aboveExpected'];

/** Tasks a part of a message may name by their own word ("my prescriptions", "video visit"). */
const TASKS_BY_WORD: readonly TaskIntentId[] = TASK_INTENTS;

/** Two (or three) requests in one message: the task answered first and the ones to answer next, in order. */
export interface TwoRequests {
  first: TaskIntentId;
  /**
   * The first request's own words: its task starts from them, not from the whole message, so it
   * answers its own part ("my password is wrong") and not another's ("now im locked out").
   */
  firstText: string;
  /** The second task, started with its own words once the first completes. */
  next: PausedTask;
  /** A third task, after the second ("my lab results and also refill my inhaler and whats ur hours"). */
  then?: PausedTask;
  /** What to call each request when the plan is said: the task, or its sub-topic when one task is asked about twice. */
  names: RequestName[];
  /** Requests heard beyond the three taken in turn: named when the plan is said, so none is dropped without a word. */
  more?: RequestName[];
}

/** A request named: its task's, or when the message asks one task twice, the sub-topic's option ("billing.topic", "dispute"). */
export type RequestName = { intent: TaskIntentId } | { question: QuestionKey; option: string };

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
    /** Sub-topics answered before the others of the message: a member who disputes a bill is not sent to pay it first. */
    private readonly answeredFirst: readonly string[] = ANSWERED_FIRST,
    /** The tasks a part may name by a word for the task itself (request.task.<intent> in dialogs/data/phrases.json, camel case). */
    private readonly tasks: readonly TaskIntentId[] = TASKS_BY_WORD,
  ) {}

  /** The tasks the message asks for, if it joins different ones; `routed`: the task the routing chose, if any. */
  read(text: string, routed?: TaskIntentId): TwoRequests | null {
    if (ONE_REQUEST.includes(this.router.subTopic(text, 'billing') ?? '')) return null;
    const requests: Request[] = [];
    for (const request of this.requests(fold(text), new Map(), routed)) {
      if (!requests.some((known) => this.same(known, request))) requests.push(request);
    }
    const [first, next, then, ...rest] = this.ordered(requests);
    if (!first || !next) return null;
    const paused = (request: Request): PausedTask => ({ intent: request.intent, text: request.text, answers: {} });
    const asked = [first, next, ...(then ? [then] : [])];
    const more = rest.map((request) => this.name(request, [...asked, ...rest]));
    return {
      first: first.intent,
      firstText: first.text,
      next: paused(next),
      ...(then ? { then: paused(then) } : {}),
      names: asked.map((request) => this.name(request, asked)),
      ...(more.length ? { more } : {}),
    };
  }

  private name(request: Request, asked: readonly Request[]): RequestName {
    const topic = asked.filter((other) => other.intent === request.intent).length > 1 ? this.router.subTopic(request.text, request.intent) : null;
    if (!topic) return { intent: request.intent };
    const at = topic.lastIndexOf('.');
    return { question: topic.slice(0, at) as QuestionKey, option: topic.slice(at + 1) };
  }

  /** One request said twice: the same task, and not two different sub-topics of it ("dispute this bill" and "pay online"). */
  private same(a: Request, b: Request): boolean {
    if (a.intent !== b.intent) return false;
    const [one, other] = [this.router.subTopic(a.text, a.intent), this.router.subTopic(b.text, b.intent)];
    return !one || !other || one === other;
  }

  /** The requests in the member's order, except that a sub-topic answered first (a dispute) comes before the others. */
  private ordered(requests: Request[]): Request[] {
    const first = (request: Request) => this.answeredFirst.includes(this.router.subTopic(request.text, request.intent) ?? '');
    return [...requests.filter(first), ...requests.filter((request) => !first(request))];
  }

  /** The requests a (folded) part of the message makes, in order: split at a joiner, each side split again. */
  private requests(part: string, seen: Map<string, Request[]>, routed?: TaskIntentId): Request[] {
    const key = `${routed ?? ''}|${part}`;
    const known = seen.get(key);
    if (known) return known;
    seen.set(key, []);
    const split = this.split(part, seen, routed);
    let found: Request[];
    if (!split) {
      const intent = this.task(part) ?? routed;
      found = intent ? [{ intent, text: part }] : [];
    } else {
      const before = this.requests(split.before, seen);
      const after = this.requests(split.after, seen);
      found = [...(before.length ? before : [{ intent: split.first, text: split.before }]), ...(after.length ? after : [{ intent: split.second, text: split.after }])];
    }
    seen.set(key, found);
    return found;
  }

  /**
   * The first joiner (longest first) with a different task named on each side. A side that itself
   * joins requests names its first one ("refill my meds and also | book a physical and whats my
   * copay"): without that, three requests joined by "and also" and "and" are never split.
   */
  private split(part: string, seen: Map<string, Request[]>, routed?: TaskIntentId): Split | null {
    const words = part.split(' ');
    for (const joiner of this.joiners()) {
      const length = joiner.length;
      for (let at = 1; at + length < words.length; at++) {
        if (words.slice(at, at + length).join(' ') !== joiner.join(' ')) continue;
        const before = words.slice(0, at).join(' ');
        const after = words.slice(at + length).join(' ');
        const second = this.names(after, seen);
        const first = this.names(before, seen) ?? routed;
        if (first && second && (first !== second || this.distinct(before, after, first))) return { before, after, first, second };
      }
    }
    return null;
  }

  /** The task a side names: its own, else its first request's when it joins several. */
  private names(part: string, seen: Map<string, Request[]>): TaskIntentId | null {
    return this.task(part) ?? this.requests(part, seen)[0]?.intent ?? null;
  }

  /** Two sides of one task that name different sub-topics of it ("dont think i owe that" | "how do i pay online"). */
  private distinct(before: string, after: string, intent: TaskIntentId): boolean {
    const [one, other] = [this.router.subTopic(before, intent), this.router.subTopic(after, intent)];
    return !!one && !!other && one !== other;
  }

  /**
   * The task a part names: by a sub-topic or task concept, else by a sub-topic's phrase ("my test
   * results", "pay my bill"), else by a word for the task itself ("check on my prescriptions", "how
   * do i do a video visit"): a part that names its task only so is a request of its own, not
   * silently folded into its neighbour's words.
   */
  private task(part: string): TaskIntentId | null {
    return this.router.named(part) ?? this.taskWord(part);
  }

  /** The task whose own word (request.task.<intent>) is the longest in the part; none when two tasks tie. */
  private taskWord(part: string): TaskIntentId | null {
    const padded = ` ${part} `;
    let best: { intent: TaskIntentId; length: number } | null = null;
    let tie = false;
    for (const [intent, words] of this.taskWords()) {
      const length = Math.max(0, ...words.filter((word) => padded.includes(` ${word} `)).map((word) => word.length));
      if (!length) continue;
      if (!best || length > best.length) [best, tie] = [{ intent, length }, false];
      else if (length === best.length && intent !== best.intent) tie = true;
    }
    return best && !tie ? best.intent : null;
  }

  private taskWords(): [TaskIntentId, string[]][] {
    // Keys are camel case ("request.task.passwordReset" for password_reset).
    return this.tasks.map((intent) => [intent, this.phrases.shortAnswerWords(`request.task.${intent.replace(/_(\w)/g, (_, c: string) => c.toUpperCase())}`)]);
  }

  /** The joining words, longest first ("and also" before "and"). */
  private joiners(): string[][] {
    return this.phrases
      .shortAnswerWords('request.joiner')
      .map((joiner) => joiner.split(' '))
      .sort((a, b) => b.length - a.length);
  }
}
