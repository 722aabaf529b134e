import type { Activity, PagedResult, StoreItem, TranscriptInfo, TranscriptStore } from 'botbuilder';
import { redactText } from '../../common/redaction';
import type { AssistantStorage } from '../storage/types';
import { updateItem } from '../storage/update';

/**
 * Conversation transcripts (what members wrote and what they were sent) in the configured store,
 * behind botbuilder's `TranscriptStore` interface, so that retention, "forget me"
 * (`deleteTranscript`) and reports over transcripts can be built on it.
 *
 * What is kept is deliberately little: message activities only, as `{ type, id, timestamp,
 * from: { role, name? }, text, links? }` with the text passed through `redactText` (passwords and,
 * as the PHI work extends it, other identifiers masked). Never attachments, card payloads,
 * channel data, `value`s (the member/identity assertion is an event, never kept) or the channel's
 * ids for the member. Bounded: the last MAX_ACTIVITIES per conversation, MAX_TEXT characters each.
 *
 * Keys: `transcripts/<channel>/<conversation id>` (one document per conversation) and
 * `transcripts-index/<channel>/<YYYY-MM-DD>` (conversations started that day, for listing).
 */

export const MAX_ACTIVITIES = 200;
export const MAX_TEXT = 2000;
const PAGE_SIZE = 100;
/** Conversations listed per channel and day (listing is for reports; beyond this, use the store's own listing). */
const MAX_PER_DAY = 20_000;
/** How far back listTranscripts looks for days with conversations. */
const LIST_DAYS = 90;

export interface StoredLink {
  title: string;
  url: string;
}

export interface StoredActivity {
  type: 'message';
  id?: string;
  timestamp: string;
  from: { role: 'user' | 'bot' | 'agent'; name?: string };
  text: string;
  links?: StoredLink[];
}

interface TranscriptDoc extends StoreItem {
  channelId: string;
  conversationId: string;
  day: string;
  createdAt: string;
  dropped: number;
  activities: StoredActivity[];
}

interface DayIndex extends StoreItem {
  conversations: Array<{ id: string; created: string }>;
}

const docKey = (channelId: string, conversationId: string) => `transcripts/${channelId}/${conversationId}`;
const dayKey = (channelId: string, day: string) => `transcripts-index/${channelId}/${day}`;

/** Link buttons of an Adaptive Card (Action.OpenUrl), the only part of a card a transcript keeps. */
function linksOf(activity: Partial<Activity>): StoredLink[] | undefined {
  const links: StoredLink[] = [];
  for (const attachment of activity.attachments ?? []) {
    const content = attachment.content as { actions?: Array<{ type?: string; title?: string; url?: string }> } | undefined;
    for (const action of content?.actions ?? []) {
      if (action.type === 'Action.OpenUrl' && typeof action.url === 'string') links.push({ title: String(action.title ?? '').slice(0, 200), url: action.url.slice(0, 2048) });
    }
  }
  return links.length ? links.slice(0, 10) : undefined;
}

/** The kept form of a message activity, redacted; undefined for anything that is not a message. */
export function toStored(activity: Partial<Activity>, role?: StoredActivity['from']['role'], name?: string): StoredActivity | undefined {
  if (activity.type !== 'message') return undefined;
  const text = redactText(typeof activity.text === 'string' ? activity.text : '');
  const clipped = text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
  const links = linksOf(activity);
  if (!clipped && !links) return undefined;
  const at = activity.timestamp ? new Date(activity.timestamp as unknown as string) : new Date();
  const stored: StoredActivity = {
    type: 'message',
    timestamp: Number.isNaN(at.getTime()) ? new Date().toISOString() : at.toISOString(),
    from: { role: role ?? (activity.from?.role === 'bot' ? 'bot' : 'user'), ...(name ? { name } : {}) },
    text: clipped,
  };
  if (typeof activity.id === 'string' && activity.id) stored.id = activity.id.slice(0, 256);
  if (links) stored.links = links;
  return stored;
}

export class AssistantTranscriptStore implements TranscriptStore {
  constructor(
    private readonly storage: AssistantStorage,
    private readonly now: () => number = Date.now,
  ) {}

  /** botbuilder's TranscriptLogger: one activity. */
  async logActivity(activity: Activity): Promise<void> {
    const stored = toStored(activity);
    if (stored && activity.channelId && activity.conversation?.id) await this.append(activity.channelId, activity.conversation.id, [stored]);
  }

