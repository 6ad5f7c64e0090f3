import { DomainError } from '../../domain/errors';
import { hoursBySchoolYear, mayReadRecord, PersonalRecord, RecordFormat } from '../../domain/personalRecord';
import { Person } from '../../domain/person';
import { Clock } from '../../ports/clock';
import { GoalStore } from '../../ports/goalStore';
import { SubjectAccessReader, RecordDownloadLog } from '../../ports/subjectAccess';
import { SchoolDirectory } from '../../ports/schoolDirectory';
import { Leadership } from '../leadership';

export interface RecordDependencies {
  subjectAccess: SubjectAccessReader;
  downloads: RecordDownloadLog;
  schools: Pick<SchoolDirectory, 'schoolsOf'>;
  leadership: Pick<Leadership, 'sltIdsOf'>;
  /** Where goals are kept (the app database or the SharePoint list): the record reads them from there. */
  goals: GoalStore;
  clock: Clock;
  timeZone: string;
}

/** Refused exactly like a person who does not exist, so a refusal tells nothing about who is on the staff. */
export const recordNotFound = () => new DomainError('record_not_found', 'There is no record here that you may download.');

/**
 * A person's whole record, for the person or for a senior leader of their school (a subject access request usually
 * reaches the school office); anyone else is refused. The download is logged with ids only before the record is
 * handed over, so no copy leaves unrecorded. Goals come from wherever they are kept: if that store cannot be reached
 * the whole download fails rather than silently leaving them out.
 */
export async function downloadPersonalRecord(deps: RecordDependencies, input: { requester: Person; subjectId: string; format: RecordFormat }): Promise<PersonalRecord> {
  const subjectSchools = await deps.schools.schoolsOf(input.subjectId);
  const allowed = mayReadRecord({
    requesterId: input.requester.id,
    subjectId: input.subjectId,
    subjectSchoolIds: subjectSchools.map((s) => s.id),
    sltIdsOf: (schoolId) => deps.leadership.sltIdsOf(schoolId),
  });
  if (!allowed) throw recordNotFound();
  const [stored, goals] = await Promise.all([deps.subjectAccess.personalDataOf(input.subjectId), deps.goals.listGoals(input.subjectId)]);
  const kept = new Set(goals.map((g) => g.id));
  const now = deps.clock.now();
  await deps.downloads.recordDownload({ requesterId: input.requester.id, subjectId: input.subjectId, format: input.format, at: now });
  const own = input.requester.id === input.subjectId;
  const person = { id: input.subjectId, name: stored.memberships[0]?.nameSeen ?? (own ? input.requester.name : input.subjectId) };
  return {
    person,
    generatedAt: now,
    requestedBy: own ? person : input.requester,
    stored,
    goals: [...goals, ...stored.databaseGoals.filter((g) => !kept.has(g.id))].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
    goalsKeptIn: deps.goals.describe,
    hoursByYear: hoursBySchoolYear({ attendance: stored.attendance, activities: stored.activities, observations: stored.peerObservations, timeZone: deps.timeZone }),
    timeZone: deps.timeZone,
  };
}
