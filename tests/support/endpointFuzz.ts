import fc from 'fast-check';
import { verbHandlers } from '../../bot/adapters/teams/verbs/registry';
import { channelCardAction, channelMention, Member, membersAddedToTeam, botAddedToTeam, personalCardAction, personalMessage, TeamsWorld } from './teamsActivities';

/**
 * Generated requests for POST /api/messages, as an attacker or a broken client would send them (the endpoint tests and
 * `npm run fuzz:endpoint` share them):
 * - `malformedActivity`: an activity as Teams sends it with at least one field the bot reads broken (wrong JSON type,
 *   control characters, over-long, not a URL...), plus harmless noise: must be answered 400, and nothing runs.
 * - `strangeBody`: anything at all as the body, under a few content types: must never be a 5xx.
 * - `malformedCardAction`: a well-formed card action (Action.Execute invoke, or its Action.Submit fallback) of every
 *   verb, whose data is malformed for it: the bot answers with a card, and changes nothing.
 */

const c0 = fc.constantFrom('\u0000', '\u0007', '\u001b', '\n', '\r', '\t', '\u007f');
const withControl = fc.tuple(fc.string({ maxLength: 20 }), c0, fc.string({ maxLength: 20 })).map(([a, control, b]) => `${a}${control}${b}`);
const tooLong = (length: number) => fc.constant('x'.repeat(length + 1));
const nonString = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.jsonValue(), { maxLength: 4 }), fc.object({ maxDepth: 2, maxKeys: 4 }));
const nonArray = fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.boolean(), fc.object({ maxDepth: 1, maxKeys: 3 }));
const nonObject = fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.jsonValue(), { maxLength: 4 }));
const badId = fc.oneof(nonString, withControl, fc.constant(''), tooLong(1024));
const badAccount = fc.oneof(
  nonObject,
  fc.record({ name: fc.string({ maxLength: 10 }) }),
  fc.record({ id: badId }),
  fc.record({ id: fc.constant('29:someone'), name: fc.oneof(nonString, withControl, tooLong(256)) }),
  fc.record({ id: fc.constant('29:someone'), aadObjectId: fc.oneof(nonString, withControl) }),
);

type Activity = Record<string, any>;
type Break = (activity: Activity) => fc.Arbitrary<Activity>;

/** Each breaks one field the bot or botbuilder reads, so the result is malformed whatever else is generated. */
const breaks: Record<string, Break> = {
  type: (a) => fc.oneof(nonString, fc.constant(''), fc.constantFrom('message!', 'invoke response', 'x'.repeat(65))).map((type) => ({ ...a, type })),
  missingType: (a) => fc.constant(omit(a, 'type')),
  channelId: (a) => fc.oneof(nonString, withControl, fc.constantFrom('', 'ms teams', 'x'.repeat(65))).map((channelId) => ({ ...a, channelId })),
  serviceUrl: (a) =>
    fc
      .oneof(nonString, withControl, fc.constantFrom('', 'not a url', 'ftp://smba.example.net/', 'http://smba.trafficmanager.net/emea/', 'https://user:pw@smba.example.net/', 'javascript:alert(1)'), tooLong(2048))
      .map((serviceUrl) => ({ ...a, serviceUrl })),
  id: (a) => badId.filter((id) => id !== undefined).map((id) => ({ ...a, id })),
  from: (a) => badAccount.map((from) => ({ ...a, from })),
  missingFrom: (a) => fc.constant(omit(a, 'from')),
  recipient: (a) => badAccount.map((recipient) => ({ ...a, recipient })),
  conversation: (a) =>
    fc
      .oneof(nonObject, fc.record({ id: badId }), fc.record({ id: fc.constant('a:chat'), isGroup: fc.oneof(fc.string(), fc.integer()) }), fc.record({ id: fc.constant('a:chat'), tenantId: fc.oneof(nonString, withControl) }))
      .map((conversation) => ({ ...a, conversation })),
  channelData: (a) =>
    fc
      .oneof(nonObject.filter((v) => v !== null), fc.record({ team: fc.oneof(nonObject, fc.record({ id: badId })) }), fc.record({ tenant: fc.oneof(nonObject, fc.record({ id: badId })) }), fc.record({ channel: fc.record({ id: badId }) }))
      .map((channelData) => ({ ...a, channelData })),
  timestamp: (a) => fc.oneof(nonString, fc.constantFrom('yesterday', '2026-13-45T99:99:99Z')).map((timestamp) => ({ ...a, timestamp })),
  text: (a) => fc.oneof(nonString, tooLong(100_000)).map((text) => ({ ...a, text })),
  entities: (a) =>
    fc
      .oneof(nonArray, fc.array(nonObject, { minLength: 1, maxLength: 3 }), fc.constant([{ type: 'mention', text: '<at>CLPL</at>' }]), fc.constant([{ type: 'mention', mentioned: 'CLPL' }]))
      .map((entities) => ({ ...a, entities })),
  membersAdded: (a) => fc.oneof(nonArray, fc.array(badAccount, { minLength: 1, maxLength: 3 })).map((membersAdded) => ({ ...a, membersAdded })),
  attachments: (a) => fc.oneof(nonArray, fc.array(fc.oneof(nonObject, fc.record({ contentType: nonString })), { minLength: 1, maxLength: 3 })).map((attachments) => ({ ...a, attachments })),
  value: (a) =>
    (a.type === 'invoke'
      ? fc.oneof(
          nonObject,
          fc.record({ trigger: fc.constant('manual') }),
          fc.record({ action: nonObject }),
          fc.record({ action: fc.record({ type: fc.constant('Action.Execute'), verb: nonString.filter((v) => v !== null) }) }),
        )
      : fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.boolean(), fc.array(fc.jsonValue(), { maxLength: 4 }))
    ).map((value) => ({ ...a, type: a.type === 'invoke' ? 'invoke' : 'message', value })),
  invokeName: (a) => fc.oneof(nonString.filter((v) => v !== null), fc.constant(''), withControl).map((name) => ({ ...a, type: 'invoke', name })),
};

