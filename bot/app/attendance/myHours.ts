import { hoursProgress, HoursProgress } from '../../domain/attendance';
import { AttendedSession } from '../../domain/impact';
import { schoolYear, schoolYearStartOf } from '../../domain/terms';
import { AppDependencies } from '../dependencies';

export interface MyHours {
  yearLabel: string;
  progress: HoursProgress;
  sessions: AttendedSession[];
}

/** The sessions a person attended this school year, and their hours against the yearly target. */
export async function myAttendedHours(deps: AppDependencies, personId: string): Promise<MyHours> {
  const { timeZone, yearlyTargetHours } = deps.evidence;
  const year = schoolYear(schoolYearStartOf(deps.clock.now(), timeZone), timeZone);
  const sessions = await deps.stores.evidence.attendedSessionsOf(personId, year.from, year.to);
  const minutes = sessions.reduce((sum, s) => sum + s.record.minutes, 0);
  return { yearLabel: year.label, progress: hoursProgress(minutes, yearlyTargetHours), sessions };
}
