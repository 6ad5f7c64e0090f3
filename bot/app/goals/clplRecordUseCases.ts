import { ActivityKind, activityKindLabels, ClplActivity, hoursSummary, HoursSummary, newActivity, schoolYearOf } from '../../domain/clplRecord';
import { Goal, GoalError, goalLimits, linkEvidence } from '../../domain/goals';
import { feedbackClosesAt } from '../../domain/feedback';
import { FollowUpResponse } from '../../domain/followUp';
import { AttendedSession } from '../../domain/impact';
import { Offer } from '../../domain/offer';
import { countsTowardHours, observationMinutes } from '../../domain/peerObservation';
import { Standing, standingOf } from '../../domain/signUp';
import { schoolYear, schoolYearStartOf } from '../../domain/terms';
import { GoalDependencies, todayIn } from './goalDependencies';
import { linkMyEvidence } from './goalUseCases';

export interface MyClplRecord {
  upcoming: { offer: Offer; standing: Standing }[];
  /** Sessions marked as attended this school year, latest first. */
  attended: AttendedSession[];
  /** Attended sessions whose feedback is open and not yet given, with when it closes. */
  awaitingFeedback: { offer: Offer; closesAt: Date }[];
  /** The person's practice follow-up answers on the sessions attended this year, with the session. */
  followUps: { offer: Offer; response: FollowUpResponse }[];
  activities: ClplActivity[];
  /** Share of full time, 10–100 (100 unless set). */
  ftePercent: number;
  /** Peer observations reflected on this school year: numbers only (a line manager's view shows this record too). */
  peerObservations: { reflected: number; minutes: number };
  /** Attended hours include those peer observations (see countsTowardHours). */
  hours: HoursSummary;
}

/**
 * The person's CLPL this school year: upcoming sessions from the offers they signed up for, sessions they attended
 * (as marked by the facilitator or SLT), the CLPL they logged themselves, and hours against the yearly target.
 */
export async function myClplRecord(deps: GoalDependencies, ownerId: string): Promise<MyClplRecord> {
  const now = deps.clock.now();
  const today = todayIn(deps.timeZone, now);
  const year = schoolYearOf(today);
  const period = schoolYear(schoolYearStartOf(now, deps.timeZone), deps.timeZone);
  const [upcoming, activities, sessions, pattern, followUps, observations, ownReflections] = await Promise.all([
    deps.offers.upcomingSignUpsOf(ownerId, now),
    deps.activities.activitiesOf(ownerId, year),
    deps.evidence.attendedSessionsOf(ownerId, period.from, period.to),
    deps.workPatterns.workPatternOf(ownerId),
    deps.evidence.followUpsOf(ownerId),
    deps.peerObservations?.observationsOf(ownerId, period.from) ?? [],
    deps.peerObservations?.reflectionsBy(ownerId) ?? [],
  ]);
  const reflectedVisits = observations.filter((o) => o.startsAt.getTime() < period.to.getTime() && countsTowardHours(o, ownerId, ownReflections));
  const observedMinutes = reflectedVisits.reduce((sum, o) => sum + observationMinutes(o), 0);
  const ftePercent = pattern?.ftePercent ?? 100;
  const attended = sessions.filter((s) => s.record.attended).sort((a, b) => b.offer.startsAt.getTime() - a.offer.startsAt.getTime());
  const attendedMinutes = attended.reduce((sum, s) => sum + s.record.minutes, 0) + observedMinutes;
  return {
    upcoming: upcoming.map(({ offer, allSignUps }) => ({ offer, standing: standingOf(ownerId, allSignUps) })),
    attended,
    awaitingFeedback: await awaitingFeedback(deps, ownerId, attended, now),
    followUps: followUps.flatMap((response) => {
      const session = attended.find((s) => s.offer.id === response.offerId);
      return session ? [{ offer: session.offer, response }] : [];
    }),
    activities,
    ftePercent,
    peerObservations: { reflected: reflectedVisits.length, minutes: observedMinutes },
    hours: hoursSummary({ today, activities, attendedMinutes, targetHours: deps.yearlyTargetHours, fte: ftePercent / 100 }),
  };
}

async function awaitingFeedback(deps: GoalDependencies, personId: string, attended: readonly AttendedSession[], now: Date) {
  const open = attended
    .filter(({ offer }) => offer.status !== 'cancelled' && offer.endsAt.getTime() <= now.getTime())
    .map(({ offer }) => ({ offer, closesAt: feedbackClosesAt(offer, deps.feedback) }))
    .filter(({ closesAt }) => now.getTime() < closesAt.getTime());
  const answered = await Promise.all(open.map(({ offer }) => deps.evidence.findFeedback(offer.id, personId)));
  return open.filter((_, i) => !answered[i]);
}

/** Logs CLPL that did not come through an offer; linked to one of the person's goals, it is added there as evidence. */
export async function logMyClpl(
  deps: GoalDependencies,
  input: { ownerId: string; kind: ActivityKind; title: string; date: string; hours: number; reflection: string; goalId: string | null },
): Promise<{ activity: ClplActivity; goal: Goal | null }> {
  const now = deps.clock.now();
  let goal: Goal | undefined;
  if (input.goalId) {
    goal = await deps.goals.findGoal(input.ownerId, input.goalId);
    if (!goal) throw new GoalError('goal_not_found', 'That goal does not exist.');
  }
  const activity = newActivity({ id: deps.newId(), ...input, now });
  await deps.activities.addActivity(activity);
  if (!goal) return { activity, goal: null };
  const linked = linkEvidence(goal, { kind: 'activity', ref: activity.id, label: `${activityKindLabels[activity.kind]}: ${activity.title}` }, now);
  return { activity, goal: await deps.goals.updateGoal(linked, goal.version) };
}

/** Adds a session the person attended this school year to one of their goals; the label is the session's title. */
export async function linkAttendedSession(deps: GoalDependencies, input: { ownerId: string; goalId: string; version: string; offerId: string }): Promise<Goal> {
  const { attended } = await myClplRecord(deps, input.ownerId);
  const session = attended.find((s) => s.offer.id === input.offerId);
  if (!session) throw new GoalError('invalid_goal', 'Only sessions you attended this school year can be evidence.', { ref: 'Choose a session you attended.' });
  const date = todayIn(deps.timeZone, session.offer.startsAt);
  return linkMyEvidence(deps, { ...input, link: { kind: 'session', ref: session.offer.id, label: `Session ${date}: ${session.offer.title}`.slice(0, goalLimits.evidenceLabel) } });
}
