import { TeamsChannelAccount, TeamsInfo, TurnContext } from 'botbuilder';
import { Person } from '../../domain/person';

/** Teams serves at most 500 members a page (and treats fewer than 50 as 50): the fewest calls for a staff team. */
const pageSize = 500;

/** Beyond this many people added at once, one roster read costs fewer calls than asking for each. */
const maxSingleLookups = 20;

export type RosterMember = Person & { email: string };

/**
 * A roster entry as a school member, keyed by Entra object id as people are everywhere else (personOf). Teams messages
 * carry no email, so the roster is where SLT's CSV addresses come from: the email, else the sign-in name (UPN).
 */
export function rosterMember(account: Partial<TeamsChannelAccount>): RosterMember | null {
  const email = account.email?.trim() || account.userPrincipalName?.trim();
  if (!account.aadObjectId || !email) return null;
  return { id: account.aadObjectId, name: account.name || email, email };
}

function rosterMembers(accounts: readonly Partial<TeamsChannelAccount>[]): RosterMember[] {
  return accounts.flatMap((account) => rosterMember(account) ?? []);
}

/** Reads the whole roster a page at a time, handing on each page as it comes, so a big team is never held whole. */
export async function readTeamRoster(context: TurnContext, teamId: string, onPage: (members: RosterMember[]) => Promise<void>): Promise<number> {
  let continuationToken: string | undefined;
  let count = 0;
  do {
    const page = await TeamsInfo.getPagedTeamMembers(context, teamId, pageSize, continuationToken);
    const members = rosterMembers(page.members ?? []);
    await onPage(members);
    count += members.length;
    continuationToken = page.continuationToken || undefined;
  } while (continuationToken);
  return count;
}

/** The people just added to a team (their Teams user ids), looked up one by one, or through the roster when many. */
export async function readAddedMembers(context: TurnContext, teamId: string, userIds: readonly string[], onPage: (members: RosterMember[]) => Promise<void>): Promise<number> {
  if (userIds.length > maxSingleLookups) return readTeamRoster(context, teamId, onPage);
  const members = rosterMembers(await Promise.all(userIds.map((id) => TeamsInfo.getTeamMember(context, teamId, id))));
  await onPage(members);
  return members.length;
}
