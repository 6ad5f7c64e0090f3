/**
 * A person's CLPL record: learning logged by the person that did not come through an offer, and the hours for the
 * school year against the yearly target (35 hours for a full-time teacher in Scotland, pro rata for part-time staff).
 */
import { isCalendarDate } from './goals';

export const activityKinds = ['external_course', 'peer_observation', 'professional_reading', 'professional_enquiry'] as const;
export type ActivityKind = (typeof activityKinds)[number];

export const activityKindLabels: Record<ActivityKind, string> = {
  external_course: 'External course',
  peer_observation: 'Peer observation',
  professional_reading: 'Professional reading',
  professional_enquiry: 'Professional enquiry',
};

export interface ClplActivity {
  id: string;
  ownerId: string;
  kind: ActivityKind;
  title: string;
  /** YYYY-MM-DD */
  date: string;
  /** Whole minutes (hours are entered in quarter hours). */
  minutes: number;
  reflection: string;
  /** The goal this is evidence for, if any. */
  goalId: string | null;
  createdAt: Date;
}

export const yearlyTargetHours = 35;

export class ActivityError extends Error {
  readonly code = 'invalid_activity';
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string>,
  ) {
    super(message);
    this.name = 'ActivityError';
  }
}

export function newActivity(input: {
  id: string;
  ownerId: string;
  kind: ActivityKind;
  title: string;
  date: string;
  hours: number;
  reflection: string;
  goalId: string | null;
  now: Date;
}): ClplActivity {
  const problems: Record<string, string> = {};
  const title = input.title.trim();
  const reflection = input.reflection.trim();
  if (title === '' || title.length > 200) problems.title = 'Say what it was, in up to 200 characters.';
  if (!isCalendarDate(input.date)) problems.date = 'The date must be a date (YYYY-MM-DD).';
  else if (input.date > input.now.toISOString().slice(0, 10)) problems.date = 'Log CLPL once it has happened.';
  if (!(input.hours > 0 && input.hours <= 100) || Math.round(input.hours * 4) !== input.hours * 4) {
    problems.hours = 'Hours must be between 0.25 and 100, in quarter hours.';
  }
  if (reflection.length > 2000) problems.reflection = 'Keep the reflection to 2000 characters.';
  if (Object.keys(problems).length > 0) throw new ActivityError('The CLPL entry is not complete.', problems);
  return {
    id: input.id,
    ownerId: input.ownerId,
    kind: input.kind,
    title,
    date: input.date,
    minutes: Math.round(input.hours * 60),
    reflection,
    goalId: input.goalId,
    createdAt: input.now,
  };
}

/** The Scottish school year a date falls in: 1 August to 31 July. Returns [first day, last day] as YYYY-MM-DD. */
export function schoolYearOf(date: string): { from: string; to: string; label: string } {
  const year = Number(date.slice(0, 4));
  const start = date.slice(5) >= '08-01' ? year : year - 1;
  return { from: `${start}-08-01`, to: `${start + 1}-07-31`, label: `${start}/${String(start + 1).slice(2)}` };
}

export interface HoursSummary {
  year: string;
  targetHours: number;
  loggedHours: number;
  attendedHours: number;
  totalHours: number;
}

/** Hours this school year against the target; `fte` (1 = full time) scales the target for part-time staff. */
export function hoursSummary(input: {
  today: string;
  activities: readonly ClplActivity[];
  attendedMinutes: number;
  fte?: number;
  targetHours?: number;
}): HoursSummary {
  const year = schoolYearOf(input.today);
  const loggedMinutes = input.activities.filter((a) => a.date >= year.from && a.date <= year.to).reduce((sum, a) => sum + a.minutes, 0);
  const round = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
  return {
    year: year.label,
    targetHours: Math.round((input.targetHours ?? yearlyTargetHours) * (input.fte ?? 1) * 100) / 100,
    loggedHours: round(loggedMinutes),
    attendedHours: round(input.attendedMinutes),
    totalHours: round(loggedMinutes + input.attendedMinutes),
  };
}
