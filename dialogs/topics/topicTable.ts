import type { TaskIntentId } from '../../intents/types';
import type { LinkKey, PhoneLine } from '../../services/portal/profile';
import type { EscalationReason } from '../escalation';
import type { OptionId, QuestionKey } from '../questions';

/**
 * A topic answered from data: one question (which sub-topic), then per sub-topic a short text
 * (`<intent>.answer.<id>`), the portal pages to open and optionally a phone line; some sub-topics
 * (a disputed bill, a denied claim) then offer a person.
 */
export interface TopicAnswer {
  links: readonly LinkKey[];
  /** The phone line quoted in the text as {number} / {hours}. */
  phone?: PhoneLine;
  /** After the answer, ask whether the member wants a person (and why, for the agent). */
  offerPerson?: EscalationReason;
  /** After the answer, start this task with the option's words ("Book a video visit": a booking by video). */
  startTask?: TaskIntentId;
}

export interface TopicTable<Q extends QuestionKey = QuestionKey> {
  intent: TaskIntentId;
  question: Q;
  answers: Record<OptionId<Q>, TopicAnswer>;
}

/** Any topic table, as TopicDialog reads it. */
export interface AnyTopicTable {
  intent: TaskIntentId;
  question: QuestionKey;
  answers: Readonly<Record<string, TopicAnswer>>;
}

export function topicTable<Q extends QuestionKey>(table: TopicTable<Q>): TopicTable<Q> {
  return table;
}
