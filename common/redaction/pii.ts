/**
 * Finds personal information in free text, so that it can be replaced before the text is logged,
 * stored in a transcript or an escalation summary, or sent to a cloud recognizer. Plain
 * TypeScript, no framework types.
 *
 * Two kinds of rules:
 * - shape rules, which need no context: e-mail addresses, SSNs written 123-45-6789, card numbers
 *   (13–19 digits that pass the Luhn check), US phone numbers with separators or as 10 bare
 *   digits, and any other run of 7 or more digits (an Rx, member, account or order number);
 * - context rules, where the words before the value say what it is: "my date of birth is …"
 *   (a date elsewhere is an appointment, not a birth date), "member ID …", "Rx …", "SSN … 1234"
 *   (last four), "card number …", "verification code …", and passwords ("my password is …").
 *
 * Over-redaction is the safe side (a redacted appointment date costs a little context), but the
 * corpus in test/fixtures/pii/ keeps look-alikes (appointment dates, amounts, doses, the plan's
 * own short numbers) un-redacted, and measures both.
 */

export const PII_CATEGORIES = ['password', 'code', 'ssn', 'card', 'dob', 'memberId', 'rx', 'email', 'phone', 'number'] as const;
export type PiiCategory = (typeof PII_CATEGORIES)[number];

/** What replaces a finding of each category (passwords keep the historic mask). */
export const PII_TAGS: Record<PiiCategory, string> = {
  password: '********',
  code: '[CODE]',
  ssn: '[SSN]',
  card: '[CARD]',
  dob: '[DOB]',
  memberId: '[MEMBER-ID]',
  rx: '[RX]',
  email: '[EMAIL]',
  phone: '[PHONE]',
  number: '[NUMBER]',
};

export interface PiiFinding {
  category: PiiCategory;
  start: number;
  end: number;
}

interface Rule {
  category: PiiCategory;
  /**
   * A character every match of `pattern` contains (an ASCII digit, or the @ of an e-mail
   * address): a text without one cannot match, and the rule is not run on it.
   */
  needs: 'digit' | '@';
  pattern: RegExp;
  /** The capture group that holds the value (the context words stay). Default: the whole match. */
  group?: number;
  accept?: (value: string) => boolean;
}

/** Digits, optionally in groups: what a member types for a number ("1234 5678", "1234-567"). */
const GAP = String.raw`[ \t.\-]?`;
/** Up to a few words between the context and the value ("is", ":", "number", "es el"). */
const FILLER = String.raw`(?:\s*(?:[:#=\-–]|is|was|are|number|no\.?|num\.?|es|era|el|la|de|es el|número|numero|n[uú]m\.?)\s*){0,4}\s*`;

const MONTHS_EN = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const MONTHS_ES = 'enero|febrero|marzo|abril|mayo|junio|julio|agosto|sep?tiembre|octubre|noviembre|diciembre';
const DATE = [
  String.raw`\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})`,
  String.raw`\d{4}[/.\-]\d{1,2}[/.\-]\d{1,2}`,
  String.raw`(?:${MONTHS_EN})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}`,
  String.raw`\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:${MONTHS_EN})\.?,?\s+\d{4}`,
  String.raw`\d{1,2}\s+de\s+(?:${MONTHS_ES})\s+(?:de(?:l)?\s+)?\d{4}`,
  String.raw`(?:${MONTHS_ES})\s+\d{1,2},?\s+(?:de(?:l)?\s+)?\d{4}`,
].join('|');

const DOB_CONTEXT = String.raw`\b(?:d\.?o\.?b\b\.?|date\s+of\s+birth|birth\s*date|birthday|born(?:\s+on)?|fecha\s+de\s+nacimiento|nac(?:í|i|ió|io)\s+el|nacid[oa]\s+el|cumpleaños)`;
const SSN_CONTEXT = String.raw`\b(?:ssn|ss#|social\s+security(?:\s+(?:number|no\.?|#))?|social|seguro\s+social|n[uú]mero\s+de\s+seguro\s+social)`;
const CARD_CONTEXT = String.raw`\b(?:(?:credit|debit|visa|mastercard|amex|card)\s*(?:card\s*)?(?:number|no\.?|#)?|tarjeta(?:\s+de\s+(?:cr[eé]dito|d[eé]bito))?)`;
const MEMBER_CONTEXT = String.raw`\b(?:member(?:ship)?\s*(?:id|number|no\.?|#|num)|subscriber\s*(?:id|number|#)|medical\s+record\s+(?:number|no\.?|#)|health\s+record\s+number|mrn|kp\s*#|(?:id|n[uú]mero)\s+de\s+(?:miembro|afiliado|socio)|n[uú]mero\s+de\s+expediente)`;
const RX_CONTEXT = String.raw`\b(?:rx|prescription\s*(?:number|no\.?|#|num)|(?:n[uú]mero\s+de\s+)?receta(?:\s*(?:n[uú]mero|#|no\.?))?)`;
const CODE_CONTEXT = String.raw`\b(?:(?:verification|one[-\s]?time|security|sign[-\s]?in|login|confirmation)\s+code|passcode|otp|c[oó]digo(?:\s+de\s+(?:verificaci[oó]n|seguridad|acceso))?)`;

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const digitsOf = (value: string) => value.replace(/\D/g, '');

