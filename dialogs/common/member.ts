import type { TurnContext } from 'botbuilder';
import type { MemberRef } from '../../services/member';

/** Who wrote this message, for the back-end lookups (never shown or logged). */
export function memberOf(context: TurnContext): MemberRef {
  return { channelId: context.activity.channelId, channelUserId: context.activity.from?.id ?? '' };
}
