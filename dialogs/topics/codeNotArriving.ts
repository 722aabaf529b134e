import type { TurnContext } from 'botbuilder';
import type { Reply } from '../../channels/reply';
import type { DialogKit } from '../common/kit';
import { fold } from '../common/text';
import { turnInfo } from '../turn';
import type { SpecialAnswer } from './specialAnswer';

/** The code came (or should have come) by text message. */
const BY_TEXT = /\b(text|texts|texted|texting|txt|txted|sms|cell|cellphone|mobile|phone|mensaje|mensajes|mensajito|texto|textos|cel|celular|telefono|movil)\b/;
/** The code came (or should have come) by e-mail. */
const BY_EMAIL = /\b(e ?mail|e ?mails|e ?mailed|emailed|inbox|correo|correos|email)\b/;

/** How the member says the code should have come (folded text), when they say only one way. */
export function codeWay(folded: string): 'text' | 'email' | null {
  const byText = BY_TEXT.test(folded);
  const byEmail = BY_EMAIL.test(folded);
  return byText && !byEmail ? 'text' : byEmail && !byText ? 'email' : null;
}

/**
 * "The code never came": what to check depends on how it was sent. A texted code: the phone
 * number on file, waiting and asking again (a spam folder is no help); an e-mailed one: the spam
 * folder too. When the member did not say how, both, each with its own check.
 */
export class CodeNotArrivingAnswer implements SpecialAnswer {
  constructor(private readonly kit: DialogKit) {}

  async reply(context: TurnContext, text: string | undefined): Promise<Reply> {
    const { kit } = this;
    // The message that named the sub-topic: the opening one, or the answer to "What's happening?".
    const said = fold(`${text ?? ''} ${turnInfo(context).text}`);
    const way = codeWay(said);
    const key = way === 'text' ? 'password_reset.code.byText' : way === 'email' ? 'password_reset.code.byEmail' : 'password_reset.answer.codeNotArriving';
    const number = kit.profile.phone('memberServices', kit.locale(context)).number;
    return { text: kit.text(context, key, { number }), links: [kit.link(context, 'signInHelp.verificationCode')] };
  }
}
