import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * A correlation id per HTTP request / turn, visible to everything that runs on its behalf
 * (middleware, dialogs, the turn-error handler) without threading it through every call.
 */
const storage = new AsyncLocalStorage<string>();

export function newCorrelationId(): string {
  return randomUUID();
}

export function runWithCorrelationId<T>(correlationId: string, fn: () => T): T {
  return storage.run(correlationId, fn);
}

/** The current turn's correlation id, or undefined outside a request. */
export function currentCorrelationId(): string | undefined {
  return storage.getStore();
}
