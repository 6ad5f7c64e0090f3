import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStores } from '../../../bot/adapters/sqlite/openSqliteStores';
import { mayActForGroup, requireGroupLead } from '../../../bot/app/groups/groupAccess';
import { Stores } from '../../../bot/ports/stores';

const group = (id: string, fields: object) => ({ id, name: `Group ${id}`, kind: 'cluster' as const, schools: [], groups: [], leads: [], ...fields });

describe('who may act for a group of schools', () => {
  let stores: Stores;
  beforeAll(async () => {
    stores = await openSqliteStores(join(mkdtempSync(join(tmpdir(), 'clpl-access-')), 'clpl.sqlite'));
    await stores.groups.applyFile(
      [
        group('falkirk', { kind: 'authority', groups: ['north', 'south'], leads: ['fk-lead'] }),
        group('north', { schools: ['larbert-high'], leads: ['north-lead'] }),
        group('south', { schools: ['braes-high'], leads: ['south-lead'] }),
      ],
      'v1',
      new Date('2026-11-02T09:00:00Z'),
    );
  });
  afterAll(() => stores.close());

  it('a lead may offer to, edit offers of and read reports of their group and the groups inside it', async () => {
    for (const action of ['offer', 'edit_offer', 'read_reports'] as const) {
      expect(await mayActForGroup(stores.groups, 'north', 'north-lead', action)).toBe(true);
      expect(await mayActForGroup(stores.groups, 'north', 'fk-lead', action)).toBe(true);
    }
    await expect(requireGroupLead(stores.groups, 'south', 'fk-lead', 'read_reports')).resolves.toEqual({ id: 'south', name: 'Group south', kind: 'cluster' });
  });

  it('a lead of one group cannot act for another, nor for the group above; a school’s SLT is no lead', async () => {
    for (const action of ['offer', 'edit_offer', 'read_reports'] as const) {
      expect(await mayActForGroup(stores.groups, 'south', 'north-lead', action)).toBe(false);
      expect(await mayActForGroup(stores.groups, 'falkirk', 'north-lead', action)).toBe(false);
    }
    await expect(requireGroupLead(stores.groups, 'north', 'slt-of-larbert-high', 'edit_offer')).rejects.toMatchObject({ code: 'not_group_lead' });
    await expect(requireGroupLead(stores.groups, 'nowhere', 'fk-lead', 'offer')).rejects.toMatchObject({ code: 'group_not_found' });
  });
});
