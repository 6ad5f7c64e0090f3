import { Facilitator, Offer, OfferStatus, OfferTags } from '../../domain/offer';
import { SignUp, SignUpStatus } from '../../domain/signUp';
import { OfferRow, SignUpRow } from './schema';

export function offerToRow(offer: Offer): OfferRow {
  return {
    id: offer.id,
    school_id: offer.schoolId,
    title: offer.title,
    description: offer.description,
    facilitator: JSON.stringify(offer.facilitator),
    starts_at: offer.startsAt.toISOString(),
    ends_at: offer.endsAt.toISOString(),
    time_zone: offer.timeZone,
    location: offer.location,
    online_link: offer.onlineLink,
    capacity: offer.capacity,
    signups_close_at: offer.signUpsCloseAt.toISOString(),
    tags: JSON.stringify(offer.tags),
    status: offer.status,
    created_by_id: offer.createdBy.id,
    created_by_name: offer.createdBy.name,
    created_at: offer.createdAt.toISOString(),
    revision: offer.revision,
    follow_up_weeks: offer.followUpWeeks ?? null,
    group_id: offer.groupId ?? null,
    quota_per_school: offer.quotaPerSchool ?? null,
    quota_releases_at: offer.quotaReleasesAt?.toISOString() ?? null,
    needs_approval: offer.needsApproval ? 1 : 0,
  };
}

export function offerFromRow(row: OfferRow): Offer {
  return {
    id: row.id,
    schoolId: row.school_id,
    title: row.title,
    description: row.description,
    facilitator: JSON.parse(row.facilitator) as Facilitator,
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
    timeZone: row.time_zone,
    location: row.location,
    onlineLink: row.online_link,
    capacity: Number(row.capacity),
    signUpsCloseAt: new Date(row.signups_close_at),
    tags: JSON.parse(row.tags) as OfferTags,
    status: row.status as OfferStatus,
    createdBy: { id: row.created_by_id, name: row.created_by_name },
    createdAt: new Date(row.created_at),
    revision: Number(row.revision),
    ...(row.follow_up_weeks === null || row.follow_up_weeks === undefined ? {} : { followUpWeeks: Number(row.follow_up_weeks) }),
    ...(row.group_id ? { groupId: row.group_id } : {}),
    ...(row.quota_per_school === null || row.quota_per_school === undefined ? {} : { quotaPerSchool: Number(row.quota_per_school) }),
    ...(row.quota_releases_at ? { quotaReleasesAt: new Date(row.quota_releases_at) } : {}),
    ...(Number(row.needs_approval) === 1 ? { needsApproval: true } : {}),
  };
}

export function signUpToRow(signUp: SignUp): SignUpRow {
  return {
    offer_id: signUp.offerId,
    person_id: signUp.person.id,
    person_name: signUp.person.name,
    status: signUp.status,
    queue_number: signUp.queueNumber,
    signed_up_at: signUp.signedUpAt.toISOString(),
    updated_at: signUp.updatedAt.toISOString(),
    school_id: signUp.schoolId ?? null,
  };
}

export function signUpFromRow(row: SignUpRow): SignUp {
  return {
    offerId: row.offer_id,
    person: { id: row.person_id, name: row.person_name },
    status: row.status as SignUpStatus,
    queueNumber: Number(row.queue_number),
    signedUpAt: new Date(row.signed_up_at),
    updatedAt: new Date(row.updated_at),
    ...(row.school_id ? { schoolId: row.school_id } : {}),
  };
}
