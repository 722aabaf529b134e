import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import type { AssistantOverrides } from '../../bot/app';
import { ResponseCatalog } from '../../common/responses';
import type { Locale } from '../../intents/types';
import { assertChannelRules, Chat, choicesOf, pick, textOf } from '../support/chat';
import type { DialogPath } from './paths';

export const catalog = ResponseCatalog.load();

/** The fixed part of a question (before its first {placeholder}), to recognise it in a reply. */
export function promptText(locale: Locale, key: string): string {
  return catalog.text(locale, key).split('{')[0]!.trim();
}

/** A chat on `channelId` in the path's language, opened the way the channel opens it. */
export async function openChat(channelId: string, locale: Locale, overrides: AssistantOverrides = {}): Promise<Chat> {
  const chat = new Chat({ channelId, locale: channelId === 'sms' ? undefined : locale === 'es' ? 'es-US' : 'en-US', overrides });
  await chat.open(locale === 'es' ? 'hola' : 'hi');
  return chat;
}

/** Answers one step: a tap / a digit for offered choices, the member's words otherwise. */
export function answerFor(chat: Chat, previous: Partial<Activity>[], answer: string, typed = false): string {
  return typed ? answer : pick(chat, previous, answer);
}

/**
 * Opens the path's dialog and answers its first `count` steps; returns the replies to the last
 * message (which ask step `count`). Checks at every turn that the expected question is asked and
 * that the channel's rules hold.
 */
export async function walk(chat: Chat, path: DialogPath, count: number): Promise<Partial<Activity>[]> {
  let replies = await chat.say(path.open);
  assertChannelRules(chat.channelId, replies);
  for (let i = 0; i < count; i++) {
    const step = path.steps[i]!;
    assert.ok(textOf(replies).includes(promptText(path.locale, step.prompt)), `${path.name}: expected "${step.prompt}", got:\n${textOf(replies)}`);
    replies = await chat.say(answerFor(chat, replies, step.answer, step.typed));
    assertChannelRules(chat.channelId, replies);
  }
  return replies;
}

/** True when the replies contain any task dialog's question. */
export function asksADialogQuestion(replies: Partial<Activity>[], paths: DialogPath[]): boolean {
  const text = textOf(replies);
  return choicesOf(replies).length > 0 || paths.some((p) => p.steps.some((s) => text.includes(promptText(p.locale, s.prompt))));
}
