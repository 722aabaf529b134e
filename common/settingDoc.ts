import { z } from 'zod';

/**
 * What the people who deploy the assistant read about one environment setting. It is kept on the
 * setting's zod schema as metadata (`.meta({ description, secret, defaultText })`, zod's
 * generalisation of `.describe()`), next to the rule it documents; `npm run docs:settings` writes
 * docs/settings.md from it, and the configuration never echoes a secret setting's value.
 */
export const settingDocSchema = z.strictObject({
  /** What it does, in Markdown (a sentence or two). */
  description: z.string().trim().min(1),
  /** Never printed, logged or committed. */
  secret: z.boolean().default(false),
  /**
   * The default in words (Markdown), for a setting whose schema has no default of its own: one
   * that depends on other settings or is worked out at start-up.
   */
  defaultText: z.string().trim().min(1).optional(),
});
export type SettingDoc = z.output<typeof settingDocSchema>;

/** The documentation on a setting's schema; throws, naming the setting, when it has none or a malformed one. */
export function settingDocOf(name: string, schema: z.ZodType): SettingDoc {
  const parsed = settingDocSchema.safeParse(schema.meta() ?? {});
  if (!parsed.success) {
    throw new Error(`setting ${name} needs .meta({ description, secret?, defaultText? }): ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`);
  }
  return parsed.data;
}

/**
 * The settings of a shape whose documentation marks them secret. Lenient on purpose (it runs at
 * start-up): a setting without documentation is simply not secret here, and the docs test fails.
 */
export function secretSettings(shape: Record<string, z.ZodType>): Set<string> {
  return new Set(Object.entries(shape).filter(([, schema]) => schema.meta()?.secret === true).map(([name]) => name));
}