/** In priority order: a span taken by an earlier rule is not taken again by a later one. */
const RULES: Rule[] = [
  // One-time codes a member types or the assistant sends ("your verification code is 123456").
  { category: 'code', needs: 'digit', pattern: new RegExp(String.raw`${CODE_CONTEXT}${FILLER}(\d{4,8})(?!\d)`, 'giu'), group: 1 },
  // SSN by context: the full number, or the last four.
  { category: 'ssn', needs: 'digit', pattern: new RegExp(String.raw`${SSN_CONTEXT}${FILLER}(?:(?:ending|ends)\s+(?:in|with)\s+|last\s+(?:4|four)\s+(?:digits\s+)?(?:is|are|:)?\s*)?(\d{3}[ \-]?\d{2}[ \-]?\d{4}|\d{4})(?!\d)`, 'giu'), group: 1 },
  { category: 'dob', needs: 'digit', pattern: new RegExp(String.raw`${DOB_CONTEXT}[^\d\n]{0,24}?(${DATE})`, 'giu'), group: 1 },
  { category: 'card', needs: 'digit', pattern: new RegExp(String.raw`${CARD_CONTEXT}${FILLER}((?:\d${GAP}){11,18}\d)(?!\d)`, 'giu'), group: 1 },
  { category: 'memberId', needs: 'digit', pattern: new RegExp(String.raw`${MEMBER_CONTEXT}${FILLER}([A-Za-z]{0,4}[\-]?\d[\dA-Za-z\-]{3,19})`, 'giu'), group: 1 },
  { category: 'rx', needs: 'digit', pattern: new RegExp(String.raw`${RX_CONTEXT}${FILLER}(\d[\d\-]{3,14}\d)(?![\d])`, 'giu'), group: 1 },
  { category: 'email', needs: '@', pattern: /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![A-Za-z0-9-])/g },
  // Shapes without context.
  { category: 'ssn', needs: 'digit', pattern: /(?<![\d-])\d{3}[ -]\d{2}[ -]\d{4}(?![\d-])/g },
  {
    category: 'card',
    needs: 'digit',
    pattern: /(?<![\d-])(?:\d[ -]?){12,18}\d(?![\d-])/g,
    accept: (value) => {
      const digits = digitsOf(value);
      return digits.length >= 13 && digits.length <= 19 && luhn(digits);
    },
  },
  { category: 'phone', needs: 'digit', pattern: /(?<![\w-])(?:\+?1[ .-]?)?(?:\(\d{3}\)[ .-]?|\d{3}[ .-])\d{3}[ .-]\d{4}(?![\d-])/g },
  { category: 'phone', needs: 'digit', pattern: /(?<![\w\-+])\+?1?\d{10}(?!\d)/g, accept: (value) => digitsOf(value).length === 10 || /^\+?1/.test(value) },
  { category: 'phone', needs: 'digit', pattern: /\+(?:[2-9]\d{0,2})[ .-]?\d{2,4}(?:[ .-]?\d{2,4}){2,4}(?!\d)/g },
  // Any other long number: an Rx, member, account or order number typed without saying which.
  {
    category: 'number',
    needs: 'digit',
    pattern: /(?<![\d\-.,$€£])\d{3,6}(?:[ -]\d{3,6}){2,5}(?![\d-]|[.,]\d)/g,
    accept: (value) => digitsOf(value).length >= 12,
  },
  {
    category: 'number',
    needs: 'digit',
    pattern: /(?<![\d.,$€£\-/])\d(?:\d|-(?=\d)){6,21}(?![\d/]|[.,]\d)/g,
    accept: (value) => {
      const digits = digitsOf(value);
      return digits.length >= 7 && (value.match(/-/g) ?? []).length <= 1;
    },
  },
];

/**
 * Passwords: "my password is …", "password: …", "mi contraseña es …". Everything after the
 * disclosure up to the end of the line is taken, unless it starts with a word that describes the
 * password ("my password is not working").
 */
