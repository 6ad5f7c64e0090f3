import { DateTime } from 'luxon';
import { Offer } from '../../domain/offer';
import { TagCatalogue } from '../../domain/tags';
import { OfferFormValues } from './cards/offerFormCard';
import { offerFormSchema } from './offerFormSchema';

/** An offer as the form shows it: local dates and times in the offer's zone, tags as their positions in the lists. */
export function offerFormValuesOf(offer: Offer, catalogue: TagCatalogue, editorId: string): OfferFormValues {
  const local = (at: Date) => DateTime.fromJSDate(at, { zone: offer.timeZone });
  const positions = (tags: readonly string[], labels: readonly string[]) =>
    tags.map((tag) => labels.indexOf(tag)).filter((i) => i >= 0).join(',');
  const facilitatorIsMe = offer.facilitator.kind === 'staff' && offer.facilitator.userId === editorId;
  return {
    title: offer.title,
    description: offer.description,
    facilitator: facilitatorIsMe ? '' : offer.facilitator.name,
    facilitatorIsMe: facilitatorIsMe ? 'true' : 'false',
    startDate: local(offer.startsAt).toISODate() ?? '',
    startTime: local(offer.startsAt).toFormat('HH:mm'),
    endTime: local(offer.endsAt).toFormat('HH:mm'),
    location: offer.location ?? '',
    onlineLink: offer.onlineLink ?? '',
    capacity: String(offer.capacity),
    closesDate: local(offer.signUpsCloseAt).toISODate() ?? '',
    closesTime: local(offer.signUpsCloseAt).toFormat('HH:mm'),
    standards: positions(offer.tags.standards, catalogue.standards),
    priorities: positions(offer.tags.priorities, catalogue.priorities),
    followUpWeeks: offer.followUpWeeks === undefined ? '' : String(offer.followUpWeeks),
    audience: offer.groupId ?? 'school',
    // A group offer's quota is on the form, so saving the form keeps it (a draft without one removes it).
    quotaPerSchool: offer.quotaPerSchool === undefined ? '' : String(offer.quotaPerSchool),
    quotaReleasesDate: offer.quotaReleasesAt ? (local(offer.quotaReleasesAt).toISODate() ?? '') : '',
    needsApproval: offer.needsApproval ? 'true' : 'false',
  };
}

/** Form values carried back by "Change the details" on the warning card; null when the data has none. */
export function carriedFormValues(data: unknown): OfferFormValues | null {
  if (typeof data !== 'object' || data === null || !('title' in data)) return null;
  const parsed = offerFormSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}
