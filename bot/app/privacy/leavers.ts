import { AppDependencies } from '../dependencies';

/**
 * Teams said the person left one team of the school. They are a leaver only when they are in none of the school's
 * other teams; `stillIn(teamId)` asks Teams (true, false, or null when it cannot tell: then nothing is marked).
 */
export async function memberLeftTeam(
  deps: AppDependencies,
  input: { schoolId: string; teamId: string; personId: string; stillIn(teamId: string): Promise<boolean | null> },
): Promise<'left' | 'still_in_school' | 'unknown'> {
  const store = deps.stores.personalData;
  await store.recordTeam(input.schoolId, input.teamId);
  for (const teamId of await store.teamsOf(input.schoolId)) {
    if (teamId === input.teamId) continue;
    const inTeam = await input.stillIn(teamId);
    if (inTeam !== false) return inTeam === true ? 'still_in_school' : 'unknown';
  }
  return (await store.markLeft(input.schoolId, input.personId, deps.clock.now())) ? 'left' : 'unknown';
}

/** They joined a team of the school again: no longer waiting to be erased. */
export async function memberJoinedTeam(deps: AppDependencies, input: { schoolId: string; personIds: readonly string[] }): Promise<void> {
  for (const personId of input.personIds) await deps.stores.personalData.clearLeft(input.schoolId, personId);
}
