import { leadershipFromConfig } from '../../bot/app/leadership';

describe('who leads CLPL in a school', () => {
  const config = { sltBySchool: { '*': [], 'demo-school': ['morag'], balerno: ['head'] } };

  it('a school that names its SLT is led by them alone, also in local mode', () => {
    const leadership = leadershipFromConfig({ ...config, schoolsWithoutSltLedByEveryone: true });
    expect(leadership.isSlt('demo-school', 'morag')).toBe(true);
    expect(leadership.isSlt('demo-school', 'ailsa')).toBe(false);
    expect(leadership.sltIdsOf('demo-school')).toEqual(['morag']);
  });

  it('local mode with no SLT configured: a school without SLT (a playground team) is led by everyone, yet has no SLT to ask', () => {
    const leadership = leadershipFromConfig({ ...config, schoolsWithoutSltLedByEveryone: true });
    expect(leadership.isSlt('playground-team', 'anyone')).toBe(true);
    expect(leadership.sltIdsOf('playground-team')).toEqual([]);
  });

  it('otherwise a school without SLT is led by no one, and SLT for every school (`*`) lead each one', () => {
    const leadership = leadershipFromConfig({ sltBySchool: { ...config.sltBySchool, '*': ['trust-lead'] }, schoolsWithoutSltLedByEveryone: false });
    expect(leadership.isSlt('playground-team', 'anyone')).toBe(false);
    expect(leadership.isSlt('playground-team', 'trust-lead')).toBe(true);
    expect(leadership.isSlt('balerno', 'trust-lead')).toBe(true);
    expect(leadership.sltIdsOf('balerno')).toEqual(['head', 'trust-lead']);
  });
});
