import type { Lifecycle } from '../lifecycle';
import type { Route } from './server';

/** GET /healthz: 200 once the assistant can take turns; 503 while starting or shutting down. */
export function healthRoute(lifecycle: Lifecycle): Route {
  return {
    method: 'get',
    path: '/healthz',
    handler: async (_req, res) => {
      const phase = lifecycle.phase;
      res.header('Cache-Control', 'no-store');
      res.send(phase === 'ready' ? 200 : 503, { status: phase === 'ready' ? 'ok' : phase });
    },
  };
}