const SECRET_NOUN = String.raw`(?:password|passwd|passcode|pass\s?word|pwd|pw|pin|contrase(?:ñ|n)a|clave)`;
const PASSWORD = new RegExp(String.raw`\b${SECRET_NOUN}(?:\s*(?:[:=]|->)\s*|\s+(?:is|was|would be|should be|es|era|sería)\s*[:"'“]?\s*)([^\n]+)`, 'giu');
const DESCRIPTIVE = new Set(
  [
    'not', 'wrong', 'incorrect', 'correct', 'right', 'expired', 'locked', 'invalid', 'too', 'the', 'a', 'an', 'my', 'no',
    'still', 'being', 'blocked', 'rejected', 'fine', 'ok', 'okay', 'working', 'new', 'old', 'same', 'case', 'long', 'short',
    'forgotten', 'lost', 'gone', 'reset', 'changed', 'saved', 'stored', 'required', 'needed', 'that', 'this', 'what',
    'it', 'also', 'definitely', 'probably', 'always', 'never', 'weak', 'strong', 'incorrecta', 'correcta', 'bloqueada',
    'vencida', 'expirada', 'caducada', 'nueva', 'vieja', 'muy', 'mi', 'el', 'la', 'un', 'una', 'otra', 'demasiado',
    'válida', 'valida', 'inválida', 'invalida', 'segura',
  ],
);

function passwordFindings(text: string): PiiFinding[] {
  const found: PiiFinding[] = [];
  // exec from lastIndex 0 rather than matchAll (a copy of the RegExp per call); never matches ''.
  PASSWORD.lastIndex = 0;
  for (let match = PASSWORD.exec(text); match; match = PASSWORD.exec(text)) {
    const value = match[1]!;
    const first = value.trim().split(/\s+/)[0]!.replace(/^["'“‘(]+/, '').replace(/["'”’),.;!?]+$/, '').toLowerCase();
    if (!first || DESCRIPTIVE.has(first)) continue;
    const end = match.index! + match[0].length;
    const start = end - value.length;
    const lead = value.length - value.trimStart().length;
    found.push({ category: 'password', start: start + lead, end: end - (value.length - value.trimEnd().length) });
  }
  return found;
}

/** The rules as written, for the tests that check each rule's `needs` (test/common/redaction.test.ts). */
export const PII_RULES: ReadonlyArray<Readonly<Rule>> = RULES;

/** The rules compiled with match indices (the `d` flag), to place a group exactly. */
const COMPILED = RULES.map((rule) => {
  if (!rule.pattern.global) throw new Error(`PII rule ${rule.category} needs the g flag`);
  return { ...rule, pattern: new RegExp(rule.pattern.source, `${rule.pattern.flags.replace('d', '')}d`) };
});

const DIGIT = /\d/;

/**
 * Every finding, non-overlapping, in text order. Runs on every message and every reply (logs,
 * transcripts), so: a rule is skipped on a text without the character all its matches contain
 * (most replies have no digit), and each rule's own RegExp is run with exec from lastIndex 0
 * (matchAll would copy it on every call); no rule can match the empty string.
 */
export function findPii(text: string): PiiFinding[] {
  const taken: PiiFinding[] = [];
  const overlaps = (start: number, end: number) => taken.some((f) => start < f.end && f.start < end);
  for (const finding of passwordFindings(text)) taken.push(finding);
  const hasDigit = DIGIT.test(text);
  const hasAt = text.includes('@');
  for (const rule of COMPILED) {
    if (rule.needs === 'digit' ? !hasDigit : !hasAt) continue;
    const pattern = rule.pattern;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const span = match.indices?.[rule.group ?? 0];
      if (!span) continue;
      const [start, end] = span;
      const value = text.slice(start, end);
      if (rule.accept && !rule.accept(value)) continue;
      if (overlaps(start, end)) continue;
      taken.push({ category: rule.category, start, end });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** The text with every finding (of the given categories; default all) replaced by its tag. */
export function redactPii(text: string, categories: readonly PiiCategory[] = PII_CATEGORIES, keep?: PublicNumbers): string {
  const wanted = new Set(categories);
  let out = text;
  const kept = (f: PiiFinding) => Boolean(keep?.size) && (f.category === 'phone' || f.category === 'number') && keep!.has(numberKey(text.slice(f.start, f.end)));
  for (const finding of findPii(text).filter((f) => wanted.has(f.category) && !kept(f)).reverse()) {
    out = out.slice(0, finding.start) + PII_TAGS[finding.category] + out.slice(finding.end);
  }
  return out;
}

/**
 * Numbers that are nobody's personal data: the plan's own phone lines and the hotlines of its
 * portal profile. Redaction leaves them as they are, so the agent reads "call 1-800-555-0100",
 * not "[PHONE]", where the member was given the plan's number.
 */
export type PublicNumbers = ReadonlySet<string>;

/** The digits of a phone number, without a leading US country code: "1 (800) 555-0100" → "8005550100". */
export function numberKey(text: string): string {
  const digits = text.replace(/\D/g, '');
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
}

export function publicNumbers(numbers: readonly string[]): PublicNumbers {
  return new Set(numbers.map(numberKey).filter((key) => key.length >= 3));
}
