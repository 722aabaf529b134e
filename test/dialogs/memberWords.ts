import type { Activity, TurnContext } from 'botbuilder';
import type { Escalation, EscalationRequest } from '../../dialogs/escalation';
import { textOf } from '../support/chat';
import { MemberChat } from '../support/identity';

/**
 * Chats with the real recognizer and safety triage (as `npm start` runs them, no keyword
 * stand-in), on a channel, optionally signed in as a sample member: the words members used in the
 * newcomer run (issue 15) must reach the right answer through the whole bot.
 */

/** Records what a hand-off was asked for (the topic, the reason), and tells the member. */
export class RecordingEscalation implements Escalation {
  readonly requests: EscalationRequest[] = [];

  async requestPerson(context: TurnContext, request: EscalationRequest): Promise<void> {
    this.requests.push(request);
    await context.sendActivity(`[person requested: ${request.intent ?? 'no topic'}]`);
  }
}

const TEAMS_GUEST = { id: '29:guest', aadObjectId: '00000000-0000-4000-8000-0000000000aa' };

export async function realChat(
  channelId: 'webchat' | 'msteams' | 'sms',
  options: { locale?: 'en' | 'es'; escalation?: Escalation; from?: Partial<Activity['from']> } = {},
): Promise<MemberChat> {
  const locale = options.locale ?? 'en';
  const chat = new MemberChat({
    channelId,
    ...(channelId === 'sms' ? {} : { locale: locale === 'es' ? 'es-US' : 'en-US' }),
    ...(options.from ? { from: options.from } : channelId === 'msteams' ? { from: TEAMS_GUEST } : {}),
    overrides: { understanding: undefined, emergencyCheck: undefined, ...(options.escalation ? { escalation: options.escalation } : {}) },
  });
  await chat.open(locale === 'es' ? 'hola' : 'hi');
  return chat;
}

/** A real chat on Web Chat, signed in on the portal as `memberId`. */
export async function signedInChat(memberId: string, options: { locale?: 'en' | 'es'; escalation?: Escalation } = {}): Promise<MemberChat> {
  const chat = await realChat('webchat', options);
  const replies = await chat.signIn(memberId);
  if (!/Alex|Jordan/.test(textOf(replies))) throw new Error(`not signed in: ${textOf(replies)}`);
  return chat;
}
