import { z } from 'zod';
import { readDataFile } from '../common/dataFile';
import { StartupError } from '../common/errors';
import { fromRoot } from '../common/paths';
import { isTaskIntent, TASK_INTENTS, type TaskIntentId } from '../intents/types';
import { fold } from './common/text';

export class TopicNamesError extends StartupError {}

const fileSchema = z.strictObject({
  $comment: z.string().optional(),
  topics: z.record(z.string(), z.array(z.string().min(2)).min(1)),
});

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The task topics a message names by their own words ("lo del password", "y la factura?", "and the
 * bill"), in either language: a follow-up that turns to one of them is that topic, not the answer
 * just given (dialogs/topicPrior.ts).
 */
export class TopicNames {
  private constructor(private readonly words: ReadonlyArray<readonly [TaskIntentId, RegExp]>) {}

  static load(file: string = fromRoot('dialogs', 'data', 'topic-names.json')): TopicNames {
    const data = readDataFile(file, fileSchema, 'Topic names', (m) => new TopicNamesError(m));
    const words: Array<readonly [TaskIntentId, RegExp]> = [];
    for (const [topic, list] of Object.entries(data.topics)) {
      if (!isTaskIntent(topic)) throw new TopicNamesError(`Topic names file ${file}: "${topic}" is not a task (${TASK_INTENTS.join(', ')}).`);
      words.push([topic, new RegExp(`\\b(?:${list.map((w) => escape(fold(w))).join('|')})\\b`)]);
    }
    return new TopicNames(words);
  }

  /** The topics the message names, in the file's order. */
  named(text: string): TaskIntentId[] {
    const folded = fold(text);
    return this.words.filter(([, re]) => re.test(folded)).map(([topic]) => topic);
  }
}
