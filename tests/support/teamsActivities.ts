/**
 * Activities shaped as Teams sends them to a bot (see shared/teams-platform-facts.md): ids are opaque, card clicks in
 * a channel carry `<channel>;messageid=<card>` as the conversation id, and all card input values are strings.
 */
export interface TeamsWorld {
  serviceUrl: string;
  tenantId: string;
  botId: string;
  team: { id: string; name: string };
}

export interface Member {
  aadObjectId: string;
  teamsId: string;
  name: string;
}

export function member(n: number | string, name?: string): Member {
  return { aadObjectId: `aad-${n}`, teamsId: `29:user-${n}`, name: name ?? `Staff ${n}` };
}

let sequence = 0;
const nextId = () => `incoming-${++sequence}`;

function base(world: TeamsWorld, from: Member) {
  return {
    id: nextId(),
    channelId: 'msteams',
    serviceUrl: world.serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: from.teamsId, name: from.name, aadObjectId: from.aadObjectId },
    recipient: { id: world.botId, name: 'CLPL' },
  };
}

export function botAddedToTeam(world: TeamsWorld, by: Member) {
  return {
    ...base(world, by),
    type: 'conversationUpdate',
    conversation: { id: world.team.id, conversationType: 'channel', isGroup: true, tenantId: world.tenantId },
    membersAdded: [{ id: world.botId }],
    channelData: { eventType: 'teamMemberAdded', team: { id: world.team.id, name: world.team.name }, tenant: { id: world.tenantId } },
  };
}

/** Someone else joins a team the app is already in: Teams names them by their Teams user id and Entra object id. */
export function membersAddedToTeam(world: TeamsWorld, by: Member, added: readonly Member[]) {
  return {
    ...base(world, by),
    type: 'conversationUpdate',
    conversation: { id: world.team.id, conversationType: 'channel', isGroup: true, tenantId: world.tenantId },
    membersAdded: added.map((m) => ({ id: m.teamsId, aadObjectId: m.aadObjectId })),
    channelData: { eventType: 'teamMemberAdded', team: { id: world.team.id, name: world.team.name }, tenant: { id: world.tenantId } },
  };
}

export function channelMention(world: TeamsWorld, from: Member, channel: { id: string; name: string }, text: string) {
  return {
    ...base(world, from),
    type: 'message',
    text: `<at>CLPL</at> ${text}`,
    entities: [{ type: 'mention', text: '<at>CLPL</at>', mentioned: { id: world.botId, name: 'CLPL' } }],
    conversation: { id: channel.id, conversationType: 'channel', isGroup: true, tenantId: world.tenantId },
    channelData: { team: { id: world.team.id, name: world.team.name }, channel: { id: channel.id, name: channel.name }, tenant: { id: world.tenantId } },
  };
}

export function personalMessage(world: TeamsWorld, from: Member, text: string) {
  return {
    ...base(world, from),
    type: 'message',
    text,
    conversation: { id: `a:personal-${from.aadObjectId}`, conversationType: 'personal', tenantId: world.tenantId },
    channelData: { tenant: { id: world.tenantId } },
  };
}

export function personalCardAction(world: TeamsWorld, from: Member, verb: string, data: Record<string, unknown>) {
  return {
    ...base(world, from),
    type: 'invoke',
    name: 'adaptiveCard/action',
    conversation: { id: `a:personal-${from.aadObjectId}`, conversationType: 'personal', tenantId: world.tenantId },
    channelData: { tenant: { id: world.tenantId } },
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

export function channelCardAction(
  world: TeamsWorld,
  from: Member,
  card: { channelId: string; channelName: string; activityId: string },
  verb: string,
  data: Record<string, unknown>,
) {
  return {
    ...base(world, from),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: card.activityId,
    conversation: { id: `${card.channelId};messageid=${card.activityId}`, conversationType: 'channel', isGroup: true, tenantId: world.tenantId },
    channelData: { team: { id: world.team.id, name: world.team.name }, channel: { id: card.channelId, name: card.channelName }, tenant: { id: world.tenantId } },
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** POSTs an activity to the bot's endpoint as the Bot Connector would; returns the HTTP status and body. */
export async function sendToBot(botUrl: string, activity: object): Promise<{ status: number; body: any }> {
  const response = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** A file sent in the 1:1 chat, as Teams delivers it to a bot with `supportsFiles`: a link to it, not its bytes. */
export function personalFileMessage(world: TeamsWorld, from: Member, file: { name: string; downloadUrl: string }) {
  return {
    ...personalMessage(world, from, ''),
    text: undefined,
    attachments: [
      {
        contentType: 'application/vnd.microsoft.teams.file.download.info',
        contentUrl: `https://contoso-my.sharepoint.com/personal/${from.aadObjectId}/Documents/${file.name}`,
        name: file.name,
        content: { downloadUrl: file.downloadUrl, uniqueId: `file-${file.name}`, fileType: file.name.split('.').pop() },
      },
    ],
  };
}
