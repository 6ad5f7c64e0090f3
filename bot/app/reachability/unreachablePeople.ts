import { DomainError } from '../../domain/errors';
import { UnreachablePerson } from '../../ports/reachability';
import { AppDependencies } from '../dependencies';

/** SLT see who in their school the bot cannot message 1:1, and why, so they can install the app for them. */
export async function unreachablePeople(deps: AppDependencies, input: { schoolId: string; personId: string }): Promise<UnreachablePerson[]> {
  if (!deps.leadership.isSlt(input.schoolId, input.personId)) throw new DomainError('not_slt', 'Only senior leaders can see who cannot be reached.');
  return deps.stores.reachability.unreachableIn(input.schoolId);
}
