import { Request } from 'restify';
import { Person } from '../../domain/person';
import { isLoopback } from '../../config';
import { demoStaff } from '../../localDemo';
import { SchoolDirectory } from '../../ports/schoolDirectory';
import { TabTokenValidator, Unauthenticated } from './tabTokenValidator';

export const devUserHeader = 'x-clpl-dev-user';

export interface Identifier {
  /** Who is calling, or throws Unauthenticated. */
  identify(req: Request): Promise<Person>;
  /** The development identities on offer (local mode only; empty elsewhere). */
  devPeople(): Promise<Person[]>;
  localMode: boolean;
}

/**
 * Who is calling the tab API: the person in a valid Teams SSO bearer token; or, in local mode only and only from a
 * loopback address, a development identity from the local staff directory named in the X-CLPL-Dev-User header.
 */
export function createIdentifier(options: { validator: TabTokenValidator | null; localMode: boolean; schools: SchoolDirectory }): Identifier {
  const devPeople = async (): Promise<Person[]> => {
    if (!options.localMode) return [];
    const people = new Map<string, Person>();
    for (const school of await options.schools.listSchools()) {
      for (const person of await options.schools.listMembers(school.id)) people.set(person.id, person);
    }
    for (const { id, name } of demoStaff) if (!people.has(id)) people.set(id, { id, name });
    return [...people.values()];
  };
  return {
    localMode: options.localMode,
    devPeople,
    async identify(req) {
      const authorization = req.header('authorization') ?? '';
      const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
      if (bearer) {
        if (!options.validator) throw new Unauthenticated('single sign-on is not configured on this server');
        return options.validator.identify(bearer);
      }
      const devUser = req.header(devUserHeader);
      if (devUser) {
        const remote = (req.socket?.remoteAddress ?? '').replace(/^::ffff:/, '');
        if (!options.localMode || !isLoopback(remote)) throw new Unauthenticated('development identities are only accepted in local mode, from this machine');
        const person = (await devPeople()).find((p) => p.id === devUser);
        if (!person) throw new Unauthenticated('unknown development identity');
        return person;
      }
      throw new Unauthenticated('no token');
    },
  };
}
