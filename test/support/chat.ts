import assert from 'node:assert/strict';
import { ActivityTypes, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { createBotCore, type AssistantOverrides, type BotCore } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { silentLogger } from '../../common/logger';
import { KeywordIntents } from './keywordIntents';

/** Thursday 5 June 2025, 10:00 local time: "next Tuesday" is 10 June. */
export const TEST_NOW = new Date(2025, 5, 5, 10, 0, 0);

let conversations = 0;

export interface ChatOptions {
  channelId?: string;
  /** The channel's locale on every activity (Web Chat sends one; SMS sends none). */
  locale?: string;
  env?: Record<string, string>;
  overrides?: AssistantOverrides;
}

/**
 * One member's conversation with the whole bot (the turn pipeline and every dialog) through
 * botbuilder's TestAdapter. `say` returns what the member would see for that message.
 */
export class Chat {
  readonly adapter: TestAdapter;
  readonly core: BotCore;
  readonly intents: KeywordIntents;
  /** Where this chat's state is kept (to prove what is, and is not, stored). */
  readonly memory = new MemoryStorage();

  constructor(readonly options: ChatOptions = {}) {
    this.intents = new KeywordIntents();
    const channelId = options.channelId ?? 'webchat';
    this.core = createBotCore(loadConfig({ NODE_ENV: 'test', ...options.env }), {
      logger: silentLogger(),
      storage: this.memory,
      understanding: this.intents,
      emergencyCheck: this.intents,
      clock: () => TEST_NOW.getTime(),
      ...options.overrides,
    });
    conversations++;
    const template: Partial<Activity> = {
      channelId,
      conversation: { id: `chat-${channelId}-${conversations}`, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: `member-${conversations}`, name: 'Member' },
      recipient: { id: 'member-assistant', name: 'Member Assistant' },
    };
    if (options.locale ?? (channelId === 'sms' ? undefined : 'en-US')) template.locale = options.locale ?? 'en-US';
    this.adapter = new TestAdapter((context) => this.core.bot.run(context), template);
    this.adapter.onTurnError = this.core.onTurnError;
  }

  get channelId(): string {
    return this.options.channelId ?? 'webchat';
  }

  /** Sends one message (or activity) and returns the bot's replies to it. */
  async say(message: string | Partial<Activity>): Promise<Partial<Activity>[]> {
    const activity = typeof message === 'string' ? { type: ActivityTypes.Message, text: message } : message;
    await this.adapter.processActivity(activity);
    return this.adapter.activeQueue.splice(0).filter((a) => a.type === ActivityTypes.Message);
  }

  /** Everything stored for this chat, as text. */
  storedText(): string {
    return JSON.stringify((this.memory as unknown as { memory: unknown }).memory);
  }

  /** Ids of the dialogs in progress (outermost first), read from the stored conversation state. */
  async dialogStack(): Promise<string[]> {
    const conversation = this.adapter.template.conversation!;
    const key = `${this.channelId}/conversations/${conversation.id}/`;
    const stored = (await this.core.storage.read([key]))[key] as
      | { dialogState?: { dialogStack: Array<{ id: string; state?: { dialogs?: { dialogStack: unknown[] } } }> } }
      | undefined;
    const ids: string[] = [];
    let stack = stored?.dialogState?.dialogStack ?? [];
    while (stack.length) {
      const top = stack.at(-1)!;
      ids.push(top.id);
      stack = (top.state?.dialogs?.dialogStack ?? []) as typeof stack;
    }
    return ids;
  }

  /** Opens the conversation as the channel would: a join on Web Chat / Teams, a first text on SMS. */
  async open(first = 'hi'): Promise<Partial<Activity>[]> {
    if (this.channelId === 'sms') return this.say(first);
    await this.adapter.processActivity({ type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'member', name: 'Member' }] });
    return this.adapter.activeQueue.splice(0);
  }
}

