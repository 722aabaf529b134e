/** Why a cloud call did not give a usable answer; the caller falls back to the local model. */
export type CloudFailure = 'error' | 'timeout' | 'malformed';

/**
 * A cloud recognizer failed. The message never contains member text or response bodies
 * (which may echo it) — only a class of failure and an HTTP status, safe to log.
 */
export class CloudRecognizerError extends Error {
  override readonly name = 'CloudRecognizerError';
  constructor(
    readonly reason: CloudFailure,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Raised through the AbortSignal when the configured timeout elapses. */
export class NluTimeoutError extends Error {
  override readonly name = 'NluTimeoutError';
  constructor(ms: number) {
    super(`cloud recognizer timed out after ${ms} ms`);
  }
}
