import { Person } from './domain/person';
import { Stores } from './ports/stores';

/**
 * Staff to try the tab with locally before the bot has seen anyone (local mode only). Their emails are the local
 * directory's, so the line-management CSV can name them by email as SLT would in a real school.
 */
export const demoStaff: readonly (Person & { email: string })[] = [
  { id: 'demo-ailsa', name: 'Ailsa Brown (demo)', email: 'ailsa.brown@demo-school.invalid' },
  { id: 'demo-callum', name: 'Callum Reid (demo)', email: 'callum.reid@demo-school.invalid' },
  { id: 'demo-morag', name: 'Morag Campbell (demo SLT)', email: 'morag.campbell@demo-school.invalid' },
];

export const demoSchool = { id: 'demo-school', name: 'Demo school (local)', tenantId: null };

/** Morag line-manages Ailsa and Callum, so choosing her shows "My team"; choosing either of them does not. */
const demoLineManagement: readonly { staffId: string; managerId: string }[] = [
  { staffId: 'demo-ailsa', managerId: 'demo-morag' },
  { staffId: 'demo-callum', managerId: 'demo-morag' },
];

/**
 * `npm start` on a fresh store: a demo school with the demo staff and a line manager, so a newcomer can try the team
 * view without Teams. Only when no school exists yet, so a store that has met a real (or playground) team is untouched.
 * Returns whether it seeded.
 */
export async function seedLocalDemo(stores: Pick<Stores, 'schools' | 'reflections'>): Promise<boolean> {
  if ((await stores.schools.listSchools()).length > 0) return false;
  await stores.schools.upsertSchool(demoSchool);
  for (const person of demoStaff) await stores.schools.recordMember(demoSchool.id, person);
  for (const { staffId, managerId } of demoLineManagement) await stores.reflections.setLineManager(demoSchool.id, staffId, managerId);
  return true;
}