function omit(activity: Activity, key: string): Activity {
  const { [key]: _dropped, ...rest } = activity;
  return rest;
}

/** Teams' own activities, as the templates that are broken: each is accepted as it is (tested in activitySchema.test.ts). */
export function teamsTemplates(world: TeamsWorld, person: Member, card: { channelId: string; channelName: string; activityId: string }): Activity[] {
  return [
    personalMessage(world, person, 'my clpl'),
    channelMention(world, person, { id: card.channelId, name: card.channelName }, 'help'),
    personalCardAction(world, person, 'offer.refresh.v1', { offerId: 'no-such-offer' }),
    channelCardAction(world, person, card, 'offer.refresh.v1', { offerId: 'no-such-offer' }),
    botAddedToTeam(world, person),
    membersAddedToTeam(world, person, [person]),
    { ...personalMessage(world, person, ''), type: 'messageReaction', text: undefined, reactionsAdded: [{ type: 'like' }], replyToId: card.activityId },
    { ...personalMessage(world, person, ''), type: 'installationUpdate', text: undefined, action: 'add' },
  ];
}

/** Fields Teams may add that the bot does not read: they must pass through without harm. */
const noise = fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !(k in { type: 1, id: 1, channelId: 1, serviceUrl: 1, from: 1, recipient: 1, conversation: 1, channelData: 1, value: 1, name: 1, text: 1, entities: 1, attachments: 1, membersAdded: 1, membersRemoved: 1, timestamp: 1, localTimestamp: 1, expiration: 1, replyToId: 1, locale: 1, textFormat: 1, reactionsAdded: 1, reactionsRemoved: 1, action: 1, deliveryMode: 1, __proto__: 1, constructor: 1 })), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });

export function malformedActivity(templates: Activity[]): fc.Arbitrary<Activity> {
  const names = Object.keys(breaks);
  return fc
    .tuple(fc.constantFrom(...templates), fc.uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: 3 }), noise)
    .chain(([template, chosen, extra]) => {
      const start: fc.Arbitrary<Activity> = fc.constant({ ...extra, ...structuredClone(template) });
      return chosen.reduce((acc, name) => acc.chain((activity) => breaks[name]!(activity)), start);
    });
}

export interface StrangeBody {
  contentType: string;
  body: string;
}

export const strangeBody: fc.Arbitrary<StrangeBody> = fc.oneof(
  fc.jsonValue().map((value) => ({ contentType: 'application/json', body: JSON.stringify(value) ?? 'null' })),
  fc.string({ maxLength: 200 }).map((text) => ({ contentType: 'application/json', body: text })),
  fc.string({ maxLength: 200 }).map((text) => ({ contentType: 'text/plain', body: text })),
  fc.string({ maxLength: 200 }).map((text) => ({ contentType: 'application/x-www-form-urlencoded', body: text })),
  fc.jsonValue().map((value) => ({ contentType: 'application/octet-stream', body: JSON.stringify(value) ?? 'null' })),
);

