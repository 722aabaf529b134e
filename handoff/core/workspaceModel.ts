import { z } from 'zod';

/**
 * What the console's working features keep on an escalation (model.ts spreads these fields into
 * the record's schema: they live and go with it, retention and "forget me" included) and the
 * bodies of their endpoints. Internal notes and wrap-ups are the agents' own: never sent to the
 * member, never in the member's transcript.
 */

export const MAX_NOTES = 100;
export const MAX_NOTE_TEXT = 1000;

const agentRef = z.strictObject({ id: z.string().max(256), name: z.string().max(128) });

export const noteSchema = z.strictObject({
  id: z.int().min(1),
  at: z.string(),
  agent: agentRef,
  text: z.string().max(MAX_NOTE_TEXT),
  /** A transfer's note says where it went. */
  transfer: z.strictObject({ queue: z.string().max(32).optional(), agent: agentRef.optional() }).optional(),
});
export type Note = z.infer<typeof noteSchema>;

export const wrapUpSchema = z.strictObject({
  code: z.string().max(32),
  label: z.string().max(80),
  note: z.string().max(MAX_NOTE_TEXT).optional(),
  at: z.string(),
  agent: agentRef,
});

/** Spread into escalationSchema (model.ts). */
export const workspaceFields = {
  /** The queue it was transferred to (else routed by language and topic, workspaceData.ts). */
  queue: z.string().max(32).optional(),
  /** When it (re-)entered its queue: the skills-first window counts from here. */
  queuedAt: z.string().optional(),
  notes: z.array(noteSchema).max(MAX_NOTES).optional(),
  wrapUp: wrapUpSchema.optional(),
};

const noteText = z
  .string({ error: 'expected the note as a string' })
  .trim()
  .min(1, { error: 'expected a non-empty note' })
  .max(MAX_NOTE_TEXT, { error: `at most ${MAX_NOTE_TEXT} characters` });

export const noteBodySchema = z.strictObject({ text: noteText }, { error: 'expected { "text" }' });

export const wrapUpBodySchema = z.strictObject(
  {
    disposition: z.string({ error: 'expected a disposition code (GET /api/agent/workspace lists them)' }).max(32),
    note: noteText.optional(),
  },
  { error: 'expected { "disposition", "note"? }' },
);

export const transferBodySchema = z
  .strictObject(
    {
      queue: z.string({ error: 'expected a queue id such as "billing"' }).max(32).optional(),
      agent: z.string({ error: 'expected an agent id' }).max(256).optional(),
      note: noteText.optional(),
    },
    { error: 'expected { "queue" } or { "agent" }, and an optional "note"' },
  )
  .refine((b) => (b.queue === undefined) !== (b.agent === undefined), { error: 'expected either "queue" or "agent"' });

export const AGENT_STATUSES = ['available', 'busy', 'away'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];
export const statusBodySchema = z.strictObject(
  { status: z.enum(AGENT_STATUSES, { error: `expected one of ${AGENT_STATUSES.join(', ')}` }) },
  { error: 'expected { "status" }' },
);

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date as YYYY-MM-DD' });
export const historyQuerySchema = z.strictObject(
  {
    member: z.string().trim().max(128).optional(),
    from: day.optional(),
    to: day.optional(),
    topic: z.string().trim().max(40).optional(),
  },
  { error: 'expected member, from, to and/or topic' },
);
