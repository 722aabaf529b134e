import { z } from 'zod';
import type { Parsed } from '../common/questions';

/**
 * Which prescription: an Rx number as printed on the label — digits with at most one dash; how
 * many digits is per plan (`prescriptions.rxNumber` in the portal profile, 7–12 by default) — or
 * the medicine's name. The name is only acknowledged, never stored or repeated.
 */
export type RxAnswer = { kind: 'rx'; rx: string } | { kind: 'name' };

export interface RxRule {
  minDigits: number;
  maxDigits: number;
}

/** Digit groups this long are an attempt at an Rx number; shorter ones are doses ("10 mg"). */
const RX_ATTEMPT_DIGITS = 4;
const MAX_NAME_WORDS = 4;

const nameSchema = z
  .string()
  .max(60)
  .regex(/^[\p{L}][\p{L}\p{N} .,/'’()-]*$/u)
  .refine((s) => s.split(/\s+/).length <= MAX_NAME_WORDS);

export function parseRx(text: string, rule: RxRule): Parsed<RxAnswer> {
  const trimmed = text.trim();
  const attempts = [...trimmed.matchAll(/(?<![\d-])\d[\d-]*\d(?![\d-])/g)]
    .map((m) => m[0])
    .filter((n) => n.replace(/-/g, '').length >= RX_ATTEMPT_DIGITS);
  if (attempts.length) {
    for (const attempt of attempts) {
      const digits = attempt.replace('-', '');
      if (/^\d+$/.test(digits) && digits.length >= rule.minDigits && digits.length <= rule.maxDigits) {
        return { ok: true, value: { kind: 'rx', rx: digits } };
      }
    }
    return { ok: false, error: 'refill.rx.invalid', vars: { min: rule.minDigits, max: rule.maxDigits } };
  }
  const name = trimmed.replace(/^(?:it'?s|its|the|my|es|mi|la|el)\s+/i, '');
  if (nameSchema.safeParse(name).success) return { ok: true, value: { kind: 'name' } };
  return { ok: false, error: 'refill.rx.unclear', vars: { min: rule.minDigits, max: rule.maxDigits } };
}
