import { randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * One-time codes for SMS verification. A 6-digit code is sent to the number on file, in the same
 * SMS conversation (a spoofed sender never receives the reply, so typing it back proves the
 * phone is theirs). Only a salted scrypt hash of the code is kept, for `ttlMs`, with a small
 * number of tries; sending is rate limited per number.
 */

export const CODE_DIGITS = 6;

export interface CodeChallenge {
  /** The member the code was sent for (the number on file is theirs). */
  memberId: string;
  salt: string;
  hash: string;
  expiresAt: number;
  attemptsLeft: number;
}

export interface CodePolicy {
  ttlMs: number;
  attempts: number;
  /** Codes one number may be sent per `sendWindowMs`. */
  sendsPerWindow: number;
  sendWindowMs: number;
}

export const DEFAULT_CODE_POLICY: CodePolicy = { ttlMs: 10 * 60_000, attempts: 5, sendsPerWindow: 3, sendWindowMs: 60 * 60_000 };

export type CodeVerdict = 'verified' | 'wrong' | 'expired' | 'locked';

function hashCode(code: string, salt: string): Promise<string> {
  return new Promise((resolve, reject) =>
    scrypt(code, Buffer.from(salt, 'base64'), 32, { N: 16384, r: 8, p: 1 }, (err, key) => (err ? reject(err) : resolve(key.toString('base64')))),
  );
}

/** A new code and its challenge (the code itself is sent, never stored). */
export async function issueCode(memberId: string, now: number, policy: CodePolicy = DEFAULT_CODE_POLICY): Promise<{ code: string; challenge: CodeChallenge }> {
  const code = String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
  const salt = randomBytes(16).toString('base64');
  return { code, challenge: { memberId, salt, hash: await hashCode(code, salt), expiresAt: now + policy.ttlMs, attemptsLeft: policy.attempts } };
}

/** Checks a typed code; the challenge's tries go down on a wrong one (the caller stores it back). */
export async function checkCode(challenge: CodeChallenge, typed: string, now: number): Promise<{ verdict: CodeVerdict; challenge: CodeChallenge }> {
  if (now >= challenge.expiresAt) return { verdict: 'expired', challenge };
  if (challenge.attemptsLeft <= 0) return { verdict: 'locked', challenge };
  const candidate = typed.replace(/\D/g, '');
  const expected = Buffer.from(challenge.hash, 'base64');
  const actual = Buffer.from(await hashCode(candidate, challenge.salt), 'base64');
  if (candidate.length === CODE_DIGITS && timingSafeEqual(expected, actual)) return { verdict: 'verified', challenge };
  const attemptsLeft = challenge.attemptsLeft - 1;
  return { verdict: attemptsLeft > 0 ? 'wrong' : 'locked', challenge: { ...challenge, attemptsLeft } };
}

/** True when the message is a code: the digits alone (spaces or a dash allowed: "123 456"). */
export function looksLikeCode(text: string): boolean {
  return new RegExp(`^\\s*(?:\\d[\\s-]?){${CODE_DIGITS - 1}}\\d\\s*$`).test(text);
}

/** Send times kept for the rate limit: those within the window, plus now if allowed. */
export function allowSend(sentAt: readonly number[], now: number, policy: CodePolicy = DEFAULT_CODE_POLICY): { allowed: boolean; sentAt: number[] } {
  const recent = sentAt.filter((t) => now - t < policy.sendWindowMs && t <= now);
  if (recent.length >= policy.sendsPerWindow) return { allowed: false, sentAt: recent };
  return { allowed: true, sentAt: [...recent, now] };
}
