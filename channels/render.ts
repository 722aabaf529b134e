import { ActionTypes, ActivityTypes, CardFactory, type Activity, type Attachment } from 'botbuilder';
import type { ChannelCapabilities } from './capabilities';
import { segmentedLength, smsEncoding, toGsm7 } from './gsm7';
import type { Choice, Link, Reply } from './reply';

/** Locale-specific words the renderer itself adds. */
export interface RenderLabels {
  /** "Reply with a number." after a numbered list on SMS. */
  replyWithNumber: string;
}

/** The value key an Adaptive Card choice list submits; the input normalizer reads it back. */
export const CARD_CHOICE_KEY = 'choice';

/** Turns a Reply into the activities one channel can show. */
export function renderReply(reply: Reply, caps: ChannelCapabilities, labels: RenderLabels): Partial<Activity>[] {
  return caps.plainText ? renderPlain(reply, caps, labels) : renderRich(reply, caps);
}

function message(text: string, extra: Partial<Activity> = {}): Partial<Activity> {
  return { type: ActivityTypes.Message, text, ...extra };
}

function renderRich(reply: Reply, caps: ChannelCapabilities): Partial<Activity>[] {
  const choices = reply.choices ?? [];
  const links = reply.links ?? [];
  const attachments: Attachment[] = [];
  const extra: Partial<Activity> = {};

  if (choices.length && caps.suggestedActions) {
    extra.suggestedActions = {
      to: [],
      actions: choices.map((c) => ({ type: ActionTypes.ImBack, title: c.title, value: c.value })),
    };
  } else if (choices.length && caps.adaptiveCards) {
    attachments.push(choiceCard(choices, caps));
  }
  if (links.length && caps.adaptiveCards) attachments.push(linkCard(links, caps, reply.title));

  if (attachments.length) extra.attachments = attachments;
  return [message(markdownText(reply.text), extra)];
}

/**
 * Web Chat and Teams read text as markdown, where a single line break disappears: lines written
 * as "• item" would run together into one paragraph. They become a markdown list instead.
 */
export function markdownText(text: string): string {
  return text.replace(/^• /gm, '- ');
}

function adaptiveCard(body: unknown[], actions: unknown[], caps: ChannelCapabilities): Attachment {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: caps.adaptiveCards ?? '1.5',
    body,
    actions,
  });
}

/** Buttons when they fit the channel's limit; otherwise one drop-down list and a Send button. */
function choiceCard(choices: Choice[], caps: ChannelCapabilities): Attachment {
  if (choices.length <= caps.maxCardActions) {
    const actions = choices.map((c) => ({
      type: 'Action.Submit',
      title: c.title,
      // Teams turns this into an ordinary message carrying `value` (as if typed).
      data: { msteams: { type: 'imBack', value: c.value }, [CARD_CHOICE_KEY]: c.value },
    }));
    return adaptiveCard([], actions, caps);
  }
  const input = {
    type: 'Input.ChoiceSet',
    id: CARD_CHOICE_KEY,
    style: 'expanded',
    isRequired: true,
    choices: choices.map((c) => ({ title: c.title, value: c.value })),
    value: choices[0]?.value,
  };
  return adaptiveCard([input], [{ type: 'Action.Submit', title: 'OK' }], caps);
}

function linkCard(links: Link[], caps: ChannelCapabilities, title: string | undefined): Attachment {
  const body: unknown[] = title ? [{ type: 'TextBlock', text: title, weight: 'Bolder', wrap: true }] : [];
  if (links.length <= caps.maxCardActions) {
    return adaptiveCard(body, links.map((l) => ({ type: 'Action.OpenUrl', title: l.title, url: l.url })), caps);
  }
  body.push({ type: 'TextBlock', wrap: true, text: links.map((l) => `- [${l.title}](${l.url})`).join('\n') });
  return adaptiveCard(body, [], caps);
}

/**
 * SMS: plain text in GSM-7 where the language allows (see gsm7.ts), cut into messages that
 * fill whole segments.
 */
