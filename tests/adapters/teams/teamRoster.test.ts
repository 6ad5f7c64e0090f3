import { rosterMember } from '../../../bot/adapters/teams/teamRoster';

describe('a team roster entry as a school member', () => {
  it('is keyed by Entra object id and named by email, else by sign-in name', () => {
    expect(rosterMember({ id: '29:a', aadObjectId: 'aad-a', name: 'Ailsa Reid', email: ' Ailsa.Reid@school.scot ', userPrincipalName: 'areid@school.scot' })).toEqual({
      id: 'aad-a',
      name: 'Ailsa Reid',
      email: 'Ailsa.Reid@school.scot',
    });
    expect(rosterMember({ id: '29:b', aadObjectId: 'aad-b', name: 'Bea Clark', email: '', userPrincipalName: 'bea.clark@school.scot' })?.email).toBe('bea.clark@school.scot');
  });

  it('is left out without an Entra object id (a bot) or any address to name them by', () => {
    expect(rosterMember({ id: '28:bot', name: 'Other bot' })).toBeNull();
    expect(rosterMember({ id: '29:c', aadObjectId: 'aad-c', name: 'Cal Ross' })).toBeNull();
  });
});
