/**
 * The words of follow-ups about renewing a prescription (dialogs/followUps.ts): a renewal asked for
 * the member, whether or when a medicine needs renewing, which ones, and how long or when.
 * Matched on folded text (lower case, no accents, punctuation as spaces).
 */

/**
 * The assistant asked to have a prescription renewed for the member ("could you get my doctor to
 * renew it", "puede pedir la renovacion por mi"): a request this chat cannot send.
 */
export const RENEW_FOR_ME = [
  /\b(can|could|would|will|cant|couldnt) (you|u|ya)\b.*\b(renew|renewal|renewed|reorder|reauthorize)\b/,
  /\b(request|ask for|send|submit|put in|file|get) (the|a|my|that)? ?(renewal|renewal request)\b/,
  /\b(ask|tell|message|contact|get) (my|the) (dr|doctor|doc|care team|team|provider|physician|nurse)\b.*\b(renew|renewal)\b/,
  /\b(puedes|puede|podrias|podria|pueden|podrian|me (puedes|puede|podrias|podria))( usted| tu)?\b.*\b(renovacion|renueve|renueven|renovar|renovarla|renovarlo)\b/,
  /\b(pida|pide|pidele|pidale|solicite|solicita|pedir|pedirle|solicitar)\b.*\b(renovacion|renueve|renueven|renovar)\b/,
];
export const MAX_RENEW_WORDS = 14;
/** "which ones need renewing", "¿alguna de mis recetas…?": the member's own list answers that. */
export const WHICH_ONES = /\b(which|what) (ones?|prescriptions?|meds|medicines|medications)\b|\bany of (my|them|those)\b|\bcual(es)?\b|\balguna(s)? de\b/;
/**
 * Whether or when a medicine needs renewing ("when does the lisinopril need renewed", "does it need
 * a renewal", "cuando hay que renovar el lisinopril", "se vence mi receta?"): not how long a renewal takes.
 */
export const NEEDS_RENEWING = [
  /\b(need|needs|needing|due|have to|has to|got to|gotta|supposed to)( to)?( be| get| a| an| for( a)?)? (renew|renewed|renewing|renewal|new script|new prescription|reauthoriz\w*)\b/,
  /\b(when|how often|how soon)\b.*\b(renew|renewed|renewal|expire|expires|run out of refills|runs out of refills)\b/,
  /\b(cuando|cada cuanto)\b.*\b(renovar|renovarla|renovarlo|renovarse|renovacion|se vence|vence|caduca|expira)\b/,
  // "q" is how members type "que": "el dr la tiene q renovar?".
  /\b(necesita|necesitan|ocupa|ocupan|hay que|hay q|tengo que|tengo q|tiene|tienen|toca|debo|debe|deben)( que| q)? (renovar\w*|renovacion|una renovacion|receta nueva|una receta nueva)\b/,
  /\b(se vence|vence|caduca|expira) (mi|la|el|su) (receta|prescripcion)\b/,
];
/** How long or when (a question about the renewal's timing, not a request to send it). */
export const WHEN_WORDS = /\b(how long|how soon|how many days|when|cuanto tarda|cuanto tiempo|cuantos dias|cuando)\b/;