function renderPlain(reply: Reply, caps: ChannelCapabilities, labels: RenderLabels): Partial<Activity>[] {
  const parts = [plainText(reply.text)];
  if (reply.links?.length) parts.push(reply.links.map((l) => `${l.title}: ${l.url}`).join('\n'));
  if (reply.choices?.length) {
    parts.push(reply.choices.map((c, i) => `${c.number ?? i + 1}. ${c.title}`).join('\n') + `\n${labels.replyWithNumber}`);
  }
  const plain = parts.map(toGsm7);
  const max = caps.maxMessageLength ? segmentedLength(caps.maxMessageLength, smsEncoding(plain.join('\n\n')).encoding) : null;
  return splitMessage(plain, max).map((text) => message(text));
}

/** SMS shows markdown literally: drop emphasis markers and turn [title](url) into "title url". */
export function plainText(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '$1 $2')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/`([^`]+)`/g, '$1');
}

/**
 * Packs parts into as few messages as possible, each at most `max` characters where possible.
 * A part longer than `max` is cut at sentence or word breaks; a single word (a long URL) is
 * never cut.
 */
export function splitMessage(parts: string[], max: number | null): string[] {
  if (!max) return [parts.join('\n\n')];
  const pieces = parts.flatMap((part) => (part.length <= max ? [part] : cutLongPart(part, max)));
  const out: string[] = [];
  for (const piece of pieces) {
    const last = out.length - 1;
    if (last >= 0 && out[last]!.length + 2 + piece.length <= max) out[last] = `${out[last]}\n\n${piece}`;
    else out.push(piece);
  }
  return out;
}

/**
 * Where a sentence ends: after ".", "!" or "?" and a space, but not after an abbreviation whose
 * dot is no end ("8 a.m. to 8 p.m.", "8 a. m.", "Dr. Chen", "e.g."): an SMS was cut between "8 a.m."
 * and "to 8 p.m." (newcomer run v22, X13).
 */
const SENTENCE_END = /(?<=[.!?])(?<!\b(?:[apAP]\.(?: ?[mM]\.)?|(?:Dr|Dra|Mr|Mrs|Ms|Sr|Sra|Srta|St|Av|vs|e\.g|i\.e|etc)\.))\s+/;

function cutLongPart(part: string, max: number): string[] {
  const out: string[] = [];
  let current = '';
  const add = (unit: string, separator: string) => {
    if (!current) current = unit;
    else if (current.length + separator.length + unit.length <= max) current += separator + unit;
    else {
      // A list's header ("These have no refills left:") goes with its items, never alone at the
      // end of a message: it starts the next one.
      const { kept, header } = splitHeader(current);
      if (kept && header.length + separator.length + unit.length <= max) {
        out.push(kept);
        current = header + separator + unit;
      } else {
        out.push(current);
        current = unit;
      }
    }
  };
  for (const line of part.split('\n')) {
    if (line.length <= max) {
      add(line, '\n');
      continue;
    }
    let separator = '\n';
    for (const sentence of keepListNumbers(line.split(SENTENCE_END))) {
      for (const unit of sentence.length <= max ? [sentence] : keepListNumbers(sentence.split(/\s+/))) {
        add(unit, separator);
        separator = ' ';
      }
    }
  }
  if (current) out.push(current);
  return out;
}

/**
 * A list item's number ("2." or "2)", alone or after "Today:") ends a sentence as far as the split
 * by sentence is concerned, but it belongs to the text that follows: a piece that ends with one is joined to the
 * next, so a message never ends with a stray "2." and the cut falls before the number.
 */
function keepListNumbers(pieces: string[]): string[] {
  const out: string[] = [];
  let pending = '';
  for (const piece of pieces) {
    const joined = pending ? `${pending} ${piece}` : piece;
    if (/(?:^|[:;]\s+)\d{1,2}[.)]$/.test(joined)) {
      const at = joined.search(/\d{1,2}[.)]$/);
      const before = joined.slice(0, at).trimEnd();
      if (before) out.push(before);
      pending = joined.slice(at);
    } else {
      out.push(joined);
      pending = '';
    }
  }
  if (pending) out.push(pending);
  return out;
}

/**
 * The last line(s) of a message that introduce what follows (a line ending in ":", and the blank
 * lines after it), and the rest; `kept` is empty when there is no such header or nothing before it.
 */
function splitHeader(text: string): { kept: string; header: string } {
  const match = /\n+([^\n]*:\n*)$/.exec(text);
  if (!match) return { kept: '', header: '' };
  const kept = text.slice(0, match.index).trimEnd();
  return kept ? { kept, header: match[1]! } : { kept: '', header: '' };
}
