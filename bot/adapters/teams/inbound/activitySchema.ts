import { z } from 'zod/v4';
import { isLoopbackHost } from './channelAuthConfig';

/**
 * What an inbound activity must look like before botbuilder or the bot reads it: strict on the fields they read (each
 * of the right JSON type, bounded, with no control characters in ids and names), permissive elsewhere: unknown fields
 * pass through, because Teams adds fields over time and botbuilder ignores those it does not know.
 * Shapes: tests/support/teamsActivities.ts and shared/teams-platform-facts.md.
 * It runs on every request, so it uses zod's v4 engine (shipped in zod 3.25 as `zod/v4`), which parsed a card action
 * about 4× faster than v3 in a micro-benchmark (about 30 µs against 125 µs on a busy 2-CPU machine).
 */

export const activityLimits = {
  id: 1024,
  name: 256,
  text: 100_000,
  url: 2048,
  members: 10_000,
  entities: 200,
  attachments: 100,
};

/** C0 control characters and DEL: never part of an id or a display name Teams sends. */
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001f\u007f]/;

const noControls = (max: number, min = 0) =>
  z
    .string()
    .min(min)
    .max(max)
    .refine((text) => !controlCharacters.test(text), { message: 'contains control characters' });

const id = noControls(activityLimits.id, 1);
const displayName = noControls(activityLimits.name);
const date = z
  .string()
  .max(64)
  .refine((text) => !Number.isNaN(Date.parse(text)), { message: 'is not a date' });

const account = z.looseObject({
  id,
  name: displayName.optional(),
  aadObjectId: noControls(128).optional(),
  role: noControls(64).optional(),
});

const conversation = z.looseObject({
  id,
  name: displayName.optional(),
  conversationType: noControls(64).optional(),
  tenantId: noControls(128).optional(),
  isGroup: z.boolean().optional(),
});

const namedThing = z.looseObject({ id, name: displayName.optional() });

const channelData = z.looseObject({
  tenant: z.looseObject({ id }).optional(),
  team: namedThing.optional(),
  channel: namedThing.optional(),
  eventType: noControls(128).optional(),
});

/** A mention names whom it mentions; the bot strips its own mention from the text by that id. */
const entity = z.looseObject({ type: noControls(128) }).superRefine((value, ctx) => {
  if (value.type !== 'mention') return;
  const mentioned = account.safeParse((value as { mentioned?: unknown }).mentioned);
  if (!mentioned.success) ctx.addIssue({ code: 'custom', path: ['mentioned'], message: 'a mention must name an account' });
});

const attachment = z.looseObject({ contentType: noControls(256) });
const reaction = z.looseObject({ type: noControls(128) });

/** `Action.Execute`: the verb routes the action; its data is checked by the verb's own schema. */
export const adaptiveCardActionValue = z.looseObject({
  action: z.looseObject({
    type: noControls(64),
    verb: noControls(128).optional(),
    data: z.unknown().optional(),
  }),
  trigger: noControls(64).optional(),
});

const jsonObject = z.record(z.string(), z.unknown());

const baseActivity = z.looseObject({
  type: z.string().regex(/^[A-Za-z]{1,64}$/, { message: 'is not an activity type' }),
  id: id.optional(),
  channelId: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, { message: 'is not a channel id' }),
  serviceUrl: z.string().max(activityLimits.url),
  timestamp: date.optional(),
  localTimestamp: date.optional(),
  expiration: date.optional(),
  locale: noControls(64).optional(),
  from: account,
  recipient: account,
  conversation,
  channelData: channelData.optional(),
  replyToId: id.optional(),
  name: noControls(256).optional(),
  text: z.string().max(activityLimits.text).optional(),
  textFormat: noControls(64).optional(),
  value: z.unknown().optional(),
  entities: z.array(entity).max(activityLimits.entities).optional(),
  attachments: z.array(attachment).max(activityLimits.attachments).optional(),
  membersAdded: z.array(account).max(activityLimits.members).optional(),
  membersRemoved: z.array(account).max(activityLimits.members).optional(),
  reactionsAdded: z.array(reaction).max(100).optional(),
  reactionsRemoved: z.array(reaction).max(100).optional(),
  action: noControls(64).optional(),
  deliveryMode: noControls(64).optional(),
});

export type InboundActivity = z.infer<typeof baseActivity>;

/**
 * The schema for one deployment: serviceUrl must be an https address (where replies go, with the bot's token), or,
 * in local mode only, a loopback one (the Agents Playground, the tests' Bot Connector stand-in).
 */
export function inboundActivitySchema(options: { allowLoopbackServiceUrl: boolean }) {
  return baseActivity.superRefine((activity, ctx) => {
    if (!isServiceUrl(activity.serviceUrl, options.allowLoopbackServiceUrl)) {
      ctx.addIssue({ code: 'custom', path: ['serviceUrl'], message: options.allowLoopbackServiceUrl ? 'must be an https or loopback address' : 'must be an https address' });
    }
    const value = activity.value;
    if (activity.type === 'invoke') {
      if (activity.name === undefined || activity.name === '') ctx.addIssue({ code: 'custom', path: ['name'], message: 'an invoke must be named' });
      if (activity.name === 'adaptiveCard/action') {
        const parsed = adaptiveCardActionValue.safeParse(value);
        if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: ['value', ...issue.path] });
      } else if (value !== undefined && value !== null && !jsonObject.safeParse(value).success) {
        ctx.addIssue({ code: 'custom', path: ['value'], message: 'an invoke value must be an object' });
      }
    }
    // A card's Action.Submit arrives as a message whose value is the card's data: always an object.
    if (activity.type === 'message' && value !== undefined && value !== null && !jsonObject.safeParse(value).success) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'a message value must be an object' });
    }
  });
}

/**
 * Teams sends from a handful of service URLs, so each one's verdict is kept (bounded: a flood of made-up ones only
 * costs the parse it would have cost anyway) instead of parsing the same URL on every request.
 */
const serviceUrlVerdicts = new Map<string, boolean>();

function isServiceUrl(text: string, allowLoopback: boolean): boolean {
  const key = `${allowLoopback ? 'loopback' : 'https'} ${text}`;
  let verdict = serviceUrlVerdicts.get(key);
  if (verdict === undefined) {
    verdict = parsesAsServiceUrl(text, allowLoopback);
    if (serviceUrlVerdicts.size >= 100) serviceUrlVerdicts.clear();
    serviceUrlVerdicts.set(key, verdict);
  }
  return verdict;
}

function parsesAsServiceUrl(text: string, allowLoopback: boolean): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  return allowLoopback && url.protocol === 'http:' && isLoopbackHost(url.hostname);
}
