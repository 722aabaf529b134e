import type { Activity, TurnContext } from 'botbuilder';
import { currentCorrelationId, newCorrelationId, runWithCorrelationId } from '../common/correlation';
import { maskSensitive } from '../common/redaction';
import { scrubSecrets } from '../common/redaction/secrets';
import type { Logger } from '../common/logger';
import type { AssistantAdapter, InProcessChannel } from '../channels/adapter';
import type { Lifecycle } from '../common/lifecycle';
import type { ConversationRateLimit, Verdict } from '../ops/limits/conversationLimit';
import { settlesWithin } from '../ops/limits/turnDeadline';
import { InProcessConnectorFactory, OutboxError, type BotOutbox } from './connector';
import { IDENTITY_EVENT, type PostedActivity } from './schema';
import { ConversationStore, UnknownConversationError, type ActivityJson, type ActivityPage, type ConversationRecord } from './store';

/**
 * The local Direct Line channel: what Azure's Direct Line service does for the assistant, in
 * process. Members' activities are stored (the echo Web Chat waits for), then run through the
 * same adapter pipeline as /api/messages, one turn at a time per conversation; the bot's replies
 * come back through an in-process connector, are stored and pushed to the conversation's
 * WebSocket streams in order. Typing activities are streamed but not stored (as on Azure, a
 * reconnecting client does not replay them).
 */

/** The serviceUrl local activities carry; conversation references with it are routed back here. */
export const LOCAL_SERVICE_URL = 'https://directline.local.invalid/';
export const CHANNEL_ID = 'directline';
export const BOT_ACCOUNT = { id: 'member-assistant', name: 'Member Assistant', role: 'bot' } as const;

/** A live stream (a WebSocket) of one conversation. */
export interface StreamSubscriber {
  send(page: { activities: ActivityJson[]; watermark?: string }): void;
  close(code: number, reason: string): void;
}

export interface LocalDirectLineDeps {
  store: ConversationStore;
  adapter: AssistantAdapter;
  logic: (context: TurnContext) => Promise<void>;
  lifecycle: Lifecycle;
  logger: Logger;
  /** Turns that may wait behind the running one, per conversation; more get 429. */
  maxQueuedTurns?: number;
  /** Member messages per conversation per minute: decided here, before the message is stored. */
  limit?: ConversationRateLimit;
  /**
   * A POST still waiting for its turn after this long is answered (Web Chat gives up on a post
   * after 20 s); the turn goes on and its replies reach the stream when ready.
   */
  turnDeadlineMs?: number;
  onDeferred?: () => void;
  /** A conversation's first stream opened, or its last one closed (the agent console shows whether the member is there). */
  onPresence?: (conversationId: string) => void;
}

/** The conversation's message budget is used up (RATE_LIMIT_PER_CONVERSATION_PER_MINUTE). */
export class ConversationRateLimitedError extends Error {
  constructor(readonly retryAfter: number) {
    super('conversation over its message budget');
    this.name = 'ConversationRateLimitedError';
  }
}

export class ChannelBusyError extends Error {
  constructor() {
    super('too many activities waiting');
    this.name = 'ChannelBusyError';
  }
}

export class LocalDirectLineChannel implements InProcessChannel, BotOutbox {
  readonly serviceUrl = LOCAL_SERVICE_URL;
  readonly connectorFactory = new InProcessConnectorFactory(this);
  private readonly streams = new Map<string, Set<StreamSubscriber>>();
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly queues = new Map<string, { tail: Promise<unknown>; waiting: number }>();
  private typingCount = 0;
  /** Conversation → when a polling client last read it (clients without a WebSocket). */
  private readonly polledAt = new Map<string, number>();

  constructor(private readonly deps: LocalDirectLineDeps) {}

  /**
   * Starts the conversation the token is bound to. A new conversation gets a conversationUpdate
   * with the member added (so the assistant welcomes them), run in the background. False when it
   * had been started already (nothing is sent again).
   */
  async start(conversationId: string, userId: string, locale: string | undefined, client?: string): Promise<boolean> {
    // Under the conversation's lock: two starts at once make one conversation and one welcome.
    const created = await this.withLock(conversationId, () => this.deps.store.create(conversationId, userId, client));
    if (!created) return false;
    this.deps.logger.info({ conversationId }, 'direct line conversation started');
    const update = {
      type: 'conversationUpdate',
      id: `${conversationId}|start`,
      timestamp: new Date().toISOString(),
      channelId: CHANNEL_ID,
      serviceUrl: this.serviceUrl,
      conversation: { id: conversationId },
      from: { id: userId, role: 'user' },
      recipient: BOT_ACCOUNT,
      membersAdded: [{ ...BOT_ACCOUNT }, { id: userId, role: 'user' }],
      ...(locale ? { locale } : {}),
    };
    void this.deps.lifecycle.track(() => this.enqueueTurn(conversationId, update).catch(() => undefined));
    return true;
  }

