import type { Lifecycle } from '../../common/lifecycle';
import type { Route } from '../../http/server';

/** Whether the state store worked for the latest turn (fed by TurnGuard). */
export class StoreHealth {
  private failing = false;

  record(ok: boolean): void {
    this.failing = !ok;
  }

  get ok(): boolean {
    return !this.failing;
  }
}

/**
 * GET /healthz: 200 once the assistant can take turns; 503 while starting or shutting down, and
 * `degraded` while the latest turn could not load or save its state (every turn would fail: a load
 * balancer should send members elsewhere). The next turn that saves makes it 200 again.
 */
export function healthRoute(lifecycle: Lifecycle, store?: StoreHealth): Route {
  return {
    method: 'get',
    path: '/healthz',
    handler: async (_req, res) => {
      const phase = lifecycle.phase;
      res.header('Cache-Control', 'no-store');
      if (phase === 'ready' && store && !store.ok) {
        res.send(503, { status: 'degraded', reason: 'conversation state cannot be saved' });
        return;
      }
      res.send(phase === 'ready' ? 200 : 503, { status: phase === 'ready' ? 'ok' : phase });
    },
  };
}
