import { fold } from './common/text';

/**
 * A code seen on a claim, an explanation of benefits (EOB), a bill or a statement ("the claims page
 * just says code CO-50", "mi estado de cuenta tiene un codigo OA-23"): a claim adjustment or denial
 * code, never the sign-in "code not arriving" (newcomer run v16, Z07). Said with the claim, bill or
 * statement, or with a code of the claims' own form (a group code, CO, PR, OA, PI or CR, and a
 * number), or said right after a billing answer without a word of signing in. Folded text.
 */
const CODE = /\b(code|codes|coded|codigo|codigos|carc|rarc|remark|remarks)\b/;
/** A claim adjustment code's own form: the group code and its number ("CO-50", "PR 204", "oa23"). */
const CLAIM_FORM = /\b(co|pr|oa|pi|cr) ?-? ?\d{1,3}\b/;
/** What such a code is seen on. */
const CLAIM_WORDS = /\b(claim|claims|eob|eobs|explanation of benefits|bill|bills|billed|billing|statement|statements|denied|denial|adjustment|reclamo|reclamos|reclamacion|reclamaciones|factura|facturas|cobro|cobros|estado de cuenta|explicacion de beneficios|negaron|negado|negada|rechazado|rechazada|rechazaron|denegado|denegada)\b/;
/** Words of signing in: that code is the sign-in one. */
const SIGN_IN = /\b(sign in|sign on|signin|log in|login|logging in|verification|verify|password|one time|2fa|texted|text message|inbox|spam|iniciar sesion|inicio de sesion|entrar|contrasena|verificacion|mensaje de texto|no me llega|never comes|never came|not arriving|doesnt arrive|didnt get|no llega)\b/;

export function namesClaimCode(text: string | undefined, afterBilling: boolean): boolean {
  const folded = fold(text ?? '');
  const form = CLAIM_FORM.test(folded);
  if (!CODE.test(folded) && !form) return false;
  const claim = CLAIM_WORDS.test(folded);
  if (SIGN_IN.test(folded) && !claim) return false;
  return claim || form || afterBilling;
}
