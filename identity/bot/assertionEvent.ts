import type { TurnContext } from 'botbuilder';
import type { Locale } from '../../common/locale';

/**
 * The chat page passes the signed-in member's identity assertion (a JWT from the portal) to the
 * assistant as an event activity right after connecting — the same with the local Direct Line
 * channel and with Azure's. The assistant does not trust it as such: a handler verifies it (the
 * identity work). Without a handler, or without an assertion, the member is anonymous.
 * The assertion is a credential: never log it, never store it in a transcript.
 */
export const IDENTITY_EVENT = 'member/identity';

export interface IdentityAssertionHandler {
  /**
   * `welcomedIn`: the language of the welcome sent on joining, for an event that carries no locale
   * of its own (Direct Line sets the conversation's locale on the join only).
   */
  receive(context: TurnContext, assertion: string, welcomedIn?: Locale): Promise<void>;
}
