import { inboundActivitySchema } from '../../../../bot/adapters/teams/inbound/activitySchema';
import { teamsTemplates } from '../../../support/endpointFuzz';
import { channelCardAction, member, personalCardAction, personalMessage, TeamsWorld } from '../../../support/teamsActivities';

const teams: TeamsWorld = { serviceUrl: 'https://smba.trafficmanager.net/emea/', tenantId: 'tenant-1', botId: '28:clpl-bot', team: { id: '19:team@thread.tacv2', name: 'Staff' } };
const card = { channelId: '19:clpl@thread.tacv2', channelName: 'BAL-Staff CLPL', activityId: '1:card' };
const person = member('schema', 'Ailsa Brown');
const production = inboundActivitySchema({ allowLoopbackServiceUrl: false });
const local = inboundActivitySchema({ allowLoopbackServiceUrl: true });

const refusedFields = (activity: object, schema = production) => {
  const parsed = schema.safeParse(activity);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
};

describe('The inbound activity schema accepts what Teams and the Agents Playground send', () => {
  it.each(teamsTemplates(teams, person, card).map((activity) => [`${activity.type} ${activity.name ?? ''}`, activity]))('%s', (_name, activity) => {
    expect(refusedFields(activity)).toEqual([]);
  });

  it.each<[string, object]>([
    ['a message with an attachment and a clientInfo entity', { ...personalMessage(teams, person, 'see attached'), attachments: [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'plan.docx', content: { downloadUrl: 'https://x' } }], entities: [{ type: 'clientInfo', locale: 'en-GB', country: 'GB', platform: 'Web', timezone: 'Europe/London' }], locale: 'en-GB', localTimestamp: '2026-12-04T16:17:54.123+00:00' }],
    ['an Action.Submit fallback (a message with a value)', { ...personalMessage(teams, person, ''), text: undefined, value: { verb: 'offer.signUp.v1', offerId: 'o-1' } }],
    ['an event', { ...personalMessage(teams, person, ''), type: 'event', name: 'application/vnd.microsoft.meetingStart', value: ['anything', 1] }],
    ['an invoke other than a card action', { ...personalMessage(teams, person, ''), type: 'invoke', name: 'task/fetch', value: { data: { x: 1 } } }],
    ['an invoke without a value', { ...personalMessage(teams, person, ''), type: 'invoke', name: 'signin/verifyState' }],
    ['a card action whose data is not an object (the verb checks it)', personalCardAction(teams, person, 'offer.signUp.v1', 'x' as never)],
    ['a card click in a channel', channelCardAction(teams, person, card, 'offer.signUp.v1', { offerId: 'o-1' })],
    ['a timestamp with seven decimals', { ...personalMessage(teams, person, 'hi'), timestamp: '2026-12-04T16:17:54.1234567Z' }],
    ['fields Teams may add later', { ...personalMessage(teams, person, 'hi'), somethingNew: { nested: [1, 2] }, from: { id: '29:x', name: 'A', aadObjectId: 'g', userRole: 'user' } }],
    ["the Playground's default user id (not a well-formed GUID)", { ...personalMessage(teams, person, 'hi'), from: { id: 'user-id-0', name: 'Alex Wilber', aadObjectId: '00000000-0000-0000-0000-0000000000020' } }],
  ])('%s', (_name, activity) => {
    expect(refusedFields(activity)).toEqual([]);
  });

  it('accepts a loopback serviceUrl in local mode only (the Agents Playground, the tests)', () => {
    const playground = personalMessage({ ...teams, serviceUrl: 'http://localhost:56150/_connector' }, person, 'help');
    expect(refusedFields(playground, local)).toEqual([]);
    expect(refusedFields(playground, production)).toEqual(['serviceUrl']);
  });
});

describe('The inbound activity schema refuses what the bot would misread', () => {
  const message = personalMessage(teams, person, 'my clpl');
  it.each<[string, object, string]>([
    ['type as an object', { ...message, type: { x: 1 } }, 'type'],
    ['channelId as an array', { ...message, channelId: ['msteams'] }, 'channelId'],
    ['serviceUrl as an object', { ...message, serviceUrl: { href: 'https://x' } }, 'serviceUrl'],
    ['serviceUrl over http to another host', { ...message, serviceUrl: 'http://smba.trafficmanager.net/emea/' }, 'serviceUrl'],
    ['from as a string', { ...message, from: '29:someone' }, 'from'],
    ['conversation as an array', { ...message, conversation: ['a:chat'] }, 'conversation'],
    ['a control character in a name', { ...message, from: { ...message.from, name: 'Ailsa\u0000Brown' } }, 'from.name'],
    ['an over-long conversation id', { ...message, conversation: { ...message.conversation, id: 'x'.repeat(1025) } }, 'conversation.id'],
    ['a message value that is not an object', { ...message, value: 'offer.signUp.v1' }, 'value'],
    ['a card action without an action', { ...personalCardAction(teams, person, 'offer.signUp.v1', {}), value: { trigger: 'manual' } }, 'value.action'],
    ['a card action whose verb is a number', { ...personalCardAction(teams, person, 'offer.signUp.v1', {}), value: { action: { type: 'Action.Execute', verb: 7 } } }, 'value.action.verb'],
    ['an invoke without a name', { ...personalCardAction(teams, person, 'offer.signUp.v1', {}), name: undefined }, 'name'],
    ['a team id that is a number', { ...message, channelData: { team: { id: 42 } } }, 'channelData.team.id'],
    ['a mention that names nobody', { ...message, entities: [{ type: 'mention', text: '<at>CLPL</at>' }] }, 'entities.0.mentioned'],
    ['a timestamp that is not a date', { ...message, timestamp: 'yesterday' }, 'timestamp'],
  ])('%s', (_name, activity, field) => {
    expect(refusedFields(activity)).toContain(field);
  });
});
