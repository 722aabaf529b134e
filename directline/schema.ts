import { z } from 'zod';
import { IDENTITY_EVENT } from '../identity/bot/assertionEvent';

/**
 * What a Direct Line client may send. Only these fields reach the bot; the channel sets the
 * rest (id, timestamp, channelId, conversation, from.id, recipient) itself, as Azure's does.
 */

export { IDENTITY_EVENT };
export const MAX_ASSERTION_CHARS = 16_384;

const short = (max: number) => z.string({ error: 'expected a string' }).max(max, { error: `at most ${max} characters` });

const attachment = z.object({
  contentType: short(256),
  content: z.unknown().optional(),
  contentUrl: short(4096)
    .refine((url) => /^https:\/\//i.test(url), { error: 'expected an https:// URL (uploads are not supported)' })
    .optional(),
  name: short(512).optional(),
  thumbnailUrl: short(4096).optional(),
});

export const postedActivitySchema = z
  .object(
    {
      type: z.enum(['message', 'typing', 'event'], { error: 'expected "message", "typing" or "event"' }),
      text: short(20_000).optional(),
      textFormat: z.enum(['plain', 'markdown', 'xml'], { error: 'expected plain, markdown or xml' }).optional(),
      locale: z
        .string({ error: 'expected a language tag' })
        .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { error: 'expected a language tag such as en-US' })
        .optional(),
      localTimestamp: short(64).optional(),
      localTimezone: short(64).optional(),
      from: z.object({ id: short(256).optional(), name: short(256).optional() }, { error: 'expected an object' }).optional(),
      name: short(256).optional(),
      value: z.unknown().optional(),
      replyToId: short(256).optional(),
      channelData: z.looseObject({}, { error: 'expected an object' }).optional(),
      attachments: z.array(attachment, { error: 'expected an array' }).max(10, { error: 'at most 10 attachments' }).optional(),
      entities: z.array(z.looseObject({}), { error: 'expected an array of objects' }).max(20, { error: 'at most 20 entities' }).optional(),
    },
    { error: 'expected an activity object' },
  )
  .superRefine((activity, ctx) => {
    if (activity.type === 'event' && !activity.name) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'required for an event' });
    }
    if (activity.name === IDENTITY_EVENT && (typeof activity.value !== 'string' || activity.value.length > MAX_ASSERTION_CHARS)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `expected the identity assertion as a string of at most ${MAX_ASSERTION_CHARS} characters` });
    }
  });

export type PostedActivity = z.infer<typeof postedActivitySchema>;

/** POST /v3/directline/conversations: optional; the user comes from the token. */
export const startConversationSchema = z.looseObject(
  {
    locale: z
      .string({ error: 'expected a language tag' })
      .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { error: 'expected a language tag such as en-US' })
      .optional(),
  },
  { error: 'expected an object' },
);

/** One short line for the first problems, e.g. "type: expected "message", "typing" or "event"". */
export function describeIssues(error: z.ZodError, what: string): string {
  const parts = error.issues.slice(0, 3).map((issue) => `${issue.path.length ? issue.path.join('.') : what}: ${issue.message}`);
  return `Not a valid ${what}: ${parts.join('; ')}.`;
}
