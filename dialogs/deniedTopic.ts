import type { TaskIntentId } from '../intents/types';
import { fold } from './common/text';
import type { TopicNames } from './topicNames';

/**
 * A topic the member says the message is NOT about ("its not a password thing", "this isnt about my
 * bill", "not a billing question", "no es por la contraseña"): a denial lead, at most three
 * words, a topic named by its own words (dialogs/data/topic-names.json), and a word for "matter".
 * Not "not my ..." ("this is not my bill, I never went there" disputes a bill), and not a long run
 * that names the topic meant ("its not the app its my login" is sign-in help).
 * Folded text: lower case, no accents, no apostrophes.
 */
const DENIAL = new RegExp(
  '(?:^|\\s)(?:' +
    '(?:its|it s|it is|thats|that s|that is|this is|this|that|the problem is|my problem is|my question is|the issue is)\\s+not|' +
    'isnt|is not|wasnt|was not|aint|' +
    'not (?:a|an|about|the|with|related to)|' +
    'no es|no era|no se trata de|no tiene que ver con|no tiene nada que ver con|nada que ver con' +
    ')\\s+(?!(?:my|mi|mis)\\s)((?:\\S+\\s+){0,2}?\\S+)' +
    '(?:\\s+(?:thing|things|question|questions|issue|issues|problem|problems|stuff|related|matter|cosa|tema|asunto|problema|pregunta))?' +
    '(?=$|\\s+(?:i|im|can|could|please|just|but|so|and|pero|solo|quiero|necesito|que|puede|pueden|por favor|y)\\b)',
);

/** What a denial leaves: the topic denied, and the rest of the message (empty when it says nothing else). */
export interface DeniedReading {
  topic: TaskIntentId;
  rest: string;
}

/**
 * The member says what the message is not about: that topic is dropped and the rest of the message
 * is read as the request (newcomer run v19, X09: "its not a password thing. can someone just call
 * me back" got the password steps again). Only when the rest does not name the same topic ("i
 * forgot my password, not my username" is about sign-in).
 */
export class DeniedTopic {
  constructor(private readonly topicNames: Pick<TopicNames, 'named'>) {}

  read(text: string): DeniedReading | null {
    for (const clause of clausesOf(text)) {
      const match = DENIAL.exec(fold(clause));
      if (!match) continue;
      const topics = this.topicNames.named(match[1]!);
      if (topics.length !== 1) continue;
      const topic = topics[0]!;
      const folded = fold(clause);
      const after = folded.slice(match.index + match[0].length).replace(/^\s*(?:but|pero|so|and|y)\b/, '').trim();
      const others = clausesOf(text).filter((c) => c !== clause);
      const rest = [...others, ...(after ? [after] : [])].join('. ').trim();
      if (rest && this.topicNames.named(rest).includes(topic)) return null;
      return { topic, rest };
    }
    return null;
  }
}

/** The message's sentences and comma clauses, in order, as the member wrote them. */
function clausesOf(text: string): string[] {
  return text.split(/[.!?;,\n]+/).map((part) => part.trim()).filter(Boolean);
}
