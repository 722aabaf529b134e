import type { TurnContext } from 'botbuilder';
import type { DialogKit } from '../common/kit';
import type { RequestName, TwoRequests } from './secondRequest';

/**
 * Says, before the first of several requests in one message is answered, which ones were heard
 * and in what order they come ("I'll start with your prescription refill, then your appointment,
 * then your billing question"), so that none seems dropped while the first one asks its questions.
 */
export class RequestPlan {
  constructor(private readonly kit: DialogKit) {}

  async announce(context: TurnContext, requests: TwoRequests): Promise<void> {
    const [first, next, then] = requests.names.map((name) => this.name(context, name));
    if (!first || !next) return;
    await this.kit.say(context, then ? 'main.several.three' : 'main.several.two', { first, next, ...(then ? { then } : {}) });
    // More than are taken in turn: named, with how to get to them, rather than dropped without a word.
    const more = (requests.more ?? []).map((name) => this.name(context, name));
    if (more.length) await this.kit.say(context, 'main.several.more', { more: more.join(', ') });
  }

  /**
   * After a health answer given first (a rash, a fever), the task requests the same message made
   * are named with how to go on with them: the health answer is not followed by a task, nor are
   * the tasks dropped without a word.
   */
  async afterHealth(context: TurnContext, requests: TwoRequests): Promise<void> {
    const names = [...requests.names, ...(requests.more ?? [])].map((name) => this.name(context, name));
    if (names.length) await this.kit.say(context, 'main.several.afterHealth', { more: names.join(', ') });
  }

  private name(context: TurnContext, name: RequestName): string {
    if ('intent' in name) return this.kit.text(context, `main.resume.task.${name.intent}`);
    return this.kit.text(context, 'main.several.option', { option: this.kit.options.title(name.question, name.option, this.kit.locale(context)) });
  }
}
