import { hoursProgress, HoursProgress } from '../../domain/attendance';
import { AttendedSession } from '../../domain/impact';
import { schoolYear, schoolYearStartOf } from '../../domain/terms';
import { AppDependencies } from '../dependencies';
import { PeerObservation } from '../../domain/peerObservation';
import { observationHoursOf } from '../peerObservation/myObservations';

export interface MyHours {
  yearLabel: string;
  progress: HoursProgress;
  sessions: AttendedSession[];
  /** Peer observations the person has reflected on this year (see countsTowardHours). */
  observations: { observation: PeerObservation; minutes: number }[];
}

/** The sessions a person attended this school year, and their hours against the yearly target. */
export async function myAttendedHours(deps: AppDependencies, personId: string): Promise<MyHours> {
  const { timeZone, yearlyTargetHours } = deps.evidence;
  const year = schoolYear(schoolYearStartOf(deps.clock.now(), timeZone), timeZone);
  const [sessions, pattern, observations] = await Promise.all([
    deps.stores.evidence.attendedSessionsOf(personId, year.from, year.to),
    deps.stores.workPatterns.workPatternOf(personId),
    observationHoursOf(deps, personId, year.from, year.to),
  ]);
  const minutes = sessions.reduce((sum, s) => sum + s.record.minutes, 0) + observations.reduce((sum, o) => sum + o.minutes, 0);
  // Part-time staff's target is pro rata (their share is set in the tab).
  const target = Math.round(yearlyTargetHours * (pattern?.ftePercent ?? 100)) / 100;
  return { yearLabel: year.label, progress: hoursProgress(minutes, target), sessions, observations };
}
