import { GroupDefinition } from '../../../bot/domain/schoolGroups';
import { schoolId } from '../../factories/offers';
import type { StoreFixture } from './storeContract';

const at = new Date('2026-11-02T09:00:00Z');
const group = (id: string, fields: Partial<GroupDefinition> = {}): GroupDefinition => ({ id, name: `Group ${id}`, kind: 'cluster', schools: [], groups: [], leads: [], ...fields });
const file = [
  group('fvwl', { name: 'Forth Valley and West Lothian RIC', kind: 'collaborative', groups: ['falkirk'], leads: ['ric-lead'] }),
  group('falkirk', { kind: 'authority', groups: ['larbert-cluster'], schools: ['braes-high'] }),
  group('larbert-cluster', { schools: ['larbert-high', 'carron-primary'], leads: ['cluster-lead'] }),
];

/** Groups of schools (ports/schoolGroups.ts), for every database. */
export function describeSchoolGroupContract(db: StoreFixture): void {
  describe('school groups', () => {
    it('applies the groups file and answers through nesting: schools, leads inherited downwards, groups of a school', async () => {
      const stores = await db.open();
      expect(await stores.groups.applyFile(file, 'v1', at)).toEqual({ applied: true, groups: 3 });
      expect(await stores.groups.findGroup('fvwl')).toEqual({ id: 'fvwl', name: 'Forth Valley and West Lothian RIC', kind: 'collaborative' });
      expect(await stores.groups.findGroup('nowhere')).toBeUndefined();
      expect(await stores.groups.schoolsIn('fvwl')).toEqual(['braes-high', 'carron-primary', 'larbert-high']);
      expect(await stores.groups.isLead('larbert-cluster', 'ric-lead')).toBe(true);
      expect(await stores.groups.isLead('falkirk', 'cluster-lead')).toBe(false);
      expect((await stores.groups.groupsLedBy('ric-lead')).map((g) => g.id)).toEqual(['falkirk', 'fvwl', 'larbert-cluster']);
      expect(await stores.groups.groupsOfSchool('carron-primary')).toEqual([
        { id: 'falkirk', name: 'Group falkirk', kind: 'authority' },
        { id: 'fvwl', name: 'Forth Valley and West Lothian RIC', kind: 'collaborative' },
        { id: 'larbert-cluster', name: 'Group larbert-cluster', kind: 'cluster' },
      ]);
      // Members added together (one file) come by id.
      expect(await stores.groups.definitions()).toEqual([file[1], file[0], { ...file[2], schools: ['carron-primary', 'larbert-high'] }]);
    });

    it('a lead’s changes survive a restart with the same file; a changed file replaces its own rows and keeps the leads’ additions', async () => {
      const stores = await db.open();
      await stores.groups.applyFile(file, 'v1', at);
      expect(await stores.groups.changeGroup('larbert-cluster', 'cluster-lead', { kind: 'add_school', schoolId: 'stenhouse-primary' }, at)).toMatchObject({ outcome: 'changed' });
      expect(await stores.groups.changeGroup('larbert-cluster', 'cluster-lead', { kind: 'remove_school', schoolId: 'carron-primary' }, at)).toMatchObject({ outcome: 'changed' });
      expect(await stores.groups.changeGroup('larbert-cluster', 'ric-lead', { kind: 'add_lead', personId: 'deputy' }, at)).toMatchObject({ outcome: 'changed' });

      expect(await stores.groups.applyFile(file, 'v1', at)).toEqual({ applied: false, groups: 3 });
      expect(await stores.groups.schoolsIn('larbert-cluster')).toEqual(['larbert-high', 'stenhouse-primary']);

      const edited = [group('falkirk', { kind: 'authority', schools: ['braes-high'], leads: ['fk-lead'], groups: ['larbert-cluster'] }), group('larbert-cluster', { schools: ['larbert-high'] })];
      expect(await stores.groups.applyFile(edited, 'v2', at)).toEqual({ applied: true, groups: 2 });
      expect(await stores.groups.findGroup('fvwl')).toBeUndefined();
      expect(await stores.groups.definitions()).toEqual([
        { ...edited[0] },
        { ...edited[1], schools: ['larbert-high', 'stenhouse-primary'], leads: ['deputy'] },
      ]);
      expect(await stores.groups.isLead('larbert-cluster', 'ric-lead')).toBe(false);
    });

    it('refuses a change by someone who does not lead the group, and saves nothing', async () => {
      const stores = await db.open();
      await stores.groups.applyFile(file, 'v1', at);
      await stores.groups.applyFile([...file, group('grangemouth-cluster', { leads: ['other-lead'] })], 'v2', at);
      expect(await stores.groups.changeGroup('larbert-cluster', 'other-lead', { kind: 'add_lead', personId: 'other-lead' }, at)).toEqual({ outcome: 'refused', reason: 'not_group_lead' });
      expect(await stores.groups.changeGroup('falkirk', 'cluster-lead', { kind: 'add_school', schoolId: 'x' }, at)).toEqual({ outcome: 'refused', reason: 'not_group_lead' });
      expect(await stores.groups.isLead('larbert-cluster', 'other-lead')).toBe(false);
      expect(await stores.groups.schoolsIn('falkirk')).not.toContain('x');
    });

    it('rolls back a file that would leave the groups invalid, with every problem', async () => {
      const stores = await db.open();
      await stores.groups.applyFile(file, 'v1', at);
      const looped = [group('a', { groups: ['b'] }), group('b', { groups: ['a'] })];
      await expect(stores.groups.applyFile(looped, 'v2', at)).rejects.toMatchObject({ problems: ['groups contain one another in a cycle: a → b → a.'] });
      expect((await stores.groups.definitions()).map((g) => g.id)).toEqual(['falkirk', 'fvwl', 'larbert-cluster']);
    });

    it('a lead’s record shows the groups they lead and the leads they added; erasure removes them as a lead', async () => {
      const stores = await db.withSchool();
      await stores.schools.recordMember(schoolId, { id: 'cluster-lead', name: 'Cara Lead' });
      await stores.groups.applyFile(file, 'v1', at);
      await stores.groups.changeGroup('larbert-cluster', 'cluster-lead', { kind: 'add_lead', personId: 'deputy' }, at);

      const record = await stores.subjectAccess.personalDataOf('cluster-lead');
      expect(record.groupsLed).toEqual([{ groupId: 'larbert-cluster', groupName: 'Group larbert-cluster', addedById: null, since: at }]);
      expect(record.groupLeadsAdded).toEqual([{ groupId: 'larbert-cluster', personId: 'deputy', at }]);
      expect((await stores.subjectAccess.personalDataOf('deputy')).groupsLed).toEqual([{ groupId: 'larbert-cluster', groupName: 'Group larbert-cluster', addedById: 'cluster-lead', since: at }]);

      const outcome = await stores.personalData.erase({ schoolId, personId: 'cluster-lead', pseudonym: 'erased-1', erasureId: 'e1', erasedById: 'slt-1', reason: 'request', at });
      expect(outcome.counts.school_group_leads).toEqual({ deleted: 1, anonymised: 1 });
      expect(await stores.groups.isLead('larbert-cluster', 'cluster-lead')).toBe(false);
      expect((await stores.subjectAccess.personalDataOf('deputy')).groupsLed[0]?.addedById).toBe('erased-1');
      expect(await db.inspect('select person_id from school_group_leads where person_id = ? or added_by_id = ?', 'cluster-lead', 'cluster-lead')).toEqual([]);
    });
  });
}
