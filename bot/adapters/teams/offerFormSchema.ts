import { DateTime } from 'luxon';
import { z } from 'zod';
import { FieldErrors } from '../../domain/errors';
import { Facilitator, OfferDraft } from '../../domain/offer';
import { Person } from '../../domain/person';
import { TagCatalogue } from '../../domain/tags';
import { OfferFormValues } from './cards/offerFormCard';

/** Card inputs arrive as strings (or are missing when left empty); anything else is a malformed submission. */
const text = (max: number) => z.string().max(max, `Keep this under ${max} characters.`).optional().default('');

export const offerFormSchema = z.object({
  title: text(120),
  description: text(2000),
  facilitator: text(120),
  facilitatorIsMe: text(5),
  startDate: text(10),
  startTime: text(5),
  endTime: text(5),
  location: text(200),
  onlineLink: text(1000),
  capacity: text(6),
  closesDate: text(10),
  closesTime: text(5),
  standards: text(200),
  priorities: text(400),
  followUpWeeks: text(6),
  audience: text(64),
  quotaPerSchool: text(6),
  quotaReleasesDate: text(10),
  needsApproval: text(5),
});

export type OfferFormResult =
  /** `groupId`: the group the offer is for (posted to every member school), absent for the author's own school. */
  | { ok: true; draft: OfferDraft; values: OfferFormValues; groupId?: string }
  | { ok: false; values: OfferFormValues; errors: FieldErrors };

/**
 * Turns the submitted form into a typed draft, or into per-field messages with the person's values kept. Shape only:
 * the domain's own rules (end after start, closing before start, …) are checked by `offerDraftProblems`.
 */
export function parseOfferForm(
  data: unknown,
  context: {
    author: Person;
    timeZone: string;
    catalogue: TagCatalogue;
    knownStaff: readonly Person[];
    /** Groups the author leads, the only ones "For whom" may name. */
    groupIds?: readonly string[];
    /** Editing: whom the offer is for is fixed (its group id, or null for a school's own offer). */
    fixedGroupId?: string | null;
  },
): OfferFormResult {
  const parsed = offerFormSchema.safeParse(data);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] = issue.message;
    return { ok: false, values: echo(data), errors };
  }
  const v = parsed.data;
  const values: OfferFormValues = { ...v, audience: v.audience || 'school', needsApproval: v.needsApproval === 'true' ? 'true' : 'false' };
  const errors: FieldErrors = {};

  const title = v.title.trim();
  if (title === '') errors.title = 'Give the session a title.';
  const startDate = localDate(v.startDate, 'startDate', errors);
  const startsAt = localInstant(startDate, v.startTime, context.timeZone, 'startTime', errors);
  const endsAt = localInstant(startDate, v.endTime, context.timeZone, 'endTime', errors);
  const closesAt = localInstant(localDate(v.closesDate, 'closesDate', errors), v.closesTime, context.timeZone, 'closesTime', errors);

  const capacity = /^\d+$/.test(v.capacity.trim()) ? Number(v.capacity.trim()) : NaN;
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > 1000) errors.capacity = 'Places must be a whole number from 1 to 1000.';

  const onlineLink = v.onlineLink.trim();
  if (onlineLink !== '' && !isWebLink(onlineLink)) errors.onlineLink = 'The online link must start with https://';

  const facilitator = facilitatorOf(v, context.author, context.knownStaff);
  if (!facilitator) errors.facilitator = 'Name the facilitator, or tick "I am facilitating".';

  const followUpWeeks = weeksOf(v.followUpWeeks, errors);

  const groupId = audienceOf(v.audience, context, errors);
  const quota = quotaOf(v, groupId, context.timeZone, errors);

  const standards = pickChoices(v.standards, context.catalogue.standards, 'standards', errors);
  const priorities = pickChoices(v.priorities, context.catalogue.priorities, 'priorities', errors);

  if (Object.keys(errors).length > 0 || !startsAt || !endsAt || !closesAt || !facilitator) return { ok: false, values, errors };
  return {
    ok: true,
    values,
    ...(groupId === undefined ? {} : { groupId }),
    draft: {
      title,
      description: v.description.trim(),
      facilitator,
      startsAt,
      endsAt,
      timeZone: context.timeZone,
      location: v.location.trim() || null,
      onlineLink: onlineLink || null,
      capacity,
      signUpsCloseAt: closesAt,
      tags: { standards, priorities },
      ...(followUpWeeks === undefined ? {} : { followUpWeeks }),
      ...quota,
      ...(v.needsApproval === 'true' ? { needsApproval: true } : {}),
    },
  };
}

function audienceOf(value: string, context: { groupIds?: readonly string[]; fixedGroupId?: string | null }, errors: FieldErrors): string | undefined {
  if (context.fixedGroupId !== undefined) return context.fixedGroupId ?? undefined;
  const chosen = value.trim();
  if (chosen === '' || chosen === 'school') return undefined;
  if (context.groupIds?.includes(chosen)) return chosen;
  errors.audience = 'Choose this school or a group of schools you lead.';
  return undefined;
}

