import { TASK_INTENTS } from '../../intents/types';
import type { UrgentCase } from './urgentCase';

/**
 * Anything else: the outcome's follow-up. The paragraph was just given: a message on something
 * else ("what's the weather") is acknowledged in one line, with the number in one short line,
 * never the paragraph word for word. The last case: it always answers.
 */
export const aside: UrgentCase = {
  name: 'aside',
  async answer({ context, kept, locale, turn }, { reply }) {
    const { intent } = turn.result;
    const again = kept.last === 'full' || kept.last === 'aside' || kept.last === 'later';
    const other = (TASK_INTENTS as readonly string[]).includes(intent) || intent === 'greeting' || intent === 'help' ? 'later' : 'aside';
    await reply.give(context, kept, locale, again ? other : 'full');
    return true;
  },
};
