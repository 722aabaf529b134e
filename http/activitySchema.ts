import { z } from 'zod';

/**
 * The shape an inbound Bot Framework activity must have before the adapter sees it. Only the
 * fields the assistant relies on are checked; everything else passes through untouched (channels
 * add their own). Each failure names the field, e.g. "conversation.id: expected a non-empty string".
 */

const id = (what: string, max = 512) =>
  z.string({ error: `expected ${what}` }).trim().min(1, { error: `expected ${what}` }).max(max, { error: `at most ${max} characters` });

const account = (error = 'expected an object with an id, e.g. { "id": "user-1" }') =>
  z.looseObject(
    {
      id: id('a non-empty string', 512),
      name: z.string({ error: 'expected a string' }).max(512).optional(),
      role: z.string({ error: 'expected a string' }).max(64).optional(),
      aadObjectId: z.string({ error: 'expected a string' }).max(128).optional(),
    },
    { error },
  );

const attachment = z.looseObject({
  contentType: z.string({ error: 'expected a string' }).max(256),
  contentUrl: z.string({ error: 'expected a string' }).max(4096).optional(),
  name: z.string({ error: 'expected a string' }).max(512).optional(),
});

const isoDate = z
  .string({ error: 'expected an ISO 8601 date string' })
  .max(64)
  .refine((value) => !Number.isNaN(Date.parse(value)), { error: 'expected an ISO 8601 date string' });

export const DELIVERY_MODES = ['normal', 'notification', 'expectReplies', 'ephemeral'] as const;

export const inboundActivitySchema = z.looseObject({
  type: id('the activity type, e.g. "message"', 64),
  id: z.string({ error: 'expected a string' }).max(512).optional(),
  channelId: id('a non-empty string naming the channel, e.g. "webchat"', 64),
  serviceUrl: z.string({ error: 'expected a URL string' }).max(2048).optional(),
  conversation: z.looseObject({
    id: id('a non-empty string', 1024),
    isGroup: z.boolean({ error: 'expected true or false' }).optional(),
    tenantId: z.string({ error: 'expected a string' }).max(128).optional(),
  }, { error: 'expected an object with an id' }),
  from: account('expected the sender, e.g. { "id": "user-1" }'),
  recipient: account().optional(),
  text: z.string({ error: 'expected a string' }).optional(),
  locale: z.string({ error: 'expected a string' }).max(32).optional(),
  timestamp: isoDate.optional(),
  localTimestamp: isoDate.optional(),
  deliveryMode: z.enum(DELIVERY_MODES, { error: `expected one of ${DELIVERY_MODES.join(', ')}` }).optional(),
  replyToId: z.string({ error: 'expected a string' }).max(512).optional(),
  name: z.string({ error: 'expected a string' }).max(256).optional(),
  attachments: z.array(attachment, { error: 'expected an array' }).max(50).optional(),
  entities: z.array(z.looseObject({}), { error: 'expected an array of objects' }).max(50).optional(),
  membersAdded: z.array(account(), { error: 'expected an array' }).max(100).optional(),
  membersRemoved: z.array(account(), { error: 'expected an array' }).max(100).optional(),
  channelData: z.looseObject({}, { error: 'expected an object' }).optional(),
});

export type InboundActivity = z.infer<typeof inboundActivitySchema>;

/** One short line for the first few problems: "conversation.id: expected a non-empty string". */
export function describeActivityIssues(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length ? issue.path.join('.') : 'activity';
    return `${where}: ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return `Not a valid activity: ${parts.join('; ')}${more}.`;
}
