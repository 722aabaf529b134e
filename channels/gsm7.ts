/**
 * SMS character sets and segments. A text that is all GSM-7 (the 3GPP TS 23.038 default alphabet)
 * costs one segment up to 160 characters and 153 per segment beyond; one other character
 * ("•", curly quotes, "–", "…", "á") makes the whole text UCS-2: 70 characters, then 67 per
 * segment. Every segment is paid for, so the SMS renderer writes the look-alikes the assistant's
 * own texts use in GSM-7, and cuts long texts where a segment ends.
 */

const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** The extension table: each costs two characters (an escape and the character). */
const EXTENDED = '^{}\\[~]|€\f';
const BASIC_SET = new Set(BASIC);
const EXTENDED_SET = new Set(EXTENDED);

/** Typographic characters and their GSM-7 look-alikes. */
const LOOKALIKES: Array<[RegExp, string]> = [
  [/[•·●▪◦‣⁃]/g, '-'],
  [/[‘’‚‛′`´]/g, "'"],
  [/[“”„‟″«»]/g, '"'],
  [/[–—‒―−]/g, '-'],
  [/…/g, '...'],
  [/[\u00a0\u2007\u2009\u202f]/g, ' '],
  [/[\u200b\u2060\ufeff]/g, ''],
  [/→/g, '->'],
];

/** The text with typographic characters written in GSM-7 (letters of other alphabets stay). */
export function toGsm7(text: string): string {
  return LOOKALIKES.reduce((out, [pattern, plain]) => out.replace(pattern, plain), text);
}

/** True when every character is in the GSM-7 alphabet (basic or extension table). */
export function isGsm7(text: string): boolean {
  for (const ch of text) if (!BASIC_SET.has(ch) && !EXTENDED_SET.has(ch)) return false;
  return true;
}

/** Characters that are not GSM-7 (for messages that explain a failure). */
export function nonGsm7(text: string): string[] {
  return [...new Set([...text].filter((ch) => !BASIC_SET.has(ch) && !EXTENDED_SET.has(ch)))];
}

export interface SmsEncoding {
  encoding: 'gsm7' | 'ucs2';
  /** Length in the encoding's units (GSM-7 extension characters count twice; UCS-2 counts UTF-16 units). */
  units: number;
  segments: number;
}

export function smsEncoding(text: string): SmsEncoding {
  if (isGsm7(text)) {
    let units = 0;
    for (const ch of text) units += EXTENDED_SET.has(ch) ? 2 : 1;
    return { encoding: 'gsm7', units, segments: units <= 160 ? 1 : Math.ceil(units / 153) };
  }
  const units = text.length;
  return { encoding: 'ucs2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}

/**
 * The longest message, in characters, that fills whole segments without passing `max`:
 * 306 (2 × 153) for GSM-7 and 268 (4 × 67) for UCS-2 when the channel allows 320.
 */
export function segmentedLength(max: number, encoding: SmsEncoding['encoding']): number {
  const [single, part] = encoding === 'gsm7' ? [160, 153] : [70, 67];
  if (max < single * 2) return Math.min(max, Math.max(single, part * Math.floor(max / part)));
  return part * Math.floor(max / part);
}
