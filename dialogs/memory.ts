import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Locale, TaskIntentId } from '../intents/types';
import type { PhoneLine } from '../services/portal/profile';

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

/** What was just answered: the topics (most likely first) and, for a task, its answers (option ids). */
export interface TopicPriorState {
  topics: TaskIntentId[];
  answers?: Record<string, string>;
  /** What the answer offered to go on with (the nurse line offers a new visit): kept for the first topic. */
  offered?: Record<string, string>;
  /** The answer was the safety triage's way to care for symptoms (the nurse line, a visit) or mental health. */
  safety?: 'symptoms' | 'mentalHealth';
  /**
   * The answer given just before this one in the same turn (the first of two requests in one
   * message: "refill now" answered the refill, then the pharmacy's line): a follow-up the last
   * answer offers nothing on is read in its light ("and how long does that take?": the refill's timing).
   */
  earlier?: { topic: TaskIntentId; answers: Record<string, string> };
}

export interface MemoryState {
  locale?: Locale;
  topic?: TopicTrail;
  unclear?: number;
  /** The topics the assistant just answered, to read a short follow-up by (see TopicPrior). */
  prior?: TopicPriorState;
  /** The task answered first when a message asked for two: kept while the next one runs in the same turn. */
  earlier?: TopicTrail;
  /** The assistant's last answer told the member to sign in (read, and cleared, by the next message). */
  signInAsked?: boolean;
  /** The phone line the last answer's hand-off gave (read, and cleared, by the next message): the wait asked next is on it. */
  handOff?: PhoneLine;
  /** The last booking asked for in this conversation: booked (the visit's and its patient's ids) or not. */
  booking?: BookingNote;
  /** The prescriptions (ids) a refill was asked for in this conversation: "which ones did you refill?" next is answered with them. */
  refilled?: string[];
}

/** How the last booking in the conversation ended (ids from the back end, never the member's words). */
export type BookingNote = { booked: true; visitId: string; subjectId: string } | { booked: false };

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

  /** The task just answered is the first of two in one message: kept while the next one runs. */
  async noteEarlier(context: TurnContext): Promise<void> {
    await this.update(context, (s) => {
      if (s.topic) s.earlier = { intent: s.topic.intent, answers: { ...s.topic.answers } };
    });
  }

  /** The task answered before the one just answered in the same turn, once (forgotten when taken). */
  async takeEarlier(context: TurnContext): Promise<TopicTrail | undefined> {
    const earlier = (await this.state(context)).earlier;
    if (earlier) await this.update(context, (s) => delete s.earlier);
    return earlier;
  }

  async forgetTopic(context: TurnContext): Promise<void> {
    await this.update(context, (s) => delete s.topic);
  }

  /** An answer was just given: the next message may be a follow-up to it. */
  async notePrior(context: TurnContext, prior: TopicPriorState): Promise<void> {
    await this.update(context, (s) => (s.prior = prior));
  }

  /** The prior for this message; forgotten (it concerns the message right after an answer). */
  async takePrior(context: TurnContext): Promise<TopicPriorState | undefined> {
    const prior = (await this.state(context)).prior;
    if (prior) await this.update(context, (s) => delete s.prior);
    return prior;
  }

  /** A booking just ended (booked, or declined / taken): "did you book it?" is answered from it. */
  async noteBooking(context: TurnContext, note: BookingNote): Promise<void> {
    await this.update(context, (s) => (s.booking = note));
  }

  async booking(context: TurnContext): Promise<BookingNote | undefined> {
    return (await this.state(context)).booking;
  }

  async unclear(context: TurnContext): Promise<number> {
    return (await this.state(context)).unclear ?? 0;
  }

  async setUnclear(context: TurnContext, count: number): Promise<void> {
    await this.update(context, (s) => (s.unclear = count));
  }

  /** This turn handed off to a person, or named a line ("the chat team's hours", "the wait on the phone"): that line, for the next message. */
  async noteHandOff(context: TurnContext, line: PhoneLine): Promise<void> {
    await this.update(context, (s) => (s.handOff = line));
  }

  /** The line of a hand-off given just before, once: the next message takes it. */
  async takeHandOff(context: TurnContext): Promise<PhoneLine | undefined> {
    const line = (await this.state(context)).handOff;
    if (line) await this.update(context, (s) => delete s.handOff);
    return line;
  }

  async noteSignInAsked(context: TurnContext): Promise<void> {
    await this.update(context, (s) => (s.signInAsked = true));
  }

  /** Whether the previous answer told the member to sign in; forgets it (it concerns one message). */
  async takeSignInAsked(context: TurnContext): Promise<boolean> {
    const asked = (await this.state(context)).signInAsked === true;
    if (asked) await this.update(context, (s) => delete s.signInAsked);
    return asked;
  }

  /** A refill was just asked for these prescriptions (ids). */
  async noteRefilled(context: TurnContext, ids: readonly string[]): Promise<void> {
    await this.update(context, (s) => (s.refilled = [...new Set([...(s.refilled ?? []), ...ids])]));
  }

  /** The prescriptions a refill was asked for in this conversation. */
  async refilled(context: TurnContext): Promise<readonly string[]> {
    return (await this.state(context)).refilled ?? [];
  }
}
