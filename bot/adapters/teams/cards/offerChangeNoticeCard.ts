import { OfferChange } from '../../../domain/offerChanges';
import { OfferChangeNotice } from '../../../ports/offerChangeNotices';
import { instantText, sessionTime } from './format';
import { AdaptiveCardJson } from './render';
import { messageCard } from './messageCard';

/** What a person is told when SLT edits or cancels a session they signed up for. */
export function offerChangeNoticeCard(notice: OfferChangeNotice): AdaptiveCardJson {
  const when = { title: 'When', value: instantText(new Date(notice.startsAt), notice.timeZone) };
  switch (notice.kind) {
    case 'offer_changed':
      return messageCard(`Changed: ${notice.offerTitle}`, 'A CLPL session you are confirmed for has changed. You still have your place.', 'Warning', [
        ...notice.changes.map((change) => changeFact(change, notice.timeZone)),
        { title: "Can't make it now?", value: 'Type "my clpl" to withdraw and free the place for someone on the waitlist.' },
      ]);
    case 'moved_to_waitlist':
      return messageCard(
        `Back on the waitlist: ${notice.offerTitle}`,
        'The session now has fewer places, so your place moved back to the front of the waitlist. You will be told if a place opens up.',
        'Attention',
        [when, { title: 'Your place', value: 'Type "my clpl" to see where you are on the waitlist.' }],
      );
    case 'offer_cancelled':
      return messageCard(
        `Cancelled: ${notice.offerTitle}`,
        notice.wasConfirmed ? 'This CLPL session has been cancelled, so your place is no longer needed.' : 'This CLPL session has been cancelled, so the waitlist is closed.',
        'Attention',
        [when],
      );
  }
}

function changeFact(change: OfferChange, timeZone: string): { title: string; value: string } {
  switch (change.field) {
    case 'time': {
      const range = (r: { startsAt: string; endsAt: string }) => sessionTime({ startsAt: new Date(r.startsAt), endsAt: new Date(r.endsAt), timeZone });
      return { title: 'When', value: `${range(change.after)} (was ${range(change.before)})` };
    }
    case 'capacity':
      return { title: 'Places', value: `${change.after} (was ${change.before})` };
    case 'signUpsCloseAt':
      return { title: 'Sign-ups close', value: `${instantText(new Date(change.after), timeZone)} (was ${instantText(new Date(change.before), timeZone)})` };
    case 'tags':
      return { title: 'Tags', value: change.after.join('; ') || '—' };
    case 'followUpWeeks':
      return { title: 'Practice follow-up', value: `${weeksText(change.after)} (was ${weeksText(change.before)})` };
    case 'quotaPerSchool':
      return { title: 'Places per school', value: `${change.after ?? 'no limit'} (was ${change.before ?? 'no limit'})` };
    case 'quotaReleasesAt':
      return { title: 'Unused places released', value: `${change.after ? instantText(new Date(change.after), timeZone) : 'never'} (was ${change.before ? instantText(new Date(change.before), timeZone) : 'never'})` };
    case 'description':
      // Descriptions are long: the new one alone reads better than both.
      return { title: 'Description', value: change.after || '—' };
    default:
      return { title: fieldTitle[change.field], value: `${change.after || '—'} (was ${change.before || '—'})` };
  }
}

const fieldTitle = { title: 'Title', facilitator: 'Facilitator', location: 'Where', onlineLink: 'Online link' } as const;

function weeksText(weeks: number | null): string {
  if (weeks === null) return 'the school default';
  return weeks === 0 ? 'none' : `${weeks} ${weeks === 1 ? 'week' : 'weeks'} after`;
}
