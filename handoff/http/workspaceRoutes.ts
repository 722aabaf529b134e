import type { Request, Response } from 'restify';
import { readJsonBody } from '../../http/body';
import type { Route } from '../../http/server';
import { splitTarget } from '../../http/url';
import type { Authenticated } from './auth';
import { ESCALATION_ID } from '../core/model';
import { escalationId, parse } from './params';
import type { HandoffService } from '../core/service';
import { detailView, view } from '../core/views';
import type { AgentWorkspace } from '../core/workspace';
import { historyQuerySchema, noteBodySchema, statusBodySchema, transferBodySchema, wrapUpBodySchema } from '../core/workspaceModel';
import { WorkspaceRefusal } from '../core/workspace';

/**
 * The working features' part of the agent API (authenticated, zod-validated, 4xx answers as
 * `{ "error", "message" }` like the rest of routes.ts):
 *
 * - `GET  /api/agent/workspace`: the agent's role, skills, capacity and status, the queues, the
 *   dispositions, the canned responses and the other agents on duty;
 * - `PUT  /api/agent/status` `{ "status": "available" | "busy" | "away" }`;
 * - `POST /api/agent/escalations/{id}/notes` `{ "text" }`: an internal note (never to the member);
 * - `POST /api/agent/escalations/{id}/wrapup` `{ "disposition", "note"? }`: after the chat closed;
 * - `POST /api/agent/escalations/{id}/transfer` `{ "queue" | "agent", "note"? }`;
 * - `POST /api/agent/escalations/{id}/typing`: the member sees that the agent is typing;
 * - `GET  /api/agent/history?member=&from=&to=&topic=` and `GET /api/agent/history/{id}`: closed
 *   conversations, for roles that allow it (403 otherwise).
 */

type Handle = (authenticated: boolean, work: (req: Request, res: Response, agent: Authenticated | undefined) => Promise<void>) => (req: Request, res: Response) => Promise<void>;

export function workspaceRoutes(deps: { workspace: AgentWorkspace; service: HandoffService; handle: Handle; maxBodyBytes: number; now: () => number }): Route[] {
  const { workspace, handle, now } = deps;
  const body = (req: Request, what: string) => readJsonBody(req, deps.maxBodyBytes, what);
  return [
    {
      method: 'get',
      path: '/api/agent/workspace',
      handler: handle(true, async (_req, res, agent) => {
        res.send(200, await workspace.overview(agent!.session.agent));
      }),
    },
    {
      method: 'put',
      path: '/api/agent/status',
      handler: handle(true, async (req, res, agent) => {
        const { status } = parse(statusBodySchema, await body(req, '{ "status" }'));
        await workspace.setStatus(agent!.session.agent, status);
        res.send(200, { status });
      }),
    },
    {
      method: 'post',
      path: '/api/agent/escalations/:id/notes',
      handler: handle(true, async (req, res, agent) => {
        const id = escalationId(req);
        const { text } = parse(noteBodySchema, await body(req, '{ "text" }'));
        res.send(201, { note: await workspace.addNote(id, agent!.session.agent, text) });
      }),
    },
    {
      method: 'post',
      path: '/api/agent/escalations/:id/wrapup',
      handler: handle(true, async (req, res, agent) => {
        const id = escalationId(req);
        const wrap = parse(wrapUpBodySchema, await body(req, '{ "disposition", "note"? }'));
        const record = await workspace.wrapUp(id, agent!.session.agent, wrap);
        res.send(200, { escalation: view(record, now()), wrapUp: record.wrapUp });
      }),
    },
    {
      method: 'post',
      path: '/api/agent/escalations/:id/transfer',
      handler: handle(true, async (req, res, agent) => {
        const id = escalationId(req);
        const transfer = parse(transferBodySchema, await body(req, '{ "queue" or "agent", "note"? }'));
        const record = await workspace.transfer(id, agent!.session.agent, transfer);
        res.send(200, { escalation: view(record, now()) });
      }),
    },
    {
      method: 'post',
      path: '/api/agent/escalations/:id/typing',
      handler: handle(true, async (req, res, agent) => {
        const id = escalationId(req);
        if (!req.complete) req.resume();
        res.send(200, { shown: await workspace.agentTyping(id, agent!.session.agent) });
      }),
    },
    {
      method: 'get',
      path: '/api/agent/history',
      handler: handle(true, async (req, res, agent) => {
        const query = Object.fromEntries([...splitTarget(req.url).query].filter(([, v]) => v.trim() !== ''));
        const found = await workspace.history(agent!.session.agent, parse(historyQuerySchema, query));
        res.send(200, { conversations: found });
      }),
    },
    {
      method: 'get',
      path: '/api/agent/history/:id',
      handler: handle(true, async (req, res, agent) => {
        const id = String((req.params as Record<string, unknown> | undefined)?.id ?? '');
        if (!ESCALATION_ID.test(id)) throw new WorkspaceRefusal(404, 'not_found', 'No closed conversation with this id.');
        const record = await workspace.historyRecord(id, agent!.session.agent);
        res.send(200, { escalation: workspace.detail(detailView(record, now(), null), record) });
      }),
    },
  ];
}
