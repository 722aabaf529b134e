import type { Middleware, TurnContext } from 'botbuilder';
import type { AssistantMetrics } from '../metrics';

/**
 * Adapter middleware, first in the chain: every turn (any activity type, on every channel,
 * proactive ones too) is counted with its duration — from the first middleware to the end of the
 * bot's logic, replies delivered and state saved — and whether it threw.
 */
export function turnMetrics(metrics: Pick<AssistantMetrics, 'turn'>): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const started = performance.now();
      let outcome: 'ok' | 'error' = 'ok';
      try {
        await next();
      } catch (err) {
        outcome = 'error';
        throw err;
      } finally {
        metrics.turn(context.activity?.channelId ?? '', (performance.now() - started) / 1000, outcome);
      }
    },
  };
}
