import { Request } from 'restify';
import { createIdentifier } from '../../bot/http/auth/identify';
import { SchoolDirectory } from '../../bot/ports/schoolDirectory';

const schools = {
  listSchools: async () => [{ id: 'team-1', name: 'Balerno', tenantId: null, clplChannel: null }],
  listMembers: async () => [{ id: 'seen-by-bot', name: 'Isla Grant' }],
} as unknown as SchoolDirectory;

const request = (headers: Record<string, string>, remoteAddress: string) =>
  ({ header: (name: string) => headers[name.toLowerCase()], socket: { remoteAddress } }) as unknown as Request;

describe('development identities', () => {
  it('are the people the bot has seen plus demo staff, in local mode from loopback only', async () => {
    const local = createIdentifier({ validator: null, localMode: true, schools });
    await expect(local.identify(request({ 'x-clpl-dev-user': 'seen-by-bot' }, '127.0.0.1'))).resolves.toEqual({ id: 'seen-by-bot', name: 'Isla Grant' });
    await expect(local.identify(request({ 'x-clpl-dev-user': 'seen-by-bot' }, '::ffff:127.0.0.1'))).resolves.toMatchObject({ id: 'seen-by-bot' });
    await expect(local.identify(request({ 'x-clpl-dev-user': 'seen-by-bot' }, '10.0.0.7'))).rejects.toMatchObject({ name: 'Unauthenticated' });
  });

  it('are refused outright outside local mode', async () => {
    const deployed = createIdentifier({ validator: null, localMode: false, schools });
    await expect(deployed.identify(request({ 'x-clpl-dev-user': 'seen-by-bot' }, '127.0.0.1'))).rejects.toMatchObject({ reason: expect.stringMatching(/local mode/) });
    expect(await deployed.devPeople()).toEqual([]);
  });
});
