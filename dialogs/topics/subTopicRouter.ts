import type { TaskIntentId } from '../../intents/types';
import type { OptionMatcher } from '../common/options';
import { SUB_TOPIC_TABLES } from './tables';
import type { AnyTopicTable } from './topicTable';

/**
 * Which task a message belongs to when it names one of the task's sub-topics by a concept (a
 * word set in dialogs/data/phrases.json: "update|change + insurance" is billing's insurance
 * question): "my wife and I share one e-mail" is sign-in help, "switch my appointment to video" is
 * video visits, whatever the recognizer made of the rest of the sentence. The task dialog then
 * goes straight to that sub-topic's answer, from the same concepts.
 */
export class SubTopicRouter {
  constructor(
    private readonly options: OptionMatcher,
    private readonly tables: readonly AnyTopicTable[] = SUB_TOPIC_TABLES,
  ) {}

  /** The task whose sub-topic the message names, when the best match is one task's. */
  route(text: string): TaskIntentId | null {
    let best: { intent: TaskIntentId; score: number } | null = null;
    let tie = false;
    for (const table of this.tables) {
      const hit = this.options.concept(text, table.question);
      if (!hit) continue;
      if (!best || hit.score > best.score) {
        best = { intent: table.intent, score: hit.score };
        tie = false;
      } else if (hit.score === best.score && table.intent !== best.intent) tie = true;
    }
    return best && !tie ? best.intent : null;
  }
}
