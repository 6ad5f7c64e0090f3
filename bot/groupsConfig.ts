import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { GroupDefinition, groupKinds, groupProblems } from './domain/schoolGroups';
import { optionalText, readSettings } from './settings';

/** The groups file (CLPL_GROUPS_FILE), checked whole at start-up; applied to the database by server.ts. */
export interface GroupsFileConfig {
  file: string;
  definitions: GroupDefinition[];
  /** Of the definitions as read (not the file's bytes), so re-indenting the file does not apply it again. */
  fingerprint: string;
}

const groupsEnvironment = z.object({ CLPL_GROUPS_FILE: optionalText });

const ids = z.array(z.string()).default([]);
/** Strict: a misspelt key ("school" for "schools") would otherwise drop members silently. */
const groupsFileSchema = z
  .object({
    groups: z.array(
      z
        .object({
          id: z.string(),
          name: z.string(),
          kind: z.enum(groupKinds),
          schools: ids,
          groups: ids,
          leads: ids,
        })
        .strict(),
    ),
  })
  .strict();

/** Reads and checks the groups file, adding every problem (shape and meaning) to `problems`; null when unset or bad. */
export function loadGroupsFile(env: Record<string, string | undefined>, problems: string[]): GroupsFileConfig | null {
  const file = readSettings(groupsEnvironment, env, problems)?.CLPL_GROUPS_FILE;
  if (!file) return null;
  const where = `CLPL_GROUPS_FILE ${file}`;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(`${where}: cannot read it as JSON (${(error as Error).message}).`);
    return null;
  }
  const parsed = groupsFileSchema.safeParse(json);
  if (!parsed.success) {
    problems.push(...parsed.error.issues.map((i) => `${where}: ${i.path.join('.') || 'the file'}: ${i.message}`));
    return null;
  }
  const definitions = parsed.data.groups;
  const meaning = groupProblems(definitions);
  if (meaning.length > 0) {
    problems.push(...meaning.map((p) => `${where}: ${p}`));
    return null;
  }
  return { file, definitions, fingerprint: createHash('sha256').update(JSON.stringify(definitions)).digest('hex') };
}
