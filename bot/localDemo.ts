import { Person } from './domain/person';
import { Stores } from './ports/stores';

const [ailsa, callum, morag] = ['demo-ailsa', 'demo-callum', 'demo-morag'] as const;

/**
 * Staff to try the tab with locally before the bot has seen anyone (local mode only). Their emails are the local
 * directory's, so the line-management CSV can name them by email as SLT would in a real school.
 */
export const demoStaff: readonly (Person & { email: string })[] = [
  { id: ailsa, name: 'Ailsa Brown (demo)', email: 'ailsa.brown@demo-school.invalid' },
  { id: callum, name: 'Callum Reid (demo)', email: 'callum.reid@demo-school.invalid' },
  { id: morag, name: 'Morag Campbell (demo SLT)', email: 'morag.campbell@demo-school.invalid' },
];

/**
 * The demo school names its SLT (Morag), so its roles are real: Ailsa and Callum are staff, who propose offers for
 * Morag to approve and have no Offers dashboard. (A team added from the playground, with no SLT, is led by everyone.)
 */
export const demoSchool = { id: 'demo-school', name: 'Demo school (local)', tenantId: null, sltIds: [morag] as readonly string[] };

/** Morag line-manages Ailsa and Callum, so choosing her shows "My team"; choosing either of them does not. */
const demoLineManagement: readonly { staffId: string; managerId: string }[] = [
  { staffId: ailsa, managerId: morag },
  { staffId: callum, managerId: morag },
];

/**
 * `npm start` on a fresh store: a demo school with the demo staff and a line manager, so a newcomer can try the team
 * view without Teams. Only when no school exists yet, so a store that has met a real (or playground) team is untouched.
 * Returns whether it seeded.
 */
export async function seedLocalDemo(stores: Pick<Stores, 'schools' | 'reflections'>): Promise<boolean> {
  if ((await stores.schools.listSchools()).length > 0) return false;
  await stores.schools.upsertSchool({ id: demoSchool.id, name: demoSchool.name, tenantId: demoSchool.tenantId });
  for (const person of demoStaff) await stores.schools.recordMember(demoSchool.id, person);
  for (const { staffId, managerId } of demoLineManagement) await stores.reflections.setLineManager(demoSchool.id, staffId, managerId);
  return true;
}
