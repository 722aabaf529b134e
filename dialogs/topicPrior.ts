import { TASK_INTENTS, type TaskIntentId } from '../intents/types';
import type { OptionMatcher } from './common/options';
import type { RoutingPolicy } from './common/kit';
import type { TopicPriorState } from './memory';
import type { PhraseBook } from './phrases';
import type { QuestionKey } from './questions';
import type { TurnInfo } from './turn';

/** The question that names each task's sub-topic (what a follow-up may ask about within it). */
const SUB_TOPIC: Record<TaskIntentId, QuestionKey> = {
  appointment: 'appointment.action',
  refill: 'refill.need',
  password_reset: 'password_reset.problem',
  billing: 'billing.topic',
  records: 'records.topic',
  telehealth: 'telehealth.topic',
  contact: 'contact.topic',
};

/**
 * Small talk the recognizer leans to is answered as such ("ok thanks"); a help or cancel it hears
 * alone is not (the phrases that ask for those interrupt before the prior is read).
 */
const SMALL_TALK = new Set(['greeting', 'thanks', 'goodbye', 'agent']);

const isTask = (intent: string | null | undefined): intent is TaskIntentId => TASK_INTENTS.some((t) => t === intent);

/** How a follow-up is read: the task to go on with, and the answers it already has (option ids). */
export interface PriorReading {
  intent: TaskIntentId;
  answers?: Record<string, string>;
}

/**
 * The conversation-topic prior: a short message right after a topic's answer ("why is it still
 * pending?", "y la farmacia?", "que significan?") is read in the light of that topic. It goes on
 * within the topic when it names one of the topic's sub-topics, or when the recognizer is unsure
 * (nothing understood, or no intent it is confident of) — then the topic's answer is the prior, and
 * what was answered is kept when the message names nothing new. A message the recognizer is sure
 * is another task, or a phrase that interrupts ("never mind", "a person"), is left to the router.
 */
export class TopicPrior {
  constructor(
    private readonly options: OptionMatcher,
    private readonly phrases: PhraseBook,
    private readonly policy: RoutingPolicy,
  ) {}

  /**
   * `lean`: only when the recognizer leans to one of the topics (a reply to "is this about A?"
   * that is no pick: "no" is not a yes to A).
   */
  read(turn: TurnInfo, prior: TopicPriorState | undefined, lean = false): PriorReading | null {
    if (!prior?.topics.length || this.phrases.interruption(turn.text)) return null;
    const { intent, score, runnerUp } = turn.result;
    const sure = intent !== 'none' && score >= this.policy.routeAt;
    // A sub-topic of the topic just answered ("por que sigue pendiente"), unless another task is
    // named clearly; another task the recognizer is sure of, without one, is a new request.
    const within = prior.topics.find((topic) => this.options.prefill(turn.text, SUB_TOPIC[topic]));
    const otherTask = isTask(intent) && !prior.topics.includes(intent);
    if (otherTask && score >= (within ? this.policy.switchAt : this.policy.routeAt)) return null;
    if (within) return { intent: within };
    if (sure && isTask(intent)) return { intent, ...this.kept(prior, intent, true) };
    if (SMALL_TALK.has(intent) && score >= this.policy.routeAt / 2) return null;
    // Unsure: the topic the recognizer leans to among those just answered, else the last one.
    const leaning = [intent, runnerUp?.intent].find((i) => isTask(i) && prior.topics.includes(i));
    if (!isTask(leaning) && lean) return null;
    const topic = isTask(leaning) ? leaning : prior.topics[0]!;
    return { intent: topic, ...this.kept(prior, topic, false) };
  }

  /**
   * What was answered, kept for a follow-up that names nothing new: all of it when the message is
   * unsure ("the 10am one" after a cancel goes on with the cancel), only the sub-topic answered
   * when the member clearly asks about the topic again ("a que hora abren?" after the phone line);
   * and what the answer offered (a new visit, after the nurse line).
   */
  private kept(prior: TopicPriorState, topic: TaskIntentId, sure: boolean): { answers?: Record<string, string> } {
    if (topic !== prior.topics[0]) return {};
    const answered = prior.answers ?? {};
    const answers = { ...prior.offered, ...(sure ? (answered.topic ? { topic: answered.topic } : {}) : answered) };
    return Object.keys(answers).length ? { answers } : {};
  }
}
