/**
 * A person's own record: everything the app keeps about them, as the subject access right (UK GDPR article 15) asks
 * for and as a teacher can use it in their own Professional Update. Pure types and rules, no I/O: the use case in
 * app/privacy/ reads the stores and the goal store, here the record is checked for who may see it and summed up.
 */
import { ClplActivity } from './clplRecord';
import { FeedbackResponse } from './feedback';
import { Goal } from './goals';
import { Offer } from './offer';
import { observationMinutes, visitCountsTowardHours } from './peerObservation';
import { Person } from './person';
import { OfferProposal } from './proposal';
import { PromptRound, Reflection, ReflectionPrompt } from './reflections';

/** The files a record is offered as: a readable page and JSON, and the MyPL-shaped CSV and printable page. */
export const recordFormats = ['record.json', 'record.html', 'mypl.csv', 'mypl.html'] as const;
export type RecordFormat = (typeof recordFormats)[number];

/** A session as it appears in someone's record: what, when and who ran it; nobody else's sign-up or answer. */
export interface SessionSummary {
  offerId: string;
  schoolId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  facilitator: string;
  standards: string[];
  priorities: string[];
  status: string;
}

export function sessionSummaryOf(offer: Offer): SessionSummary {
  return {
    offerId: offer.id,
    schoolId: offer.schoolId,
    title: offer.title,
    startsAt: offer.startsAt,
    endsAt: offer.endsAt,
    timeZone: offer.timeZone,
    facilitator: offer.facilitator.name,
    standards: offer.tags.standards,
    priorities: offer.tags.priorities,
    status: offer.status,
  };
}

export interface Membership {
  schoolId: string;
  schoolName: string;
  /** The name the person had in the school's team when last seen. */
  nameSeen: string;
  email: string | null;
  lastSeenAt: Date;
}

export interface SignUpEntry {
  session: SessionSummary;
  status: string;
  queueNumber: number;
  signedUpAt: Date;
  updatedAt: Date;
}

export interface AttendanceEntry {
  session: SessionSummary;
  attended: boolean;
  minutes: number;
  recordedBy: Person;
  recordedAt: Date;
}

/** Everything the app's own database holds about one person (goals may live elsewhere: see PersonalRecord). */
export interface StoredPersonalData {
  personId: string;
  memberships: Membership[];
  signUps: SignUpEntry[];
  attendance: AttendanceEntry[];
  /** Every answer the person gave, the anonymous ones included: anonymity hides them in reports, not from them. */
  feedback: { session: SessionSummary; response: FeedbackResponse }[];
  activities: ClplActivity[];
  /** PRD reflection prompts addressed to the person, with their answer if they gave one. */
  reflections: { prompt: ReflectionPrompt; reflection: Reflection | null }[];
  /** The app's own line-management map: who manages the person, and whom they manage. */
  lineManagers: { schoolId: string; managerId: string }[];
  directReports: { schoolId: string; staffId: string }[];
  /** Reflection prompts the person sent as a line manager. */
  promptRoundsSent: PromptRound[];
  workPattern: { ftePercent: number; setBy: Person; setAt: Date } | null;
  /** That a private calendar address exists; the secret itself is never put in a download. */
  calendarFeed: { createdAt: Date } | null;
  /** That the bot holds an address to message the person 1:1 (a Teams conversation reference). */
  conversationAddress: { updatedAt: Date } | null;
  /** Recorded when the bot could not reach the person 1:1. */
  reachability: { schoolId: string; reason: string | null; installRequestedAt: Date | null; updatedAt: Date } | null;
  proposals: OfferProposal[];
  /** Proposals the person decided as a senior leader. */
  proposalDecisions: { proposalId: string; status: string; decidedAt: Date | null }[];
  offersCreated: { offerId: string; schoolId: string; title: string; createdAt: Date }[];
  /** Sessions the person is named as facilitator of. */
  sessionsFacilitated: SessionSummary[];
  /** Sessions whose attendance the person marked (as facilitator or SLT), with how many people. */
  attendanceRecorded: { offerId: string; title: string; people: number; lastRecordedAt: Date }[];
  /** Messages the bot queued for the person, by kind (their text is made from the sessions above). */
  notices: { kind: string; status: string; createdAt: Date; sentAt: Date | null }[];
  /** Earlier downloads of this record: who asked, in which format, when. */
  downloads: { requesterId: string; format: string; at: Date }[];
  /** Records of others the person downloaded (as a senior leader answering a request). */
  downloadsMade: { subjectId: string; format: string; at: Date }[];
  /** The person's practice follow-up answers, weeks after sessions they attended. */
  followUps: { offerId: string; title: string; used: string; practiceChange: string; pupilEffect: string; evidence: string; confidenceNow: number; relatedGoalId: string | null; anonymous: boolean; submittedAt: Date; updatedAt: Date }[];
  /** Learning the person shared back under a session's card (summary and links, posted with their name). */
  learningShares: { offerId: string; title: string; summary: string; resources: string[]; source: string; sharedAt: Date; posted: boolean }[];
  /**
   * Peer observations the person took part in (as observer or observed), with their own reflection. The colleague's
   * reflection is the colleague's personal data and is not part of this record.
   */
  peerObservations: PeerObservationEntry[];
  /** Schools the person is recorded as having left (no longer in any of its teams), awaiting erasure. */
  leftSchools: { schoolId: string; leftAt: Date }[];
  /** Groups of schools the person leads directly (null `addedById`: named in the groups file). */
  groupsLed: { groupId: string; groupName: string; addedById: string | null; since: Date }[];
  /** Colleagues the person made a lead of a group, by command. */
  groupLeadsAdded: { groupId: string; personId: string; at: Date }[];
  /** Erasures the person carried out as a senior leader (the audit names who erased, never whom). */
  erasuresCarriedOut: { erasureId: string; schoolId: string; reason: string; at: Date }[];
  /**
   * Goals in the app's database. With GOALS_STORE=local these are the person's goals; with a SharePoint list they are
   * any left from before the move, and the record lists them beside the list's.
   */
  databaseGoals: Goal[];
}

