import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import type { Locale } from '../../intents/types';
import { assertChannelRules, linksOf, textOf } from '../support/chat';
import type { MemberChat } from '../support/identity';
import { promptText } from './support';

/** Checks on a turn's replies that the conversation tests share (texts by catalog key, links by path). */
export type Replies = Partial<Activity>[];

/** The member says `message`; the replies keep the channel's rules (tests/support/chat.ts). */
export async function say(chat: MemberChat, channelId: string, message: string): Promise<Replies> {
  const replies = await chat.say(message);
  assertChannelRules(channelId, replies);
  return replies;
}

/** Says each line in turn and returns the replies to the last one. */
export async function sayAll(chat: MemberChat, channelId: string, lines: readonly string[]): Promise<Replies> {
  let replies: Replies = [];
  for (const line of lines) replies = await say(chat, channelId, line);
  return replies;
}

export const has = (locale: Locale, replies: Replies, key: string): void =>
  assert.ok(textOf(replies).includes(promptText(locale, key)), `expected ${key}, got:\n${textOf(replies)}`);

export const hasNot = (locale: Locale, replies: Replies, key: string): void =>
  assert.ok(!textOf(replies).includes(promptText(locale, key)), `not expected ${key}, got:\n${textOf(replies)}`);

export const hasLink = (replies: Replies, path: string): void => assert.ok(linksOf(replies).some((url) => url.includes(path)), `no ${path} in ${linksOf(replies).join(' ')}`);

export const noLink = (replies: Replies, path: string): void => assert.ok(!linksOf(replies).some((url) => url.includes(path)), `${path} again in ${linksOf(replies).join(' ')}`);
