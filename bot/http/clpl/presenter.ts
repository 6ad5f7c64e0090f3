import { activityKindLabels, ClplActivity } from '../../domain/clplRecord';
import { MyClplRecord } from '../../app/goals/clplRecordUseCases';

export function presentActivity(activity: ClplActivity) {
  return {
    id: activity.id,
    kind: activity.kind,
    kindLabel: activityKindLabels[activity.kind],
    title: activity.title,
    date: activity.date,
    hours: activity.minutes / 60,
    reflection: activity.reflection,
    goalId: activity.goalId,
  };
}

export function presentRecord(record: MyClplRecord) {
  return {
    upcoming: record.upcoming.map(({ offer, standing }) => ({
      offerId: offer.id,
      title: offer.title,
      startsAt: offer.startsAt.toISOString(),
      endsAt: offer.endsAt.toISOString(),
      timeZone: offer.timeZone,
      location: offer.location,
      onlineLink: offer.onlineLink,
      standing: standing.kind === 'waitlisted' ? `waitlisted:${standing.position}` : standing.kind,
      hours: Math.round(((offer.endsAt.getTime() - offer.startsAt.getTime()) / 3_600_000) * 100) / 100,
    })),
    activities: record.activities.map(presentActivity),
    hours: record.hours,
  };
}
