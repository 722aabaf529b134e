import type { Locale } from '../intents/types';

/**
 * An SMS opt-out said in a few words rather than as the bare keyword: "STOP please", "stop
 * texting me", "i said stop", "unsubscribe me", "don't text me", "ya no me manden mensajes",
 * "no quiero más mensajes", "dejen de escribirme". Texts are folded (lower case, no accents, no
 * punctuation: `fold` in dialogs/common/text.ts).
 *
 * Two ways, both over a short message made only of the words listed here, so that any other word
 * ("cancel my appointment", "stop my refill", "no text came", "he said stop or he'd hurt me")
 * leaves it to the rest of the assistant:
 * 1. an opt-out keyword with the words that may stand around it (`AROUND_KEYWORD`);
 * 2. no keyword, but a cessation cue (don't, never, no more; no, ya no, dejen de) and a word for
 *    the texts themselves (texting, messages; manden, escribirme, mensajes); after an opt-out,
 *    the cue alone says it again ("dije que paren").
 */

/** Keywords that, with the words around them, still only ask to stop the texts. */
const STRONG_KEYWORDS = new Set(['stop', 'stopall', 'unsubscribe', 'optout', 'revoke', 'alto', 'baja', 'basta']);
/** Keywords that say so only alone or with "please" ("cancel my appointment" is a task). */
const POLITE = new Set(['please', 'pls', 'plz', 'por', 'favor', 'now', 'ya']);

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

/** The words that may stand around a strong keyword, or make up a request with no keyword. */
const AROUND_KEYWORD = words(`
  please pls plz now me us texting texts text txt txts messaging messages message msgs msg sending send
  to from my this number list sms thanks thank you ok okay right away immediately i said told already just
  all of these them
  por favor ya de mensajes mensaje me nos textos texto darme dar dije que le les
`);

const ENGLISH = {
  /** Cues that the member wants something to stop; "no" is one only with "more" ("no text came" is not). */
  cessation: words('dont not never stop quit'),
  /** The texts, or sending them. */
  texts: words('text texting texts txt txts message messages messaging msg msgs sms send sending contact contacting'),
  filler: words('please pls plz do me us any more anymore i said told you already just want to get receive these the them thanks thank ok okay no'),
};

const SPANISH = {
  cessation: words('no nunca dejen deje dejar basta para paren pare parar'),
  texts: words(
    'mensajes mensaje textos texto sms manden mande envien envie escriban escriba mensajeen textee textear ' +
      'escribirme mandarme enviarme mensajearme escribiendome mandandome enviandome',
  ),
  filler: words('ya me nos mas quiero recibir de por favor gracias les le dije que ningun ninguno otro otros'),
};

type Words = typeof ENGLISH;

export interface OptOutRequest {
  /** The language the request was written in, when the words say so. */
  locale?: Locale;
}

/**
 * An opt-out request in a few words, or null. `keywords` maps each opt-out keyword to its
 * language (the carrier keyword table of pipeline/smsKeywords.ts).
 */
export function optOutRequest(folded: string, keywords: ReadonlyMap<string, Locale | undefined>, optedOut = false): OptOutRequest | null {
  const tokens = folded.split(' ').filter(Boolean);
  if (tokens.length === 0 || tokens.length > 7) return null;
  const keyword = tokens.find((w) => STRONG_KEYWORDS.has(w)) ?? tokens.find((w) => keywords.has(w));
  if (keyword) {
    const allowed = STRONG_KEYWORDS.has(keyword) ? AROUND_KEYWORD : POLITE;
    if (tokens.every((w) => w === keyword || allowed.has(w))) {
      const locale = keywords.get(keyword);
      return locale ? { locale } : {};
    }
  }
  // After an opt-out, saying it again needs no word for the texts ("dije que paren", "ya basta").
  if (asks(tokens, SPANISH, optedOut, (t) => t.some((w) => SPANISH.cessation.has(w)))) return { locale: 'es' };
  if (asks(tokens, ENGLISH, optedOut, (t) => t.some((w) => ENGLISH.cessation.has(w)) || (t.includes('no') && (t.includes('more') || t.includes('anymore'))))) return {};
  return null;
}

/** Only words of the list, a word for the texts (unless `optedOut`), and a cue that they should stop. */
function asks(tokens: readonly string[], lang: Words, optedOut: boolean, cue: (tokens: readonly string[]) => boolean): boolean {
  const known = (w: string) => lang.cessation.has(w) || lang.texts.has(w) || lang.filler.has(w);
  return tokens.every(known) && (optedOut || tokens.some((w) => lang.texts.has(w))) && cue(tokens);
}
