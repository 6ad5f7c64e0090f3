import { ActivityKind, activityKindLabels, ClplActivity, hoursSummary, HoursSummary, newActivity, schoolYearOf } from '../../domain/clplRecord';
import { Goal, GoalError, linkEvidence } from '../../domain/goals';
import { Offer } from '../../domain/offer';
import { Standing, standingOf } from '../../domain/signUp';
import { GoalDependencies, todayIn } from './goalDependencies';

export interface MyClplRecord {
  upcoming: { offer: Offer; standing: Standing }[];
  activities: ClplActivity[];
  hours: HoursSummary;
}

/**
 * The person's CLPL this school year: upcoming sessions from the offers they signed up for, the CLPL they logged
 * themselves, and hours against the yearly target. Attended sessions count once attendance is recorded by the bot;
 * until then attended hours are zero.
 */
export async function myClplRecord(deps: GoalDependencies, ownerId: string): Promise<MyClplRecord> {
  const now = deps.clock.now();
  const today = todayIn(deps.timeZone, now);
  const year = schoolYearOf(today);
  const [upcoming, activities] = await Promise.all([deps.offers.upcomingSignUpsOf(ownerId, now), deps.activities.activitiesOf(ownerId, year)]);
  return {
    upcoming: upcoming.map(({ offer, allSignUps }) => ({ offer, standing: standingOf(ownerId, allSignUps) })),
    activities,
    hours: hoursSummary({ today, activities, attendedMinutes: 0 }),
  };
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
