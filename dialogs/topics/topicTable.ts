import type { TaskIntentId } from '../../intents/types';
import type { Benefit, LinkKey, PhoneLine } from '../../services/portal/profile';
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
  /** Care the plan may not offer: when the profile says it does not, the text is `<intent>.notOffered.<id>`. */
  benefit?: Benefit;
  /** After the answer, start this task with the option's words ("Book a video visit": a booking by video). */
  startTask?: TaskIntentId;
  /**
   * The answers that option gives the task it starts (step → option id: a video booking is a new
   * visit by video), whatever words picked it ("book one" to the video-visits menu).
   */
  startWith?: Readonly<Record<string, string>>;
  /**
   * Answers of the task it starts read from the member's words (step → that task's question): the
   * opening message or the answer to the menu ("a video visit for my daughter": the patient).
   */
  startReads?: Readonly<Record<string, QuestionKey>>;
}

export interface TopicTable<Q extends QuestionKey = QuestionKey> {
  intent: TaskIntentId;
  question: Q;
  answers: Record<OptionId<Q>, TopicAnswer>;
  /** Answered when named, but not on the menu (the pharmacy's phone, where to sign in). */
  unlisted?: readonly OptionId<Q>[];
  /**
   * The sub-topic that gives each phone line: a number asked for without saying whose ("whats the
   * number") gets the line of the topic answered just before, when it had one.
   */
  lines?: Partial<Record<PhoneLine, OptionId<Q>>>;
  /** An answer to another question said alone at the menu is this option ("it's for my daughter": book). */
  byAnswerOf?: { question: QuestionKey; id: OptionId<Q> };
  /**
   * The line for a question about this topic that fits no option ("screening is supposed to be
   * covered" to the billing menu): given with the offer of a person. Default: Member Services.
   */
  otherLine?: PhoneLine;
}

/** Any topic table, as TopicDialog reads it. */
export interface AnyTopicTable {
  intent: TaskIntentId;
  question: QuestionKey;
  answers: Readonly<Record<string, TopicAnswer>>;
  unlisted?: readonly string[];
  lines?: Partial<Record<PhoneLine, string>>;
  byAnswerOf?: { question: QuestionKey; id: string };
  otherLine?: PhoneLine;
}

export function topicTable<Q extends QuestionKey>(table: TopicTable<Q>): TopicTable<Q> {
  return table;
}