/** Places per school and their release only mean something for a group offer; for a school's own offer they are refused. */
function quotaOf(v: z.infer<typeof offerFormSchema>, groupId: string | undefined, zone: string, errors: FieldErrors): Pick<OfferDraft, 'quotaPerSchool' | 'quotaReleasesAt'> {
  const quotaText = v.quotaPerSchool.trim();
  const releaseText = v.quotaReleasesDate.trim();
  const onlyForGroups = 'is only for an offer to a group of schools: choose the group under "For whom", or leave it empty.';
  if (groupId === undefined) {
    if (quotaText !== '') errors.quotaPerSchool = `Places per school ${onlyForGroups}`;
    if (releaseText !== '') errors.quotaReleasesAt = `Returning unused places ${onlyForGroups}`;
    return {};
  }
  const result: Pick<OfferDraft, 'quotaPerSchool' | 'quotaReleasesAt'> = {};
  if (quotaText !== '') {
    const quota = Number(quotaText);
    if (!Number.isInteger(quota) || quota < 1 || quota > 1000) errors.quotaPerSchool = 'Places per school must be a whole number from 1 to 1000.';
    else result.quotaPerSchool = quota;
  }
  if (releaseText !== '') {
    const date = localDate(releaseText, 'quotaReleasesAt', errors);
    // Released at the start of that day in the school's zone.
    const at = date ? DateTime.fromISO(date, { zone }) : null;
    if (at?.isValid) result.quotaReleasesAt = at.toJSDate();
    else if (date) errors.quotaReleasesAt = 'That date does not exist.';
  }
  return result;
}

/** Empty: the school's default. Teams may send a number input as "6" or "6.0". */
function weeksOf(value: string, errors: FieldErrors): number | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  const weeks = Number(text);
  if (!Number.isInteger(weeks) || weeks < 0 || weeks > 26) {
    errors.followUpWeeks = 'Follow up after a whole number of weeks from 0 (no follow-up) to 26.';
    return undefined;
  }
  return weeks;
}

function localDate(value: string, field: string, errors: FieldErrors): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return value.trim();
  errors[field] = value.trim() === '' ? 'Choose a date.' : 'Use a date like 2026-12-03.';
  return null;
}

function localInstant(date: string | null, time: string, zone: string, field: string, errors: FieldErrors): Date | null {
  if (!/^\d{2}:\d{2}$/.test(time.trim())) {
    errors[field] = time.trim() === '' ? 'Choose a time.' : 'Use a time like 15:30.';
    return null;
  }
  if (!date) return null;
  const at = DateTime.fromISO(`${date}T${time.trim()}`, { zone });
  if (!at.isValid) {
    errors[field] = 'That date and time do not exist.';
    return null;
  }
  return at.toJSDate();
}

function facilitatorOf(v: z.infer<typeof offerFormSchema>, author: Person, knownStaff: readonly Person[]): Facilitator | null {
  if (v.facilitatorIsMe === 'true') return { kind: 'staff', userId: author.id, name: author.name };
  const name = v.facilitator.trim();
  if (name === '') return null;
  const colleague = knownStaff.find((p) => p.name.toLowerCase() === name.toLowerCase());
  return colleague ? { kind: 'staff', userId: colleague.id, name: colleague.name } : { kind: 'external', name };
}

function pickChoices(value: string, labels: readonly string[], field: string, errors: FieldErrors): string[] {
  const picked = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const chosen: string[] = [];
  for (const index of picked) {
    const label = /^\d+$/.test(index) ? labels[Number(index)] : undefined;
    if (label === undefined) {
      errors[field] = 'Choose from the list.';
      return [];
    }
    chosen.push(label);
  }
  return chosen;
}

function isWebLink(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

function echo(data: unknown): OfferFormValues {
  const source = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const pick = (key: keyof OfferFormValues, fallback = '') => (typeof source[key] === 'string' ? (source[key] as string) : fallback);
  return {
    title: pick('title'),
    description: pick('description'),
    facilitator: pick('facilitator'),
    facilitatorIsMe: pick('facilitatorIsMe', 'false'),
    startDate: pick('startDate'),
    startTime: pick('startTime'),
    endTime: pick('endTime'),
    location: pick('location'),
    onlineLink: pick('onlineLink'),
    capacity: pick('capacity', '20'),
    closesDate: pick('closesDate'),
    closesTime: pick('closesTime'),
    standards: pick('standards'),
    priorities: pick('priorities'),
    followUpWeeks: pick('followUpWeeks'),
    audience: pick('audience', 'school'),
    quotaPerSchool: pick('quotaPerSchool'),
    quotaReleasesDate: pick('quotaReleasesDate'),
    needsApproval: pick('needsApproval', 'false'),
  };
}