  get(conversationId: string): Promise<ConversationRecord | undefined> {
    return this.deps.store.get(conversationId);
  }

  /**
   * A member's activity: stored (and echoed to the streams) before the bot sees it, then one
   * turn. Resolves with the activity's id once the turn has run, as Azure answers the POST after
   * the bot has.
   */
  async post(record: ConversationRecord, posted: PostedActivity): Promise<string> {
    const { conversationId, userId } = record;
    const queue = this.queues.get(conversationId);
    if (queue && queue.waiting >= (this.deps.maxQueuedTurns ?? 10)) throw new ChannelBusyError();
    // Refused before it is stored: the member's client shows it as not sent (an emergency is never refused).
    const verdict: Verdict | undefined = this.deps.limit?.decide({ type: posted.type, text: posted.text, channelId: CHANNEL_ID, conversation: { id: conversationId } });
    if (verdict?.kind === 'reject') throw new ConversationRateLimitedError(verdict.retryAfter);

    const from = { id: userId, ...(posted.from?.name ? { name: posted.from.name } : {}), role: 'user' };
    const { from: _ignored, ...fields } = posted;
    const echo: ActivityJson = {
      ...fields,
      channelId: CHANNEL_ID,
      conversation: { id: conversationId },
      from,
      recipient: BOT_ACCOUNT,
    };
    // The identity assertion goes to the bot, never into the transcript clients can read back.
    if (posted.type === 'event' && posted.name === IDENTITY_EVENT) delete echo.value;
    // A password, SSN or card number typed into the chat is masked before anything is stored (the
    // store's journal is append-only: a clear copy written now would outlive a later patch) and in
    // the echo the member sees; the bot gets the text as typed, so that it can tell the member not
    // to share it.
    const scan = typeof posted.text === 'string' ? maskSensitive(posted.text) : { text: posted.text, secrets: [] };
    if (scan.secrets.length) Object.assign(echo, scrubSecrets({ text: scan.text, value: echo.value, channelData: echo.channelData }, scan.secrets));

    let stored: ActivityJson;
    if (posted.type === 'typing') {
      stored = this.ephemeral(conversationId, echo);
    } else {
      stored = await this.append(conversationId, echo);
    }
    const inbound: ActivityJson = { ...stored, text: posted.text, value: posted.value, channelData: posted.channelData, serviceUrl: this.serviceUrl };
    for (const field of ['text', 'value', 'channelData']) if (inbound[field] === undefined) delete inbound[field];
    if (verdict) this.deps.limit?.remember(inbound, verdict);
    const turn = this.enqueueTurn(conversationId, inbound).then(async () => {
      // The turn may have masked more than the channel could see (a lone password after a sign-in
      // question): keep the stored copy as masked as the bot's.
      if (posted.type !== 'typing' && typeof inbound.text === 'string' && inbound.text !== stored.text && inbound.text !== posted.text) {
        await this.deps.store.patch(conversationId, String(stored.id), { text: inbound.text }).catch(() => undefined);
      }
    });
    if (this.deps.turnDeadlineMs && !(await settlesWithin(turn, this.deps.turnDeadlineMs).settled)) {
      this.deps.onDeferred?.();
      void this.deps.lifecycle.track(() => turn.catch(() => undefined));
      return String(stored.id);
    }
    await turn;
    return String(stored.id);
  }

  /** The activities after a watermark (REST polling), and the current watermark. */
  async page(conversationId: string, watermark: number): Promise<ActivityPage> {
    const page = await this.deps.store.since(conversationId, watermark);
    if (!page) throw new UnknownConversationError();
    if (this.polledAt.size > 10_000) this.polledAt.clear();
    this.polledAt.set(conversationId, Date.now());
    return page;
  }

  async touch(conversationId: string): Promise<void> {
    await this.deps.store.touch(conversationId);
  }

  /**
   * Attaches a stream: first everything after `watermark`, then every new activity as it comes.
   * Done under the conversation's lock, so nothing is missed or sent twice in between.
   */
  async subscribe(conversationId: string, watermark: number, subscriber: StreamSubscriber): Promise<() => void> {
    return this.withLock(conversationId, async () => {
      const page = await this.deps.store.since(conversationId, watermark);
      if (!page) throw new UnknownConversationError();
      if (page.activities.length) subscriber.send(page);
      let set = this.streams.get(conversationId);
      if (!set) this.streams.set(conversationId, (set = new Set()));
      set.add(subscriber);
      if (set.size === 1) this.deps.onPresence?.(conversationId);
      return () => {
        set.delete(subscriber);
        if (!set.size && this.streams.get(conversationId) === set) {
          this.streams.delete(conversationId);
          this.deps.onPresence?.(conversationId);
        }
      };
    });
  }