  /** Appends already-made entries (one write per turn), keeping the bound. */
  async append(channelId: string, conversationId: string, activities: StoredActivity[]): Promise<void> {
    if (!activities.length) return;
    const today = new Date(this.now()).toISOString().slice(0, 10);
    let createdOn: string | undefined;
    await updateItem<TranscriptDoc>(this.storage, docKey(channelId, conversationId), (doc) => {
      createdOn = doc ? undefined : today;
      const all = [...(doc?.activities ?? []), ...activities];
      const excess = Math.max(0, all.length - MAX_ACTIVITIES);
      return {
        channelId,
        conversationId,
        day: doc?.day ?? today,
        createdAt: doc?.createdAt ?? new Date(this.now()).toISOString(),
        dropped: (doc?.dropped ?? 0) + excess,
        activities: all.slice(excess),
      };
    });
    if (createdOn) {
      const day = createdOn;
      await updateItem<DayIndex>(this.storage, dayKey(channelId, day), (index) =>
        index?.conversations.some((c) => c.id === conversationId) || (index?.conversations.length ?? 0) >= MAX_PER_DAY
          ? undefined
          : { conversations: [...(index?.conversations ?? []), { id: conversationId, created: new Date(this.now()).toISOString() }] },
      );
    }
  }

  /** The last `limit` kept activities of a conversation, oldest first. */
  async recent(channelId: string, conversationId: string, limit = 50): Promise<StoredActivity[]> {
    const doc = (await this.storage.read([docKey(channelId, conversationId)]))[docKey(channelId, conversationId)] as TranscriptDoc | undefined;
    return (doc?.activities ?? []).slice(-limit);
  }

  async getTranscriptActivities(channelId: string, conversationId: string, continuationToken?: string, startDate?: Date): Promise<PagedResult<Activity>> {
    const doc = (await this.storage.read([docKey(channelId, conversationId)]))[docKey(channelId, conversationId)] as TranscriptDoc | undefined;
    const from = Math.max(0, Number(continuationToken ?? 0) || 0);
    const since = startDate?.getTime() ?? 0;
    const matching = (doc?.activities ?? []).filter((a) => Date.parse(a.timestamp) >= since);
    const page = matching.slice(from, from + PAGE_SIZE).map(
      (a) =>
        ({
          ...a,
          channelId,
          conversation: { id: conversationId },
          from: { id: a.from.role, name: a.from.name, role: a.from.role === 'user' ? 'user' : 'bot' },
        }) as unknown as Activity,
    );
    const next = from + PAGE_SIZE < matching.length ? String(from + PAGE_SIZE) : '';
    return { items: page, continuationToken: next };
  }

  /** Conversations with a transcript, newest day first; the token is the next day to look at. */
  async listTranscripts(channelId: string, continuationToken?: string): Promise<PagedResult<TranscriptInfo>> {
    const items: TranscriptInfo[] = [];
    const start = continuationToken && /^\d{4}-\d{2}-\d{2}$/.test(continuationToken) ? Date.parse(`${continuationToken}T00:00:00Z`) : this.now();
    let day = new Date(start);
    for (let i = 0; i < LIST_DAYS && items.length < PAGE_SIZE; i++) {
      const name = day.toISOString().slice(0, 10);
      const index = (await this.storage.read([dayKey(channelId, name)]))[dayKey(channelId, name)] as DayIndex | undefined;
      for (const c of index?.conversations ?? []) items.push({ channelId, id: c.id, created: new Date(c.created) });
      day = new Date(day.getTime() - 86_400_000);
    }
    const oldest = new Date(this.now() - LIST_DAYS * 86_400_000);
    const more = day.getTime() > oldest.getTime() && items.length >= PAGE_SIZE;
    return { items, continuationToken: more ? day.toISOString().slice(0, 10) : '' };
  }

  /** Forgets a conversation's transcript ("forget me"). */
  async deleteTranscript(channelId: string, conversationId: string): Promise<void> {
    const key = docKey(channelId, conversationId);
    const doc = (await this.storage.read([key]))[key] as TranscriptDoc | undefined;
    if (doc?.day) {
      await updateItem<DayIndex>(this.storage, dayKey(channelId, doc.day), (index) =>
        index?.conversations.some((c) => c.id === conversationId) ? { conversations: index.conversations.filter((c) => c.id !== conversationId) } : undefined,
      );
    }
    await this.storage.delete([key]);
  }
}
