import type { PhoneLine } from '../../services/portal/profile';
import type { TopicTrail } from '../memory';
import { INFO_TABLES, TOPIC_TABLES } from './tables';
import type { AnyTopicTable } from './topicTable';

/**
 * The phone line of the topic answered just before (its trail: option ids only), when it had one:
 * the sub-topic's line in a topic table ("is the pharmacy open sunday": the pharmacy), the
 * pharmacy's for a prescription (every refill answer is about the pharmacy). "whats the number"
 * said next is that line's number.
 */
export function lineOfTopic(trail: TopicTrail | undefined): PhoneLine | null {
  if (!trail || !Object.keys(trail.answers).length) return null;
  const sub = trail.answers.topic;
  const tables: readonly AnyTopicTable[] = [...TOPIC_TABLES, ...INFO_TABLES];
  const answer = sub ? tables.find((t) => t.intent === trail.intent && t.answers[sub])?.answers[sub] : undefined;
  if (answer?.phone) return answer.phone;
  return trail.intent === 'refill' ? 'pharmacy' : null;
}
