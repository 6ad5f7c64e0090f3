import { DateTime } from 'luxon';

/**
 * Erasure of a person (a leaver, or someone who asks) and retention: pure decisions about what goes and what stays.
 *
 * The school is the data controller and must keep some aggregates (an offer's attendance count, the impact means and
 * their n, hours per tag for past terms). Those rows stay, but without the person: their id is replaced by a random
 * pseudonym made for this one erasure (nothing maps it back) and their name by `erasedPersonName`, so every count,
 * mean and total is unchanged while nothing identifies them. Everything else about them is deleted.
 */

/** What a person leaves in the app, counted per kind, for the preview SLT see before confirming. */
export const goingKinds = [
  'membership',
  'goals',
  'loggedClpl',
  'calendarFeed',
  'workPattern',
  'lineManagement',
  'reflections',
  'upcomingSignUps',
  'pendingProposals',
  'notices',
  'observationReflections',
  'upcomingObservations',
] as const;
export const stayingKinds = ['pastSignUps', 'attendance', 'feedback', 'offersLed', 'decisionsMade', 'peerObservations'] as const;

export type GoingKind = (typeof goingKinds)[number];
export type StayingKind = (typeof stayingKinds)[number];
export type TraceKind = GoingKind | StayingKind;
export type PersonTraces = Record<TraceKind, number>;

/** How an erased person is shown where a name is kept for the school's records (attendance lists, old offers). */
export const erasedPersonName = 'Former member of staff';

/** The pseudonym that replaces the person's id in rows kept as aggregate: random per erasure, so unlinkable. */
export function pseudonymFor(randomId: string): string {
  return `erased:${randomId}`;
}

export function isPseudonym(personId: string): boolean {
  return personId.startsWith('erased:');
}

const goingText: Record<GoingKind, (n: number) => string> = {
  membership: () => 'Their membership of the school: name, email, how the bot reaches them, reachability',
  goals: (n) => `${n} goal${n === 1 ? '' : 's'} with progress and evidence (also in SharePoint when goals are kept there)`,
  loggedClpl: (n) => `${n} logged CLPL activit${n === 1 ? 'y' : 'ies'}`,
  calendarFeed: () => 'Their private calendar address',
  workPattern: () => 'Their share of full time',
  lineManagement: (n) => `${n} line-management link${n === 1 ? '' : 's'}`,
  reflections: (n) => `${n} PRD reflection prompt${n === 1 ? '' : 's'} and answers`,
  upcomingSignUps: (n) => `${n} place${n === 1 ? '' : 's'} on sessions still to come (freed for the waitlist)`,
  pendingProposals: (n) => `${n} proposed offer${n === 1 ? '' : 's'} not yet decided`,
  notices: (n) => `${n} message${n === 1 ? '' : 's'} queued for or sent to them`,
  observationReflections: (n) => `${n} reflection${n === 1 ? '' : 's'} on peer observations, in their own words (the colleague's reflection on the same visit is the colleague's own and stays)`,
  upcomingObservations: (n) => `${n} peer observation${n === 1 ? '' : 's'} still to come: cancelled, and the colleague is told`,
};

const stayingText: Record<StayingKind, (n: number) => string> = {
  pastSignUps: (n) => `${n} past sign-up${n === 1 ? '' : 's'}: counted in each session's numbers, without their name`,
  attendance: (n) => `${n} attendance record${n === 1 ? '' : 's'}: hours stay in the school's totals per term and tag, without their name`,
  feedback: (n) => `${n} feedback answer${n === 1 ? '' : 's'}: the ratings stay in the impact means and n; their words and the link to them go`,
  offersLed: (n) => `${n} offer${n === 1 ? '' : 's'} they created or led: shown as led by "${erasedPersonName}"`,
  decisionsMade: (n) => `${n} decision${n === 1 ? '' : 's'} they made for others (attendance marked, proposals decided, prompts sent): kept as by "${erasedPersonName}"`,
  peerObservations: (n) =>
    `${n} peer observation${n === 1 ? '' : 's'} with a colleague (past, declined or cancelled): kept for the colleague's own record and hours, with "${erasedPersonName}" in their place`,
};

export interface ErasurePreviewLine {
  kind: TraceKind;
  count: number;
  text: string;
}

/** The "what goes, what stays" lists: only kinds the person has any of. */
export function erasurePreview(traces: PersonTraces): { goes: ErasurePreviewLine[]; stays: ErasurePreviewLine[] } {
  return {
    goes: goingKinds.filter((k) => traces[k] > 0).map((k) => ({ kind: k, count: traces[k], text: goingText[k](traces[k]) })),
    stays: stayingKinds.filter((k) => traces[k] > 0).map((k) => ({ kind: k, count: traces[k], text: stayingText[k](traces[k]) })),
  };
}

export function noTraces(): PersonTraces {
  return Object.fromEntries([...goingKinds, ...stayingKinds].map((k) => [k, 0])) as PersonTraces;
}

export interface RetentionPolicy {
  /** Records of events (sign-ups, attendance, feedback, reflections, logged CLPL, notices) older than this are anonymised or erased. */
  recordYears: number;
  /** A leaver is erased this many days after they left every team of the school, unless SLT did it sooner. */
  leaverDays: number;
}

/**
 * Everything that happened before this instant is past the retention period. Whole calendar years back in the school's
 * time zone, so 29 February and the clock change do not move the line.
 */
export function retentionCutoff(now: Date, years: number, timeZone: string): Date {
  return DateTime.fromJSDate(now, { zone: timeZone }).minus({ years }).toJSDate();
}

/** Leavers who left before this instant are due to be erased. */
export function leaverCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}

/** The person's names and emails as they were stored, to look for in free text that names them (a facilitator). */
export function mentionsAny(text: string, needles: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return needles.some((n) => n.trim().length >= 3 && lower.includes(n.trim().toLowerCase()));
}
