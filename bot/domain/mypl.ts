/**
 * A person's record shaped for the GTC Scotland MyPL (MyProfessionalLearning) portfolio, which holds the reflective
 * record of professional learning a teacher signs off for Professional Update every five years: one entry per
 * learning activity, so it can be carried across without retyping. Pure: made from a PersonalRecord.
 *
 * Column names. GTC Scotland's public pages ("MyProfessionalLearning: What you need to know",
 * gtcs.org.uk/professional-update/professional-learning/MyPL.aspx; "Key elements of the Professional Update process",
 * gtcs.org.uk/knowledge-base/articles/key-elements-of-professional-update; the 2016 "Professional Update: Reviewee
 * Guide") describe an entry as the learning activity and its date, reflected "against the appropriate Professional
 * Standards", with "evidence of its impact on my thinking and professional actions". None of them publishes MyPL's
 * entry form field by field, so the columns use those words; MyPL has no CSV import, the file is
 * for copying entry by entry. If GTC Scotland publishes the form's labels, rename the columns here.
 */
import { activityKindLabels } from './clplRecord';
import { observationMinutes } from './peerObservation';
import { calendarDateIn, observationEntryCounts, PersonalRecord } from './personalRecord';

export const myplColumns = ['Date', 'Title', 'Type of learning', 'Provider / facilitator', 'Hours', 'Professional Standards', 'Impact on my thinking and practice'] as const;

export interface MyplEntry {
  /** YYYY-MM-DD in the school's time zone. */
  date: string;
  title: string;
  kind: string;
  provider: string;
  /** Null where the app does not know (a reflection). */
  hours: number | null;
  standards: string[];
  /** The person's own words: their feedback on a session, the reflection on logged CLPL, their PRD reflection. */
  impact: string;
  source: { kind: 'session' | 'activity' | 'reflection' | 'observation'; id: string };
}

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/**
 * One entry per session attended, peer observation reflected on, CLPL logged and PRD reflection submitted, oldest
 * first: every activity whose hours the record counts (hoursBySchoolYear), and the PRD reflections.
 */
export function myplEntries(record: PersonalRecord): MyplEntry[] {
  const { stored, goals, timeZone } = record;
  const feedbackOn = new Map(stored.feedback.map((f) => [f.session.offerId, f.response]));
  const goalStandard = new Map(goals.map((g) => [g.id, g.standardArea]));
  const sessions: MyplEntry[] = stored.attendance
    .filter((a) => a.attended)
    .map(({ session, minutes }) => ({
      date: calendarDateIn(timeZone, session.startsAt),
      title: session.title,
      kind: 'CLPL session',
      provider: session.facilitator,
      hours: hours(minutes),
      standards: session.standards,
      impact: feedbackOn.get(session.offerId)?.practiceChange ?? '',
      source: { kind: 'session', id: session.offerId },
    }));
  // A visit is learning once the person has reflected on it, as it counts toward their hours then (never the colleague's words).
  const observations: MyplEntry[] = stored.peerObservations.filter(observationEntryCounts).map((o) => {
    const goalArea = o.reflection?.goalId ? goalStandard.get(o.reflection.goalId) : undefined;
    const standards = [...new Set([...(o.focusKind === 'standard' ? [o.focus] : []), ...(goalArea ? [goalArea] : [])])];
    const takeaway = o.reflection?.takeaway.trim() ?? '';
    return {
      date: calendarDateIn(o.timeZone, o.startsAt),
      title: `Peer observation: ${o.focus}`,
      kind: o.role === 'observer' ? 'Peer observation (visiting a colleague’s lesson)' : 'Peer observation (a colleague visiting my lesson)',
      provider: o.colleague.name,
      hours: hours(observationMinutes(o)),
      standards,
      impact: [o.reflection?.noticed.trim() ?? '', takeaway && `What I take away: ${takeaway}`].filter((s) => s !== '').join('\n'),
      source: { kind: 'observation', id: o.observationId },
    };
  });
  const logged: MyplEntry[] = stored.activities.map((a) => {
    const standard = a.goalId ? goalStandard.get(a.goalId) : undefined;
    return {
      date: a.date,
      title: a.title,
      kind: activityKindLabels[a.kind],
      provider: '',
      hours: hours(a.minutes),
      standards: standard ? [standard] : [],
      impact: a.reflection,
      source: { kind: 'activity', id: a.id },
    };
  });
  const reflections: MyplEntry[] = stored.reflections.flatMap(({ prompt, reflection }) => {
    if (!reflection || reflection.status !== 'submitted') return [];
    const { impactfulLearning, howYouKnow, standardAreas } = reflection.answers;
    const impact = [impactfulLearning.trim(), howYouKnow.trim() && `How I know: ${howYouKnow.trim()}`].filter((s) => s !== '').join('\n');
    return [
      {
        date: calendarDateIn(timeZone, reflection.submittedAt ?? reflection.updatedAt),
        title: 'Reflection before Professional Review and Development',
        kind: 'Professional reflection (PRD)',
        provider: '',
        hours: null,
        standards: standardAreas,
        impact,
        source: { kind: 'reflection', id: prompt.id },
      },
    ];
  });
  return [...sessions, ...observations, ...logged, ...reflections].sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));
}

/** The entries as CSV rows under `myplColumns`. */
export function myplRows(entries: readonly MyplEntry[]): string[][] {
  return entries.map((e) => [e.date, e.title, e.kind, e.provider, e.hours === null ? '' : String(e.hours), e.standards.join('; '), e.impact]);
}
