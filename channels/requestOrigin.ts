import type { TurnContext } from 'botbuilder';

const ORIGIN = Symbol('requestOrigin');

/**
 * Where the HTTP request that brought a turn came from: `loopback` when it reached this process
 * directly from this machine (no proxy in between), `remote` otherwise. Turns that came through no
 * HTTP request (the in-process channel's, proactive ones, tests' TestAdapter) have none.
 */
export type RequestOrigin = 'loopback' | 'remote';

export function setRequestOrigin(context: TurnContext, origin: RequestOrigin): void {
  context.turnState.set(ORIGIN, origin);
}

export function requestOrigin(context: TurnContext): RequestOrigin | undefined {
  return context.turnState.get(ORIGIN) as RequestOrigin | undefined;
}
