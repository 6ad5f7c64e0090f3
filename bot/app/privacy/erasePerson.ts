import { DomainError } from '../../domain/errors';
import { erasurePreview, ErasurePreviewLine, pseudonymFor } from '../../domain/erasure';
import { ErasureOutcome, ErasureRequest, SchoolPerson } from '../../ports/personalData';
import { AppDependencies } from '../dependencies';

export interface ErasurePreview {
  person: SchoolPerson;
  goes: ErasurePreviewLine[];
  stays: ErasurePreviewLine[];
}

export interface ErasureInput {
  schoolId: string;
  /** The senior leader asking. */
  byId: string;
  personId: string;
}

/** SLT of the school only, a member of that school only, and never themselves (someone else confirms). */
async function checkedMember(deps: AppDependencies, input: ErasureInput): Promise<SchoolPerson> {
  if (!deps.leadership.isSlt(input.schoolId, input.byId)) throw new DomainError('not_slt', 'Only senior leaders can erase a person.');
  if (input.personId === input.byId) throw new DomainError('cannot_erase_self', 'You cannot erase yourself.');
  const person = await deps.stores.personalData.findMember(input.schoolId, input.personId);
  if (!person) throw new DomainError('person_unknown', 'No such person in your school.');
  return person;
}

/** The first step: what erasing the person removes and what the school keeps without them. Changes nothing. */
export async function previewErasure(deps: AppDependencies, input: ErasureInput): Promise<ErasurePreview> {
  const person = await checkedMember(deps, input);
  const traces = await deps.stores.personalData.tracesOf(person.id, deps.clock.now());
  return { person, ...erasurePreview(traces) };
}

/** SLT look a person up by name, email or id among their school's members (current and left). */
export async function findPeopleToErase(deps: AppDependencies, input: { schoolId: string; byId: string; text: string }): Promise<SchoolPerson[]> {
  if (!deps.leadership.isSlt(input.schoolId, input.byId)) throw new DomainError('not_slt', 'Only senior leaders can erase a person.');
  return deps.stores.personalData.searchMembers(input.schoolId, input.text, 10);
}

export async function leaversAwaitingErasure(deps: AppDependencies, input: { schoolId: string; byId: string }): Promise<SchoolPerson[]> {
  if (!deps.leadership.isSlt(input.schoolId, input.byId)) throw new DomainError('not_slt', 'Only senior leaders can see leavers.');
  return deps.stores.personalData.leaversOf(input.schoolId);
}

/** SLT confirm: the person is erased (see eraseEverywhere). */
export async function erasePerson(deps: AppDependencies, input: ErasureInput): Promise<ErasureOutcome & { person: SchoolPerson }> {
  const person = await checkedMember(deps, input);
  const outcome = await eraseEverywhere(deps, { schoolId: input.schoolId, personId: person.id, erasedById: input.byId, reason: person.leftAt ? 'leaver' : 'request' });
  return { ...outcome, person };
}

/**
 * Erases a person from both stores. Goals kept in SharePoint go first, item by item (idempotent): if Graph fails, the
 * database is not touched at all, the error says so, and the same call later carries on where it stopped. Then the
 * database, in one transaction: a crash half way leaves the old state. Cards that showed the person are redrawn after.
 */
export async function eraseEverywhere(
  deps: AppDependencies,
  input: { schoolId: string; personId: string; erasedById: string; reason: ErasureRequest['reason'] },
): Promise<ErasureOutcome> {
  const external = deps.privacy?.externalGoals ?? null;
  let externalGoals = 0;
  if (external) {
    try {
      externalGoals = await external.deleteGoalsOf(input.personId);
    } catch (error) {
      throw new DomainError('goals_not_erased', `Goals in SharePoint could not be deleted: ${(error as Error).message}`);
    }
  }
  const outcome = await deps.stores.personalData.erase({
    ...input,
    pseudonym: pseudonymFor(deps.newId()),
    erasureId: deps.newId(),
    at: deps.clock.now(),
    alreadyErased: externalGoals > 0 ? { sharepoint_goals: { deleted: externalGoals, anonymised: 0 } } : {},
  });
  for (const offerId of outcome.offersToRedraw) deps.afterCommit.offerChanged(offerId);
  for (const roundId of outcome.roundsToRedraw) deps.reflections?.trackingChanged(roundId);
  if (outcome.promoted > 0) deps.afterCommit.noticesQueued();
  return outcome;
}