/**
 * Verbs whose data is ignored, so any payload is a well-formed request that legitimately changes something:
 * `calendar.renew.v1` makes the person a new calendar address.
 */
const dataFreeVerbs = new Set(['calendar.renew.v1']);
export const fuzzedVerbs = Object.keys(verbHandlers).filter((verb) => !dataFreeVerbs.has(verb));

/** The names card data uses across verbs: a malformed payload gives them values of the wrong type. */
const dataFields = ['offerId', 'proposalId', 'roundId', 'promptId', 'personId', 'csv', 'attendedIds', 'absentIds', 'showPage', 'page', 'periodIndex', 'reason', 'title', 'capacity', 'startDate', 'startTime', 'endTime', 'closesDate', 'dueDate', 'acceptedDemotions', 'value', 'knowledgeBefore', 'cardVersion', 'selected', 'goal_0', 'managerId', 'staffId', 'message'];
const wrongValue = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }), fc.object({ maxDepth: 1, maxKeys: 3 }));

export const malformedCardData: fc.Arbitrary<unknown> = fc.oneof(
  fc.dictionary(fc.constantFrom(...dataFields), wrongValue, { minKeys: 1, maxKeys: 5 }),
  nonObject,
  fc.jsonValue({ maxDepth: 3 }).filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)),
);

export function malformedCardAction(world: TeamsWorld, person: Member, card: { channelId: string; channelName: string; activityId: string }): fc.Arbitrary<Activity> {
  const where = fc.oneof({ arbitrary: fc.constantFrom('personal', 'channel'), weight: 9 }, { arbitrary: fc.constant('submit'), weight: 1 });
  return fc.tuple(fc.constantFrom(...fuzzedVerbs), malformedCardData, where, fc.nat(1_000_000)).map(([verb, data, place, n]) => {
    if (place === 'personal') return personalCardAction(world, person, verb, data as Record<string, unknown>);
    if (place === 'channel') return channelCardAction(world, person, card, verb, data as Record<string, unknown>);
    // Action.Submit: a message whose value carries the verb beside the (here malformed) data. Its answer is a message
    // drawing on the conversation's Teams budget (60 per 30 s), so each comes from a chat of its own to keep the run fast.
    const values = typeof data === 'object' && data !== null && !Array.isArray(data) ? data : { data };
    const message = personalMessage(world, person, '');
    return { ...message, text: undefined, conversation: { ...message.conversation, id: `${message.conversation.id}-${n}` }, value: { ...values, verb } };
  });
}

export interface FuzzRun {
  requests: number;
  byStatus: Record<number, number>;
  /** Malformed activities answered anything but 400, with what was sent (the first few). */
  notRefused: Array<{ status: number; activity: unknown }>;
  /** Milliseconds spent on each kind of request. */
  elapsedMs: { malformed: number; strange: number; cardActions: number };
  serverErrors: Array<{ status: number; body: string; sent: string }>;
}

/** Sends every generated request in turn (no concurrency: each answer is checked against what was sent). */
export async function fuzzEndpoint(
  botUrl: string,
  samples: { malformed: Activity[]; strange: StrangeBody[]; cardActions: Activity[] },
): Promise<FuzzRun> {
  const run: FuzzRun = { requests: 0, byStatus: {}, notRefused: [], serverErrors: [], elapsedMs: { malformed: 0, strange: 0, cardActions: 0 } };
  let started = Date.now();
  const lap = (kind: keyof FuzzRun['elapsedMs']) => {
    run.elapsedMs[kind] = Date.now() - started;
    started = Date.now();
  };
  const send = async (contentType: string, body: string) => {
    const response = await fetch(`${botUrl}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });
    const text = await response.text();
    run.requests++;
    run.byStatus[response.status] = (run.byStatus[response.status] ?? 0) + 1;
    if (response.status >= 500 && run.serverErrors.length < 10) run.serverErrors.push({ status: response.status, body: text.slice(0, 300), sent: body.slice(0, 2000) });
    return response.status;
  };
  for (const activity of samples.malformed) {
    const status = await send('application/json', JSON.stringify(activity));
    if (status !== 400 && run.notRefused.length < 10) run.notRefused.push({ status, activity });
  }
  lap('malformed');
  for (const strange of samples.strange) await send(strange.contentType, strange.body);
  lap('strange');
  for (const activity of samples.cardActions) await send('application/json', JSON.stringify(activity));
  lap('cardActions');
  return run;
}
