import { MyClplRecord } from '../../app/goals/clplRecordUseCases';
import { Goal } from '../../domain/goals';
import { Person } from '../../domain/person';
import { presentRecord } from '../clpl/presenter';
import { presentGoal } from '../goals/presenter';

export function presentReports(reports: readonly Person[]) {
  return { reports: reports.map((r) => ({ id: r.id, name: r.name })) };
}

/**
 * A direct report's goals and CLPL record, read-only. Named field by field, so nothing added to the person's own record
 * later reaches their manager unasked: no calendar links or joining links (they are the person's own), no versions to
 * edit with.
 */
export function presentReport(person: Person, goals: readonly Goal[], record: MyClplRecord) {
  const own = presentRecord(record, null);
  return {
    person: { id: person.id, name: person.name },
    goals: goals.map((g) => {
      const { version: _version, ...goal } = presentGoal(g);
      return goal;
    }),
    record: {
      upcoming: own.upcoming.map(({ offerId, title, startsAt, endsAt, timeZone, location, standing, hours }) => ({ offerId, title, startsAt, endsAt, timeZone, location, standing, hours })),
      awaitingFeedback: own.awaitingFeedback,
      attended: own.attended,
      activities: own.activities,
      ftePercent: own.ftePercent,
      // Counts only: the focus, the colleague and the reflections stay between the two.
      peerObservations: own.peerObservations,
      hours: own.hours,
    },
  };
}
