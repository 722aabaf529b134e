import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Locale, TaskIntentId } from '../intents/types';

/**
 * What the assistant remembers about a conversation between turns, in conversation state:
 * its language, the topic in progress (answers as option ids and markers, never the member's
 * own words), and how many messages in a row it did not understand.
 */
export interface TopicTrail {
  intent: TaskIntentId;
  /** Step → option id or marker ("rx" → "given"); never free text, never PHI. */
  answers: Record<string, string>;
}

export interface MemoryState {
  locale?: Locale;
  topic?: TopicTrail;
  unclear?: number;
}

export class ConversationMemory {
  constructor(private readonly accessor: StatePropertyAccessor<MemoryState>) {}

  private async state(context: TurnContext): Promise<MemoryState> {
    return this.accessor.get(context, {});
  }

  private async update(context: TurnContext, change: (state: MemoryState) => void): Promise<void> {
    const state = { ...(await this.state(context)) };
    change(state);
    await this.accessor.set(context, state);
  }

  async locale(context: TurnContext): Promise<Locale | undefined> {
    return (await this.state(context)).locale;
  }

  async setLocale(context: TurnContext, locale: Locale): Promise<void> {
    await this.update(context, (s) => (s.locale = locale));
  }

  async topic(context: TurnContext): Promise<TopicTrail | undefined> {
    return (await this.state(context)).topic;
  }

  async startTopic(context: TurnContext, intent: TaskIntentId): Promise<void> {
    await this.update(context, (s) => (s.topic = { intent, answers: {} }));
  }

  async remember(context: TurnContext, step: string, value: string): Promise<void> {
    await this.update(context, (s) => {
      if (s.topic) s.topic = { ...s.topic, answers: { ...s.topic.answers, [step]: value } };
    });
  }

  async forgetTopic(context: TurnContext): Promise<void> {
    await this.update(context, (s) => delete s.topic);
  }

  async unclear(context: TurnContext): Promise<number> {
    return (await this.state(context)).unclear ?? 0;
  }

  async setUnclear(context: TurnContext, count: number): Promise<void> {
    await this.update(context, (s) => (s.unclear = count));
  }
}
