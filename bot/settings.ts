import { z } from 'zod';

/** An optional setting: absent or blank means not set; anything else is trimmed. */
export const optionalText = z
  .string()
  .optional()
  .transform((text) => (text === undefined || text.trim() === '' ? undefined : text.trim()));

/** Reads the settings a schema names from the environment; on a problem each goes to `problems` (one line) and the result is null. */
export function readSettings<Schema extends z.ZodTypeAny>(schema: Schema, env: Record<string, string | undefined>, problems: string[]): z.output<Schema> | null {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  problems.push(...parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  return null;
}
