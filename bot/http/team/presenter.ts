import { MyClplRecord } from '../../app/goals/clplRecordUseCases';
import { Goal } from '../../domain/goals';
import { Person } from '../../domain/person';
import { presentRecord } from '../clpl/presenter';
import { presentGoal } from '../goals/presenter';

export function presentReports(reports: readonly Person[]) {
  return { reports: reports.map((r) => ({ id: r.id, name: r.name })) };
}

/** A direct report's goals and CLPL record, read-only: no calendar links, no versions to edit with. */
export function presentReport(person: Person, goals: readonly Goal[], record: MyClplRecord) {
  const { calendarFeedUrl: _feed, upcoming, ...rest } = presentRecord(record, null);
  return {
    person: { id: person.id, name: person.name },
    goals: goals.map((g) => {
      const { version: _version, ...goal } = presentGoal(g);
      return goal;
    }),
    record: { ...rest, upcoming: upcoming.map(({ calendarUrl: _url, ...session }) => session) },
  };
}
