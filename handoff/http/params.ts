import type { Request } from 'restify';
import type { z } from 'zod';
import { HttpError } from '../../http/errors';
import { describeIssues, ESCALATION_ID } from '../core/model';

/**
 * What the agent API's routes read from a request: a body checked against its schema, and the
 * escalation id of the path. Shared by the escalation routes and the workspace routes.
 */
export function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new HttpError(400, 'invalid_body', `Not a valid request: ${describeIssues(parsed.error)}.`);
  return parsed.data;
}

export function escalationId(req: Request): string {
  const id = String((req.params as Record<string, unknown> | undefined)?.id ?? '');
  if (!ESCALATION_ID.test(id)) throw new HttpError(404, 'not_found', 'No escalation with this id.');
  return id;
}