  /** From the in-process connector: one activity the bot sent. */
  async fromBot(conversationId: string, activity: ActivityJson): Promise<string> {
    const record = await this.deps.store.get(conversationId);
    if (!record) throw new OutboxError(404, 'unknown conversation');
    const out: ActivityJson = {
      ...activity,
      channelId: CHANNEL_ID,
      conversation: { id: conversationId },
      from: { ...BOT_ACCOUNT, ...(activity.from as object | undefined), role: 'bot' },
      recipient: { id: record.userId, role: 'user' },
    };
    delete out.serviceUrl;
    delete out.id;
    if (out.type === 'typing') return String(this.ephemeral(conversationId, out).id);
    return String((await this.append(conversationId, out, record)).id);
  }

  /** Closes the streams of a conversation that was dropped (idle or evicted). */
  dropped(conversationId: string): void {
    for (const subscriber of this.streams.get(conversationId) ?? []) subscriber.close(4404, 'conversation ended');
    this.streams.delete(conversationId);
  }

  /** Shutdown: closes every stream ("going away": clients reconnect to another instance). */
  close(): void {
    for (const set of this.streams.values()) for (const subscriber of set) subscriber.close(1001, 'server shutting down');
    this.streams.clear();
  }

  /** Whether the member's client is connected to the conversation now: an open stream, or a poll in the last half minute. */
  online(conversationId: string): boolean {
    const polled = this.polledAt.get(conversationId);
    return this.streams.has(conversationId) || (polled !== undefined && Date.now() - polled < 30_000);
  }

  get openStreams(): number {
    let count = 0;
    for (const set of this.streams.values()) count += set.size;
    return count;
  }

  private async append(conversationId: string, activity: ActivityJson, known?: ConversationRecord): Promise<ActivityJson> {
    return this.withLock(conversationId, async () => {
      // Web Chat holds an activity replying to one it never saw; the conversationUpdate and
      // typing activities are not in the transcript, so such a reference is dropped.
      if (typeof activity.replyToId === 'string') {
        const record = known ?? (await this.deps.store.get(conversationId));
        if (!record || !ConversationStore.has(record, activity.replyToId)) delete activity.replyToId;
      }
      const { activity: stored, watermark } = await this.deps.store.append(conversationId, activity);
      this.emit(conversationId, { activities: [stored], watermark });
      return stored;
    });
  }

  private ephemeral(conversationId: string, activity: ActivityJson): ActivityJson {
    const stored: ActivityJson = { ...activity, id: `${conversationId}|t${++this.typingCount}`, timestamp: new Date().toISOString() };
    delete stored.replyToId;
    this.emit(conversationId, { activities: [stored] });
    return stored;
  }

  private emit(conversationId: string, page: { activities: ActivityJson[]; watermark?: string }): void {
    for (const subscriber of this.streams.get(conversationId) ?? []) subscriber.send(page);
  }

  /** Runs turns of one conversation one after the other (state and reply order stay consistent). */
  private enqueueTurn(conversationId: string, activity: ActivityJson): Promise<void> {
    let queue = this.queues.get(conversationId);
    if (!queue) this.queues.set(conversationId, (queue = { tail: Promise.resolve(), waiting: 0 }));
    const q = queue;
    q.waiting++;
    const run = q.tail.then(
      () => this.runTurn(activity),
      () => this.runTurn(activity),
    );
    q.tail = run.catch(() => undefined).finally(() => {
      q.waiting--;
      if (q.waiting === 0 && this.queues.get(conversationId) === q) this.queues.delete(conversationId);
    });
    return run;
  }

  /** Under the correlation id of the request that brought the activity (a new one if none). */
  private async runTurn(activity: ActivityJson): Promise<void> {
    const correlationId = currentCorrelationId() ?? newCorrelationId();
    await runWithCorrelationId(correlationId, async () => {
      try {
        await this.deps.adapter.processInProcess(this, activity as unknown as Activity, this.deps.logic);
      } catch (err) {
        // The turn-error handler itself failed (e.g. state could not be reset).
        this.deps.logger.error(
          { correlationId, conversationId: (activity.conversation as { id: string }).id, err: { name: (err as Error)?.name } },
          'direct line turn failed',
        );
        throw err;
      }
    });
  }

  private withLock<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(conversationId) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.catch(() => undefined);
    this.locks.set(conversationId, tail);
    void tail.then(() => {
      if (this.locks.get(conversationId) === tail) this.locks.delete(conversationId);
    });
    return result;
  }
}
