import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { StartupError } from '../../common/errors';
import { fromRoot } from '../../common/paths';

/**
 * The console's working data, in data files under `handoff/data/`, validated at start-up (a broken
 * file stops `npm start` with one line naming the file and the problem):
 *
 * - `dispositions.json`: the wrap-up codes an agent picks to close a chat;
 * - `queues.json`: the queues (general, billing, pharmacy, clinical, Spanish…), the skills an
 *   agent needs to be offered a queue's conversations first, and how a conversation is routed;
 * - `canned.json`: canned responses per locale.
 */

export class WorkspaceDataError extends StartupError {}

const id = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, { error: 'expected a lower-case id (letters, digits, _; at most 32)' });
const LOCALES = ['en', 'es'] as const;

export const skillsSchema = z.strictObject({
  language: z.enum(LOCALES).optional(),
  topic: id.optional(),
});
export type QueueSkills = z.infer<typeof skillsSchema>;

const dispositionsSchema = z.strictObject({
  $comment: z.string().optional(),
  dispositions: z
    .array(z.strictObject({ code: id, label: z.string().trim().min(1).max(80) }))
    .min(1)
    .refine(unique((d: { code: string }) => d.code), { error: 'codes must be unique' }),
});

const queuesSchema = z
  .strictObject({
    $comment: z.string().optional(),
    defaultQueue: id,
    skillFirstSeconds: z.int().min(0).max(3600),
    queues: z
      .array(
        z.strictObject({
          id,
          name: z.string().trim().min(1).max(40),
          skills: skillsSchema,
          intents: z.array(z.string().max(40)).optional(),
          locales: z.array(z.enum(LOCALES)).optional(),
        }),
      )
      .min(1)
      .refine(unique((q: { id: string }) => q.id), { error: 'queue ids must be unique' }),
  })
  .refine((data) => data.queues.some((q) => q.id === data.defaultQueue), { error: 'defaultQueue must name one of the queues', path: ['defaultQueue'] });

const cannedList = z
  .array(z.strictObject({ id, title: z.string().trim().min(1).max(40), text: z.string().trim().min(1).max(2000) }))
  .max(50)
  .refine(unique((c: { id: string }) => c.id), { error: 'ids must be unique within a locale' });
const cannedSchema = z.strictObject({ $comment: z.string().optional(), en: cannedList, es: cannedList });

export type Disposition = z.infer<typeof dispositionsSchema>['dispositions'][number];
export type QueueDefinition = z.infer<typeof queuesSchema>['queues'][number];
export type CannedResponses = z.infer<typeof cannedSchema>;

function unique<T>(key: (item: T) => string) {
  return (items: T[]) => new Set(items.map(key)).size === items.length;
}

function load<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new WorkspaceDataError(`Agent console data file ${file} could not be read: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new WorkspaceDataError(`Agent console data file ${file} is invalid: ${issues.join('; ')}.`);
  }
  return parsed.data;
}

export class WorkspaceData {
  private constructor(
    readonly dispositions: Disposition[],
    readonly queues: QueueDefinition[],
    readonly defaultQueue: string,
    readonly skillFirstMs: number,
    readonly canned: CannedResponses,
  ) {}

  static load(dir: string = fromRoot('handoff', 'data')): WorkspaceData {
    const dispositions = load(path.join(dir, 'dispositions.json'), dispositionsSchema);
    const queues = load(path.join(dir, 'queues.json'), queuesSchema);
    const canned = load(path.join(dir, 'canned.json'), cannedSchema);
    return new WorkspaceData(dispositions.dispositions, queues.queues, queues.defaultQueue, queues.skillFirstSeconds * 1000, {
      en: canned.en,
      es: canned.es,
    });
  }

  disposition(code: string): Disposition | undefined {
    return this.dispositions.find((d) => d.code === code);
  }

  queue(queueId: string): QueueDefinition | undefined {
    return this.queues.find((q) => q.id === queueId);
  }

  /** The queue a new conversation goes to: by language first, then by topic, else the default. */
  route(locale: string, intent: string | null): QueueDefinition {
    return (
      this.queues.find((q) => q.locales?.includes(locale as 'en')) ??
      this.queues.find((q) => intent !== null && q.intents?.includes(intent)) ??
      this.queue(this.defaultQueue)!
    );
  }
}