// --- what a member sees -------------------------------------------------------------------------

interface CardContent {
  version?: string;
  body?: Array<{ type: string; text?: string; choices?: Array<{ title: string; value: string }> }>;
  actions?: Array<{ type: string; title: string; url?: string; data?: unknown }>;
}

function cards(activity: Partial<Activity>): CardContent[] {
  return (activity.attachments ?? []).map((a) => a.content as CardContent);
}

/** All visible text of the replies (message texts and card text blocks). */
export function textOf(replies: Partial<Activity>[]): string {
  return replies
    .flatMap((r) => [r.text ?? '', ...cards(r).flatMap((c) => (c.body ?? []).map((b) => b.text ?? ''))])
    .filter(Boolean)
    .join('\n');
}

/** The choices offered, whatever the channel: suggested actions, card buttons / list, numbered lines. */
export function choicesOf(replies: Partial<Activity>[]): string[] {
  const last = replies.at(-1);
  if (!last) return [];
  if (last.suggestedActions?.actions.length) return last.suggestedActions.actions.map((a) => a.title ?? '');
  const fromCards = cards(last).flatMap((c) => [
    ...(c.actions ?? []).filter((a) => a.type === 'Action.Submit' && a.data).map((a) => a.title),
    ...(c.body ?? []).flatMap((b) => (b.choices ?? []).map((choice) => choice.title)),
  ]);
  if (fromCards.length) return fromCards;
  const numbered = [...textOf(replies).matchAll(/^(\d+)\. (.+)$/gm)].map((m) => ({ n: Number(m[1]), title: m[2]! }));
  const lastList = numbered.map((m) => m.n).lastIndexOf(1);
  return lastList < 0 ? [] : numbered.slice(lastList).map((m) => m.title);
}

/** Every portal URL shown: openUrl buttons, markdown links in cards, and plain URLs in text. */
export function linksOf(replies: Partial<Activity>[]): string[] {
  const urls = new Set<string>();
  for (const r of replies) {
    for (const c of cards(r)) for (const a of c.actions ?? []) if (a.type === 'Action.OpenUrl' && a.url) urls.add(a.url);
    for (const m of textOf([r]).matchAll(/https:\/\/[^\s)]+/g)) urls.add(m[0].replace(/[.,]$/, ''));
  }
  return [...urls];
}

/** The channel rules every reply must keep. */
export function assertChannelRules(channelId: string, replies: Partial<Activity>[]): void {
  for (const reply of replies) {
    if (channelId === 'sms') {
      assert.equal(reply.attachments, undefined, 'SMS: no attachments');
      assert.equal(reply.suggestedActions, undefined, 'SMS: no suggested actions');
      const text = reply.text ?? '';
      // A single URL longer than the limit is never cut; everything else fits.
      const longestWord = Math.max(...text.split(/\s+/).map((w) => w.length));
      assert.ok(text.length <= 320 || longestWord > 320, `SMS message of ${text.length} characters: ${text}`);
      assert.doesNotMatch(text, /\*\*|\]\(/, 'SMS: no markdown');
    }
    if (channelId === 'msteams') {
      assert.equal(reply.suggestedActions, undefined, 'Teams: cards, not suggested actions');
      for (const card of cards(reply)) {
        assert.ok(Number(card.version) <= 1.5, `Teams card version ${card.version}`);
        assert.ok((card.actions ?? []).length <= 3, `Teams card with ${(card.actions ?? []).length} actions`);
      }
    }
  }
}

/** Picks an offered choice the way a member would on the channel: tap its title, or its number on SMS. */
export function pick(chat: Chat, replies: Partial<Activity>[], title: string): string {
  const offered = choicesOf(replies);
  const index = offered.indexOf(title);
  assert.ok(index >= 0, `"${title}" is not among the offered choices: ${JSON.stringify(offered)}`);
  return chat.channelId === 'sms' ? String(index + 1) : title;
}
