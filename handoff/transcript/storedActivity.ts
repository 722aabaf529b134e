import type { Activity } from 'botbuilder';
import { PII_CATEGORIES, redactPii, redactText, type PublicNumbers } from '../../common/redaction';
import type { TurnOutcome } from '../../dialogs/turn';

/**
 * The kept form of a message in a transcript, and how an activity becomes it. What is kept is
 * deliberately little: `{ type, id, timestamp, from: { role, name? }, text, links?, meta? }` with
 * the text passed through `redactText` (passwords and other identifiers masked); `meta`, on the
 * member's messages, is what became of the message (ids only). Never attachments, card payloads,
 * channel data, `value`s or the channel's ids for the member.
 */

export const MAX_TEXT = 2000;

/** What is redacted in the assistant's own words: every identifier, but no "password: …" rule. */
const BOT_REDACTED = PII_CATEGORIES.filter((category) => category !== 'password');

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
  /** The member's messages: what became of the message (dialogs/turn.ts TurnOutcome). */
  meta?: TurnOutcome;
}

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
export function toStored(activity: Partial<Activity>, role?: StoredActivity['from']['role'], name?: string, keep?: PublicNumbers): StoredActivity | undefined {
  if (activity.type !== 'message') return undefined;
  const from = role ?? (activity.from?.role === 'bot' ? 'bot' : 'user');
  const raw = typeof activity.text === 'string' ? activity.text : '';
  // The assistant's own words never hold a password (it never asks for or repeats one): only the
  // identifiers in them are redacted, so "To reset your password: open the page…" stays readable.
  // The plan's own numbers (`keep`) are nobody's personal data and stay readable.
  const text = from === 'bot' ? redactPii(raw, BOT_REDACTED, keep) : redactText(raw, keep);
  const clipped = text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
  const links = linksOf(activity);
  if (!clipped && !links) return undefined;
  const at = activity.timestamp ? new Date(activity.timestamp as unknown as string) : new Date();
  const stored: StoredActivity = {
    type: 'message',
    timestamp: Number.isNaN(at.getTime()) ? new Date().toISOString() : at.toISOString(),
    from: { role: from, ...(name ? { name } : {}) },
    text: clipped,
  };
  if (typeof activity.id === 'string' && activity.id) stored.id = activity.id.slice(0, 256);
  if (links) stored.links = links;
  return stored;
}

/** How many of `entries` already end `kept` (the longest such run). */
export function overlap(kept: StoredActivity[], entries: StoredActivity[]): number {
  const same = (a: StoredActivity, b: StoredActivity) => JSON.stringify(a) === JSON.stringify(b);
  for (let n = Math.min(kept.length, entries.length); n > 0; n--) {
    const end = kept.slice(kept.length - n);
    if (end.every((a, i) => same(a, entries[i]!))) return n;
  }
  return 0;
}
