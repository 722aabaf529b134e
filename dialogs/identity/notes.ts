import type { TurnContext } from 'botbuilder';
import type { Link } from '../../channels/reply';
import type { CantGetIn } from '../cantGetIn';
import type { DialogKit } from '../common/kit';
import type { PendingRequest } from './verification';
import type { VerifyResult } from './verifyDialog';

/**
 * What to tell a member who could not be verified, with the general answer: how they can see
 * their own information instead (the portal sign-in link), in words that fit why.
 */
export function verificationNote(
  kit: DialogKit,
  context: TurnContext,
  result: VerifyResult,
  topic: PendingRequest['topic'],
  cantGetIn: CantGetIn,
): { text: string | null; links: Link[] } {
  if (result.member) return { text: null, links: [] };
  const what = kit.text(context, `identity.what.${topic}`);
  const signIn = [kit.link(context, 'signIn')];
  const signInOffered = result.route === 'portal' || (result.route === 'none' && result.reason !== 'groupChat');
  if (signInOffered && cantGetIn.says(context.activity.text)) {
    // "I can't get in" with the request: how to get back in, never "sign in first" (YZ14).
    const line = kit.profile.phone('memberServices', kit.locale(context));
    return {
      text: kit.text(context, 'identity.cantGetIn', { what, number: line.number, hours: line.hours }),
      links: [kit.link(context, 'signInHelp.forgotPassword'), kit.link(context, 'signInHelp.unlockAccount')],
    };
  }
  switch (result.route) {
    case 'portal':
      return { text: kit.text(context, 'identity.signInOnPortal', { what }), links: signIn };
    case 'declined':
      return { text: kit.text(context, 'identity.declined', { what }), links: signIn };
    case 'failed':
      return { text: null, links: signIn };
    default:
      switch (result.reason) {
        case 'groupChat':
          return { text: kit.text(context, 'identity.groupChat'), links: signIn };
        case 'notOnFile':
          return { text: kit.text(context, 'identity.notOnFile', { what, number: kit.profile.phone('memberServices', kit.locale(context)).number }), links: signIn };
        case 'unavailable':
          return { text: kit.text(context, 'identity.unavailable'), links: signIn };
        default:
          return { text: kit.text(context, 'identity.notConfigured', { what }), links: signIn };
      }
  }
}