export interface PeerObservationEntry {
  observationId: string;
  schoolId: string;
  role: 'observer' | 'observed';
  /** Whether the person offered or requested it, or was asked. */
  startedBy: 'me' | 'colleague';
  colleague: Person;
  focus: string;
  /** A GTCS standard area or a school priority (the focus's list). */
  focusKind: 'standard' | 'priority';
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  place: string;
  status: string;
  reflection: { noticed: string; takeaway: string; goalId: string | null; submittedAt: Date; updatedAt: Date } | null;
}

export interface YearHours {
  /** School year, e.g. 2025/26 (1 August to 31 July). */
  year: string;
  /** Sessions marked as attended. */
  attendedHours: number;
  /** Peer observations the person reflected on (countsTowardHours), as the tab's record counts them. */
  observedHours: number;
  loggedHours: number;
  totalHours: number;
}

export interface PersonalRecord {
  person: Person;
  generatedAt: Date;
  /** Who asked for it: the person, or a senior leader answering a subject access request. */
  requestedBy: Person;
  stored: StoredPersonalData;
  goals: Goal[];
  /** Where the goals are kept (the app database, or a SharePoint list). */
  goalsKeptIn: string;
  hoursByYear: YearHours[];
  timeZone: string;
}

/**
 * Whether the requester may have the subject's record: the person themselves, or a senior leader (by configuration) of
 * a school the subject belongs to. Nobody else, line managers included: they see the tab's read-only view.
 */
export function mayReadRecord(input: { requesterId: string; subjectId: string; subjectSchoolIds: readonly string[]; sltIdsOf: (schoolId: string) => readonly string[] }): boolean {
  if (input.requesterId === input.subjectId) return true;
  return input.subjectSchoolIds.some((schoolId) => input.sltIdsOf(schoolId).includes(input.requesterId));
}

/** The school year (1 August to 31 July) a calendar date falls in, as 2025/26. */
function schoolYearLabel(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = date.slice(5) >= '08-01' ? year : year - 1;
  return `${start}/${String(start + 1).slice(2)}`;
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function calendarDateIn(timeZone: string, instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** Whether a visit in the person's record counts toward their hours: the tab's rule (countsTowardHours), from their side. */
export function observationEntryCounts(entry: Pick<PeerObservationEntry, 'status' | 'reflection'>): boolean {
  return visitCountsTowardHours(entry.status, entry.reflection !== null);
}

/**
 * Attended, observed and logged hours for every school year the person has any in, latest first. The same hours as
 * the tab's record (myClplRecord): sessions attended, peer observations reflected on, and CLPL logged.
 */
export function hoursBySchoolYear(input: {
  attendance: readonly AttendanceEntry[];
  activities: readonly ClplActivity[];
  observations: readonly PeerObservationEntry[];
  timeZone: string;
}): YearHours[] {
  const years = new Map<string, { attended: number; observed: number; logged: number }>();
  const add = (year: string, key: 'attended' | 'observed' | 'logged', minutes: number) => {
    const totals = years.get(year) ?? { attended: 0, observed: 0, logged: 0 };
    totals[key] += minutes;
    years.set(year, totals);
  };
  for (const entry of input.attendance) if (entry.attended) add(schoolYearLabel(calendarDateIn(input.timeZone, entry.session.startsAt)), 'attended', entry.minutes);
  for (const visit of input.observations) {
    if (observationEntryCounts(visit)) add(schoolYearLabel(calendarDateIn(input.timeZone, visit.startsAt)), 'observed', observationMinutes(visit));
  }
  for (const activity of input.activities) add(schoolYearLabel(activity.date), 'logged', activity.minutes);
  const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
  return [...years.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([year, { attended, observed, logged }]) => ({
      year,
      attendedHours: hours(attended),
      observedHours: hours(observed),
      loggedHours: hours(logged),
      totalHours: hours(attended + observed + logged),
    }));
}
