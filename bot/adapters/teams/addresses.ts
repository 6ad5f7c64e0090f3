import { ConversationReference } from 'botbuilder';

/**
 * How the bot can reach a person 1:1 later. A stored conversation reference (they talked to the bot, or installed it
 * personally) is used as is; a team member seen in a channel can be reached by creating a 1:1 conversation, which
 * Teams allows because the app is installed in a team they belong to.
 */
export type TeamsAddress =
  | { kind: 'conversation'; reference: Partial<ConversationReference> }
  | { kind: 'teamMember'; serviceUrl: string; tenantId: string | null; userId: string; botId: string };

export function serialiseAddress(address: TeamsAddress): string {
  return JSON.stringify(address);
}

export function parseAddress(text: string): TeamsAddress {
  return JSON.parse(text) as TeamsAddress;
}
