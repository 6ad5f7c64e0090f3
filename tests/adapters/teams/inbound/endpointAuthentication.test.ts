import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { BotFrameworkStandIn, botSecret, botTenantId, channelClaims, hmacToken, strangerKey, teamsServiceUrl, unsignedToken } from '../../../support/botFrameworkStandIn';
import { dumpBusinessTables } from '../../../support/businessTables';
import { startTestbed, Testbed } from '../../../support/clplTestbed';
import { member, personalMessage, TeamsWorld } from '../../../support/teamsActivities';

const person = member('edge-1', 'Ailsa Brown');

/** POSTs an activity with the given Authorization header (none when undefined). */
async function post(bed: Testbed, activity: object, authorization?: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${bed.server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** A harmless activity: the bot answers it without sending anything (so no outbound token is needed). */
function typingIn(world: TeamsWorld, overrides: Record<string, unknown> = {}) {
  return { ...personalMessage(world, person, ''), type: 'typing', text: undefined, ...overrides };
}

describe.each(['SingleTenant', 'UserAssignedMsi'] as const)('With a %s bot identity, POST /api/messages', (kind) => {
  let standIn: BotFrameworkStandIn;
  let bed: Testbed;
  let world: TeamsWorld;
  let sqliteFile: string;
  const logLines: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    standIn = await new BotFrameworkStandIn().start();
    sqliteFile = join(mkdtempSync(join(tmpdir(), 'clpl-edge-auth-')), 'clpl.sqlite');
    const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(JSON.parse(line)) });
    bed = await startTestbed({ env: { ...standIn.env(kind), SQLITE_FILE: sqliteFile }, logger });
    // Teams' activities come from its https service; the token's serviceurl claim names the same address.
    world = { ...bed.world, serviceUrl: teamsServiceUrl, tenantId: botTenantId };
  });
  afterAll(async () => {
    await bed.close();
    await standIn.stop();
  });

  /** The turns the bot ran: it logs each activity it handles, and only a turn can send a reply or change anything. */
  const turnsFor = (activityId: string) => logLines.filter((l) => l.event === 'activity' && l.activityId === activityId);

  it('answers a request with a valid channel token, and the checks below would see its turn (the control)', async () => {
    const before = dumpBusinessTables(sqliteFile);
    const activity = typingIn(world);
    const response = await post(bed, activity, `Bearer ${await standIn.token()}`);
    expect(response.status).toBe(200);
    expect(turnsFor(activity.id)).toHaveLength(1);
    // The bot keeps the address of someone it meets in a 1:1 chat.
    expect(dumpBusinessTables(sqliteFile)).not.toBe(before);
  });

  const refusals: Array<{ case: string; reason: string; authorization: () => Promise<string | undefined>; worldChange?: Partial<TeamsWorld> }> = [
    { case: 'no token', reason: 'missing_token', authorization: async () => undefined },
    { case: 'a token that is not a JWT', reason: 'malformed_token', authorization: async () => 'Bearer not-a-jwt' },
    { case: 'a token under another scheme', reason: 'malformed_token', authorization: async () => `Basic ${await standIn.token()}` },
    { case: 'a forged signature (a key nobody published, under the published key id)', reason: 'bad_signature', authorization: async () => `Bearer ${await standIn.token({}, { key: await strangerKey() })}` },
    { case: 'another issuer (an Entra token)', reason: 'wrong_issuer', authorization: async () => `Bearer ${await standIn.token({ iss: `https://sts.windows.net/${botTenantId}/` })}` },
    { case: 'another issuer (anyone)', reason: 'wrong_issuer', authorization: async () => `Bearer ${await standIn.token({ iss: 'https://api.botframework.example' })}` },
    { case: 'a token for another bot (audience)', reason: 'wrong_audience', authorization: async () => `Bearer ${await standIn.token({ aud: '22222222-0000-4000-8000-0000000000b2' })}` },
    { case: 'an expired token', reason: 'expired', authorization: async () => `Bearer ${await standIn.token({}, { expiresInSeconds: -3600 })}` },
    { case: 'a token not yet valid', reason: 'not_yet_valid', authorization: async () => `Bearer ${await standIn.token({}, { notBeforeInSeconds: 3600 })}` },
    { case: 'an unknown key id', reason: 'unknown_key', authorization: async () => `Bearer ${await standIn.token({}, { kid: 'rotated-away' })}` },
    { case: 'algorithm none', reason: 'wrong_algorithm', authorization: async () => `Bearer ${unsignedToken(channelClaims())}` },
    { case: "a token signed with the bot's own secret (HS256)", reason: 'wrong_algorithm', authorization: async () => `Bearer ${await hmacToken(channelClaims(), botSecret)}` },
    { case: 'a token for another serviceUrl', reason: 'service_url_mismatch', authorization: async () => `Bearer ${await standIn.token({ serviceurl: 'https://smba.example.net/amer/' })}` },
    { case: 'an activity from another tenant', reason: 'wrong_tenant', authorization: async () => `Bearer ${await standIn.token()}`, worldChange: { tenantId: 'another-tenant' } },
  ];

  it.each(refusals)('refuses $case with 401 ($reason), sends nothing and changes nothing', async ({ case: name, reason, authorization, worldChange }) => {
    const before = dumpBusinessTables(sqliteFile);
    // Someone the bot has not met: a turn would store their address, so the table dump would show it.
    const stranger = member(`edge-${refusals.findIndex((r) => r.case === name)}`);
    const activity = personalMessage({ ...world, ...worldChange }, stranger, 'my clpl');

    const response = await post(bed, activity, await authorization());
    await bed.server.settle();

    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
    expect(logLines.filter((l) => l.event === 'activity_unauthenticated' && l.activityId === activity.id).map((l) => l.reason)).toEqual([reason]);
    expect(turnsFor(activity.id)).toHaveLength(0);
    expect(dumpBusinessTables(sqliteFile)).toBe(before);
  });

  it('logs why a request was refused, with ids only', async () => {
    const activity = personalMessage(world, person, 'my clpl');
    await post(bed, activity, `Bearer ${await standIn.token({}, { expiresInSeconds: -3600 })}`);
    const line = logLines.filter((l) => l.event === 'activity_unauthenticated').at(-1);
    expect(line).toMatchObject({ reason: 'expired', activityId: activity.id, conversationId: activity.conversation.id });
    expect(JSON.stringify(line)).not.toContain('my clpl');
  });

  it('checks the token before the activity: a malformed activity without a valid token is 401, with one 400', async () => {
    const malformed = typingIn(world, { from: ['not', 'an', 'account'] });
    expect((await post(bed, malformed)).status).toBe(401);
    expect((await post(bed, malformed, `Bearer ${await standIn.token()}`)).status).toBe(400);
  });

  it('refuses an http serviceUrl once a bot identity is configured', async () => {
    const activity = typingIn({ ...world, serviceUrl: 'http://127.0.0.1:9/' });
    const response = await post(bed, activity, `Bearer ${await standIn.token({ serviceurl: 'http://127.0.0.1:9/' })}`);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'invalid_activity', fields: { serviceUrl: expect.any(String) } });
  });
});

describe('When Bot Framework signing keys cannot be fetched', () => {
  it('answers 503 (our side, not the caller) and logs it with an error id', async () => {
    const standIn = await new BotFrameworkStandIn().start();
    standIn.failing = true;
    const logLines: Array<Record<string, unknown>> = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(JSON.parse(line)) });
    const bed = await startTestbed({ env: standIn.env(), logger });
    try {
      const world = { ...bed.world, serviceUrl: teamsServiceUrl, tenantId: botTenantId };
      const response = await post(bed, typingIn(world), `Bearer ${await standIn.token()}`);
      expect(response.status).toBe(503);
      const logged = logLines.find((l) => l.event === 'bot_keys_unavailable');
      expect(logged?.errorId).toBe(response.body.error.errorId);
    } finally {
      await bed.close();
      await standIn.stop();
    }
  });
});
