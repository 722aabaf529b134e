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

/** A way said not to be it ("no por correo", "not email", "no al correo"): in a sign-in context correo is e-mail. */
const NOT_TEXT = /\b(no|not|nor|ni)( es| is| by| por| via| through| to| al| a| en| mi| my)* (text|texts|txt|sms|mensaje|mensajes|texto|textos|telefono|phone|cel|celular)\b/g;
const NOT_EMAIL = /\b(no|not|nor|ni)( es| is| by| por| via| through| to| al| a| el| en| mi| my)* (e ?mail|e ?mails|email|correo|correos|inbox|correo electronico)\b/g;
/** A forgotten password said beside it ("y si tambien se me olvido la contraseña", "and i forgot my password"). */
const FORGOT_PASSWORD = /\b(forgot|forget|forgotten|lost|reset|olvide|olvido|olvidado|olvidada|restablecer)\b.*\b(password|passwords|pw|contrasena|contrasenas|clave)\b/;

/** How the member says the code should have come (folded text), when they say only one way (a way denied does not count). */
export function codeWay(folded: string): 'text' | 'email' | null {
  const said = folded.replace(NOT_EMAIL, ' ').replace(NOT_TEXT, ' ');
  const byText = BY_TEXT.test(said);
  const byEmail = BY_EMAIL.test(said);
  return byText && !byEmail ? 'text' : byEmail && !byText ? 'email' : null;
}

/**
 * A correction of how the code comes ("es por texto no por correo", "its by text not email"): the
 * way said, when the other is denied beside it.
 */
export function codeWayCorrected(folded: string): 'text' | 'email' | null {
  const way = codeWay(folded);
  if (way === 'text' && NOT_EMAIL.test(folded)) return (NOT_EMAIL.lastIndex = 0, 'text');
  if (way === 'email' && NOT_TEXT.test(folded)) return (NOT_TEXT.lastIndex = 0, 'email');
  NOT_EMAIL.lastIndex = 0;
  NOT_TEXT.lastIndex = 0;
  return null;
}

export function forgotPassword(folded: string): boolean {
  return FORGOT_PASSWORD.test(folded);
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
    // How it comes, when said: "tried it, nothing" next is read by it (no e-mail assumed otherwise).
    if (way) await kit.memory.remember(context, 'codeWay', way);
    const number = kit.profile.phone('memberServices', kit.locale(context)).number;
    return { text: kit.text(context, key, { number }), links: [kit.link(context, 'signInHelp.verificationCode')] };
  }
}
