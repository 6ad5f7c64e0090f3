import { activityKindLabels, ClplActivity } from '../../domain/clplRecord';
import { MyClplRecord } from '../../app/goals/clplRecordUseCases';
import { CalendarLinks } from '../../app/calendar/calendarFeed';
import { Offer } from '../../domain/offer';

const hoursOf = (offer: Offer) => Math.round(((offer.endsAt.getTime() - offer.startsAt.getTime()) / 3_600_000) * 100) / 100;

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

/** `calendar` is null when the server's public address is not known: then no calendar links are offered. */
export function presentRecord(record: MyClplRecord, calendar: CalendarLinks | null) {
  return {
    calendarFeedUrl: calendar?.feedUrl ?? null,
    upcoming: record.upcoming.map(({ offer, standing }) => ({
      offerId: offer.id,
      title: offer.title,
      startsAt: offer.startsAt.toISOString(),
      endsAt: offer.endsAt.toISOString(),
      timeZone: offer.timeZone,
      location: offer.location,
      onlineLink: offer.onlineLink,
      standing: standing.kind === 'waitlisted' ? `waitlisted:${standing.position}` : standing.kind,
      hours: hoursOf(offer),
      calendarUrl: calendar && offer.status !== 'cancelled' ? calendar.sessionUrl(offer.id) : null,
    })),
    attended: record.attended.map(({ offer, record: attendance }) => ({
      offerId: offer.id,
      title: offer.title,
      startsAt: offer.startsAt.toISOString(),
      timeZone: offer.timeZone,
      hours: Math.round((attendance.minutes / 60) * 100) / 100,
    })),
    awaitingFeedback: record.awaitingFeedback.map(({ offer, closesAt }) => ({
      offerId: offer.id,
      title: offer.title,
      startsAt: offer.startsAt.toISOString(),
      timeZone: offer.timeZone,
      closesAt: closesAt.toISOString(),
    })),
    // The person's own: the team presenter names its fields one by one and leaves this out.
    followUps: record.followUps.map(({ offer, response }) => ({
      offerId: offer.id,
      title: offer.title,
      startsAt: offer.startsAt.toISOString(),
      timeZone: offer.timeZone,
      used: response.used,
      practiceChange: response.practiceChange,
      pupilEffect: response.pupilEffect,
      evidence: response.evidence,
      confidenceNow: response.confidenceNow,
      updatedAt: response.updatedAt.toISOString(),
    })),
    activities: record.activities.map(presentActivity),
    ftePercent: record.ftePercent,
    peerObservations: { reflected: record.peerObservations.reflected, hours: Math.round((record.peerObservations.minutes / 60) * 100) / 100 },
    hours: record.hours,
  };
}
