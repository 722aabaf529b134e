/**
 * Finds and masks things a member should never type into a chat: passwords. Plain TypeScript with
 * no framework types, so the PHI redaction middleware can reuse it.
 *
 * Two rules:
 * 1. A disclosure ("my password is Hunter2!", "password: xyz", "mi contraseña es …"): the token
 *    after it is masked, unless it is an ordinary word that describes the password ("my password
 *    is not working").
 * 2. When the conversation is about signing in (`signInContext`), a message that is one lone token
 *    mixing letters with digits or symbols ("Tr0ub4dor&3") is taken for a password.
 */

export const MASK = '********';

export interface SecretScan {
  /** The text with every secret replaced by MASK (the original when nothing was found). */
  text: string;
  /** The exact secret strings found (so other copies of them can be scrubbed too). */
  secrets: string[];
}

export interface SecretScanOptions {
  /** The member was just asked about signing in: a lone password-like token is a secret. */
  signInContext?: boolean;
}

const SECRET_NOUN = String.raw`(?:password|passwd|passcode|pass\s?word|pwd|pw|pin|contrase(?:ñ|n)a|clave)`;
/** "password: x", "password = x", "password - x" (the value always follows). */
const ASSIGNMENT = new RegExp(String.raw`\b${SECRET_NOUN}\s*(?:[:=]|->)\s*(\S+)`, 'giu');
/**
 * "password is x", "contraseña es x", "password would be x"; the copula is a whole word ("la clave
 * está mal", "esta mal" are no disclosure: "es" is not "está").
 */
const COPULA = new RegExp(String.raw`\b${SECRET_NOUN}\s+(?:is|was|would be|should be|es|era|sería)(?![\p{L}\d])\s*[:"'“]?\s*(\S+)`, 'giu');

/**
 * The password named, then given a few words on: "I forgot my password, it is x", "my password —
 * that's x", "olvidé mi contraseña, es x" (within one clause: no sentence end in between).
 */
const RESUMED = new RegExp(
  String.raw`\b${SECRET_NOUN}\b[^.!?\n]{0,24}?(?:\b(?:it|that|which)\s*(?:is|was|'s|’s)|[,;]\s*(?:es|era)(?![\p{L}\d]))\s*[:"'“]?\s*(\S+)`,
  'giu',
);

const DISCLOSURES = [ASSIGNMENT, COPULA, RESUMED] as const;

/** Words that may follow "password is" without being the password. */
const DESCRIPTIVE = new Set(
  [
    'not', 'wrong', 'incorrect', 'correct', 'right', 'expired', 'locked', 'invalid', 'too', 'the', 'a', 'an', 'my', 'no',
    'still', 'being', 'blocked', 'rejected', 'fine', 'ok', 'okay', 'working', 'new', 'old', 'same', 'case', 'long', 'short',
    'forgotten', 'lost', 'gone', 'reset', 'changed', 'saved', 'stored', 'required', 'needed', 'that', 'this', 'what',
    'it', 'also', 'definitely', 'probably', 'always', 'never', 'weak', 'strong',
    'incorrecta', 'correcta', 'bloqueada', 'vencida', 'expirada', 'caducada', 'nueva', 'vieja', 'muy', 'mi', 'el', 'la',
    'un', 'una', 'no', 'otra', 'la misma', 'demasiado', 'válida', 'valida', 'inválida', 'invalida', 'segura',
  ].map((w) => w.toLowerCase()),
);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_LIKE = /^(?:https?:\/\/|www\.)/i;

/** Strips quotes and sentence punctuation a member puts around a secret. */
function trimToken(token: string): string {
  return token.replace(/^["'“‘(]+/, '').replace(/["'”’),.;!?]+$/, '') || token;
}

/** A lone token that looks like a password: 6–64 visible characters, letters with digits or symbols. */
export function looksLikePasswordToken(token: string): boolean {
  if (!/^\S{6,64}$/u.test(token) || EMAIL.test(token) || URL_LIKE.test(token)) return false;
  const letters = /\p{L}/u.test(token);
  const digits = /\d/.test(token);
  const symbols = /[^\p{L}\d\-'’.]/u.test(token);
  return letters && (digits || symbols);
}

export function maskSecrets(text: string, options: SecretScanOptions = {}): SecretScan {
  const secrets = new Set<string>();
  for (const pattern of DISCLOSURES) {
    // exec on the module's own global RegExp from lastIndex 0 (matchAll would copy it on every
    // call; this runs on every message and reply). Neither pattern can match the empty string.
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      // Decide on the bare word, but mask the whole token: a password may end in "!" or ".".
      const token = trimToken(match[1]!);
      if (token && !DESCRIPTIVE.has(token.toLowerCase())) secrets.add(match[1]!);
    }
  }
  const lone = text.trim();
  if (options.signInContext && looksLikePasswordToken(lone)) secrets.add(lone);
  if (!secrets.size) return { text, secrets: [] };
  const found = [...secrets].sort((a, b) => b.length - a.length);
  return { text: replaceAll(text, found), secrets: found };
}

function replaceAll(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join(MASK);
  return out;
}

/**
 * Replaces every copy of the secrets in a JSON-like value (an activity's `value` or
 * `channelData`, where a channel may echo the raw message). Returns a new value.
 */
export function scrubSecrets<T>(value: T, secrets: readonly string[]): T {
  if (!secrets.length) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return replaceAll(v, secrets);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(v)) out[key] = walk(inner);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}
