import { DomainError } from '../../domain/errors';
import { Person } from '../../domain/person';
import { ProgrammeAudienceContext, programmePublishKey, ProgrammeImport, ProgrammeProblem, publishTimeOf } from '../../domain/programme';
import { NewJob } from '../../ports/jobs';
import { AppDependencies } from '../dependencies';
import { parseProgrammeCsv } from './programmeCsv';

export type ProgrammePreview = { ok: true; programme: ProgrammeImport } | { ok: false; problems: ProgrammeProblem[] };

const notAllowed = () => new DomainError('programme_not_slt', 'Only senior leaders or CLPL leads of a group of schools can import a programme.');

/** Whom this person may offer to from a file imported into this school: the `for` column's rules. */
export async function programmeAudienceOf(deps: AppDependencies, schoolId: string, personId: string): Promise<ProgrammeAudienceContext> {
  const led = await deps.stores.groups.groupsLedBy(personId);
  const groups = led.length === 0 ? [] : (await deps.stores.groups.definitions()).map((g) => ({ id: g.id, name: g.name }));
  return { isSlt: deps.leadership.isSlt(schoolId, personId), groups, ledGroupIds: led.map((g) => g.id) };
}

/** SLT of the school, or a lead of some group: anyone else cannot import (and their file is not even read). */
export async function mayImportProgramme(deps: AppDependencies, schoolId: string, personId: string): Promise<boolean> {
  return deps.leadership.isSlt(schoolId, personId) || (await deps.stores.groups.groupsLedBy(personId)).length > 0;
}

/**
 * A senior leader's or group lead's programme file: checked whole; kept (pending) only when every line is fine, for the
 * preview to confirm or cancel. A file with problems stores nothing.
 */
export async function previewProgramme(
  deps: AppDependencies,
  input: { schoolId: string; importer: Person; fileName: string; file: Buffer | string; timeZone: string },
): Promise<ProgrammePreview> {
  const audience = await programmeAudienceOf(deps, input.schoolId, input.importer.id);
  if (!audience.isSlt && audience.ledGroupIds.length === 0) throw notAllowed();
  const school = await deps.stores.schools.findSchool(input.schoolId);
  if (!school) throw new DomainError('school_unknown', 'This school is not set up yet.');
  const now = deps.clock.now();
  const knownStaff = await deps.stores.schools.listMembersWithEmails(input.schoolId);
  const parsed = parseProgrammeCsv(input.file, { timeZone: input.timeZone, catalogue: deps.tagCatalogue, knownStaff, audience, now });
  if (!parsed.ok) return parsed;
  // Better said now than on each publish date (a group offer goes to its schools' channels, checked when posted).
  if (!school.clplChannel && parsed.items.some((item) => item.groupId === undefined)) {
    throw new DomainError('clpl_channel_not_set', 'No CLPL channel has been chosen for this school.');
  }
  const programme: ProgrammeImport = {
    id: deps.newId(),
    schoolId: input.schoolId,
    importer: input.importer,
    fileName: input.fileName.slice(0, 200),
    items: parsed.items.map((item) => ({ ...item, offerId: deps.newId() })),
    status: 'pending',
    createdAt: now,
    decidedAt: null,
  };
  await deps.stores.programmeImports.save(programme);
  return { ok: true, programme };
}

async function programmeFor(deps: AppDependencies, importId: string, person: Person): Promise<ProgrammeImport> {
  const programme = await deps.stores.programmeImports.find(importId);
  if (!programme) throw new DomainError('programme_not_found', 'That programme is no longer kept.');
  // Deciding is for whoever could have imported every line: SLT for the school's own offers, a lead for each group's.
  const audience = await programmeAudienceOf(deps, programme.schoolId, person.id);
  const allowed = programme.items.every((item) => (item.groupId === undefined ? audience.isSlt : audience.ledGroupIds.includes(item.groupId)));
  if (!allowed) throw notAllowed();
  return programme;
}

/** Each offer's publish job, due on its publish date (now when it has none or that has passed). */
export function publishJobs(programme: ProgrammeImport, now: Date): NewJob[] {
  return programme.items.map((item) => ({
    key: programmePublishKey(programme.id, item.line),
    dueAt: publishTimeOf(item, now),
    job: { kind: 'programme_publish', importId: programme.id, line: item.line },
  }));
}

/**
 * Confirms the preview: every offer gets its publish job. Once only: a second press (or a second instance) finds it
 * no longer pending and schedules nothing; `scheduledNow` says which happened.
 */
export async function scheduleProgramme(deps: AppDependencies, input: { importId: string; person: Person }): Promise<{ programme: ProgrammeImport; scheduledNow: boolean }> {
  const programme = await programmeFor(deps, input.importId, input.person);
  const now = deps.clock.now();
  const scheduledNow = programme.status === 'pending' && (await deps.stores.programmeImports.schedule(programme.id, publishJobs(programme, now), now));
  const current = (await deps.stores.programmeImports.find(programme.id)) ?? programme;
  return { programme: current, scheduledNow };
}

export async function cancelProgramme(deps: AppDependencies, input: { importId: string; person: Person }): Promise<{ programme: ProgrammeImport; cancelledNow: boolean }> {
  const programme = await programmeFor(deps, input.importId, input.person);
  const cancelledNow = programme.status === 'pending' && (await deps.stores.programmeImports.cancel(programme.id, deps.clock.now()));
  const current = (await deps.stores.programmeImports.find(programme.id)) ?? programme;
  return { programme: current, cancelledNow };
}
