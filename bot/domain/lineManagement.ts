import { Person } from './person';

/**
 * Who line-manages whom, for PRD. Pure rules, no I/O: the directory (Microsoft Graph where it knows the relation,
 * else the app's own map) supplies the direct reports; here we decide who may prompt whom and read an imported map.
 */

/** One entry of the app's own map: `staffId` is line-managed by `managerId` (both Entra object ids). */
export interface LineManagement {
  schoolId: string;
  staffId: string;
  managerId: string;
}

export type ReflectionErrorCode = 'not_a_direct_report' | 'invalid_prompt' | 'invalid_reflection' | 'invalid_line_management' | 'prompt_not_found' | 'reflection_closed';

/** An error a person can cause with PRD reflection; the code is the contract, the message is shown as is. */
export class ReflectionError extends Error {
  constructor(
    readonly code: ReflectionErrorCode,
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ReflectionError';
  }
}

export function isReflectionError(error: unknown): error is ReflectionError {
  return error instanceof ReflectionError;
}

/**
 * Refuses the whole request when any person asked for is outside the prompter's team, so nothing is sent to anyone
 * (a card can submit any ids). SLT may prompt anyone.
 */
export function checkMayPrompt(input: { isSlt: boolean; directReportIds: readonly string[]; staffIds: readonly string[] }): void {
  if (input.isSlt) return;
  const outside = input.staffIds.filter((id) => !input.directReportIds.includes(id));
  if (outside.length > 0) {
    throw new ReflectionError('not_a_direct_report', 'You can only prompt your own direct reports to reflect.');
  }
}

export const maxLineManagementRows = 2000;

/**
 * A CSV row as imported: each side is an Entra object id, an email (UPN) or a display name as the school knows them.
 * `line` is where it is in the pasted text, to name it in problems; without it rows are counted.
 */
export interface LineManagementRow {
  staff: string;
  manager: string;
  line?: number;
}

export interface KnownMember extends Person {
  email?: string | null;
}

/** Looks like an email address (or UPN) rather than a name or an id. */
export function looksLikeEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text.trim());
}

/**
 * Turns imported rows into map entries, resolving each side against the school's known members by id, then email,
 * then name (case-insensitive; a name two people share is ambiguous). Any bad row refuses the import, with every
 * problem listed by line, so a half-applied map never replaces a good one. A person given two different line managers
 * is a problem; the same pair twice is not.
 */
export function resolveLineManagementRows(schoolId: string, rows: readonly LineManagementRow[], members: readonly KnownMember[]): LineManagement[] {
  const problems: Record<string, string> = {};
  if (rows.length === 0) problems.csv = 'The CSV has no rows: give one "staff, line manager" pair a line.';
  if (rows.length > maxLineManagementRows) problems.csv = `Import at most ${maxLineManagementRows} rows at a time.`;
  const entries = new Map<string, LineManagement & { where: string; managerText: string }>();
  rows.forEach((row, index) => {
    const where = row.line === undefined ? `row ${index + 1}` : `line ${row.line}`;
    const staff = resolveMember(row.staff, members);
    const manager = resolveMember(row.manager, members);
    const earlier = typeof staff === 'string' ? undefined : entries.get(staff.id);
    if (typeof staff === 'string') problems[where] = `staff "${row.staff}": ${staff}`;
    else if (typeof manager === 'string') problems[where] = `line manager "${row.manager}": ${manager}`;
    else if (staff.id === manager.id) problems[where] = `${staff.name} cannot be their own line manager`;
    else if (earlier && earlier.managerId !== manager.id) problems[where] = `${staff.name} already has line manager "${earlier.managerText}" (${earlier.where}); give each person one line manager`;
    else if (!earlier) entries.set(staff.id, { schoolId, staffId: staff.id, managerId: manager.id, where, managerText: row.manager });
  });
  if (Object.keys(problems).length > 0) throw new ReflectionError('invalid_line_management', 'The line-management CSV needs another look.', problems);
  return [...entries.values()].map(({ schoolId: s, staffId, managerId }) => ({ schoolId: s, staffId, managerId }));
}

/** One side of a row: the member, or why they could not be found. */
export function resolveMember(text: string, members: readonly KnownMember[]): KnownMember | string {
  const wanted = text.trim();
  if (wanted === '') return 'missing';
  const byId = members.find((m) => m.id === wanted);
  if (byId) return byId;
  const lower = wanted.toLowerCase();
  const byEmail = members.filter((m) => (m.email ?? '').toLowerCase() === lower);
  if (byEmail.length === 1) return byEmail[0]!;
  if (looksLikeEmail(wanted)) return byEmail.length > 1 ? 'more than one member has this email' : 'unknown email: nobody in the school or directory has this address';
  const byName = members.filter((m) => m.name.trim().toLowerCase() === lower);
  if (byName.length === 1) return byName[0]!;
  return byName.length > 1 ? 'more than one member has this name; use their email or id' : 'not a known member of the school';
}
