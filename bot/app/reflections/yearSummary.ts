import { sortGoals } from '../../domain/goals';
import { ClplYearSummary } from '../../ports/reflectionNotices';
import { myAttendedHours } from '../attendance/myHours';
import { AppDependencies } from '../dependencies';
import { reflectionServices } from './reflectionServices';

/** Caps what a reflection card lists, to keep the card well under Teams' message size. */
const maxGoals = 20;

/** A person's CLPL this school year, for the top of their reflection card. */
export async function clplYearSummary(app: AppDependencies, personId: string): Promise<ClplYearSummary> {
  const [year, goals] = await Promise.all([myAttendedHours(app, personId), reflectionServices(app).goals.listGoals(personId)]);
  const feedback = await Promise.all(year.sessions.map((s) => app.stores.evidence.findFeedback(s.offer.id, personId)));
  return {
    yearLabel: year.yearLabel,
    sessionsAttended: year.sessions.length,
    hours: Math.round((year.sessions.reduce((sum, s) => sum + s.record.minutes, 0) / 60) * 10) / 10,
    targetHours: app.evidence.yearlyTargetHours,
    feedbackGiven: feedback.filter((f) => f !== undefined).length,
    goals: sortGoals(goals)
      .slice(0, maxGoals)
      .map((g) => ({ id: g.id, title: g.title, status: g.status })),
  };
}
