import { Activity } from 'botbuilder';
import { Person } from '../../domain/person';

/** The person acting, as Teams identifies them: the Entra object id where present (ids are opaque strings). */
export function personOf(activity: Partial<Activity>): Person {
  const from = activity.from;
  return { id: from?.aadObjectId || from?.id || 'unknown', name: from?.name || 'A colleague' };
}

export function teamOf(activity: Partial<Activity>): { id: string; name: string } | null {
  const team = (activity.channelData as { team?: { id?: string; name?: string } } | undefined)?.team;
  return team?.id ? { id: team.id, name: team.name ?? 'School team' } : null;
}

/** A click on a channel card arrives as `<channel id>;messageid=<card id>`: the channel is the part before. */
export function channelOf(activity: Partial<Activity>): { id: string; name: string } | null {
  if (activity.conversation?.conversationType !== 'channel') return null;
  const channel = (activity.channelData as { channel?: { id?: string; name?: string } } | undefined)?.channel;
  const id = channel?.id ?? activity.conversation.id.split(';messageid=')[0] ?? '';
  if (id === '') return null;
  const team = teamOf(activity);
  return { id, name: channel?.name ?? (team && id === team.id ? 'General' : 'CLPL channel') };
}

export function tenantOf(activity: Partial<Activity>): string | null {
  const tenant = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  return tenant ?? activity.conversation?.tenantId ?? null;
}

export function isPersonalChat(activity: Partial<Activity>): boolean {
  return activity.conversation?.conversationType === 'personal';
}
