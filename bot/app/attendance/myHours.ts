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
  const [sessions, pattern] = await Promise.all([deps.stores.evidence.attendedSessionsOf(personId, year.from, year.to), deps.stores.workPatterns.workPatternOf(personId)]);
  const minutes = sessions.reduce((sum, s) => sum + s.record.minutes, 0);
  // Part-time staff's target is pro rata (their share is set in the tab).
  const target = Math.round(yearlyTargetHours * (pattern?.ftePercent ?? 100)) / 100;
  return { yearLabel: year.label, progress: hoursProgress(minutes, target), sessions };
}
