import { AttendanceRecord } from './attendance';
import { FeedbackResponse, FeedbackScale, feedbackScales } from './feedback';
import { Offer } from './offer';
import { Person } from './person';
import { confirmedOf, SignUp } from './signUp';
import { Period } from './terms';
import type { FollowUpWindow } from './followUp';
import type { FollowUpSummary, TagFollowUp } from './followUpImpact';

/** The practice follow-up of one session: when it opens (null: the offer has none) and what it shows so far. */
export interface OfferFollowUp {
  window: FollowUpWindow | null;
  summary: FollowUpSummary;
}

/** A mean with the number of answers behind it, so a reader can judge how much it says. */
export interface Mean {
  mean: number;
  n: number;
}

export interface PracticeChange {
  text: string;
  /** Null where the person asked to share anonymously. */
  name: string | null;
}

export interface FeedbackBreakdown {
  value: Mean;
  /** Mean of (after − before) on each scale. */
  change: Record<FeedbackScale, Mean>;
  practiceChanges: PracticeChange[];
}

export interface OfferImpact {
  offer: Offer;
  confirmed: number;
  attended: number;
  /** Responses from people marked as attending. */
  responses: number;
  /** responses ÷ attended; null when nobody attended. */
  responseRate: number | null;
  /** Null below the minimum number of responses: too few to show without exposing anyone. */
  breakdown: FeedbackBreakdown | null;
  minResponses: number;
  /** Added by the report use case, which knows the follow-up settings. */
  followUp?: OfferFollowUp;
}

export function meanOf(values: readonly number[]): Mean {
  return { mean: values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length, n: values.length };
}

/**
 * What one session achieved. Anonymity holds by withholding the whole breakdown (means and every answer, named or
 * not) until at least `minResponses` attendees answered: below that, a mean or a lone anonymous answer could be
 * traced to the few people who gave it.
 */
export function offerImpact(input: {
  offer: Offer;
  signUps: readonly SignUp[];
  attendance: readonly AttendanceRecord[];
  responses: readonly FeedbackResponse[];
  minResponses: number;
}): OfferImpact {
  const attendedIds = new Set(input.attendance.filter((r) => r.attended).map((r) => r.person.id));
  const counted = input.responses.filter((r) => attendedIds.has(r.person.id));
  const enough = enoughToShow(counted.length, input.minResponses);
  return {
    offer: input.offer,
    confirmed: confirmedOf(input.signUps).length,
    attended: attendedIds.size,
    responses: counted.length,
    responseRate: attendedIds.size === 0 ? null : counted.length / attendedIds.size,
    breakdown: enough ? breakdownOf(counted) : null,
    minResponses: input.minResponses,
  };
}

/** Whether this many responses may be shown: at least one, and at least the anonymity threshold. */
export function enoughToShow(responses: number, minResponses: number): boolean {
  return responses >= Math.max(1, minResponses);
}

/** Mean value and mean change (after − before) on each scale: the numbers of a breakdown, for any set of responses. */
export interface FeedbackMeans {
  value: Mean;
  change: Record<FeedbackScale, Mean>;
}

/** Means only; the caller decides (with `enoughToShow`) whether they may be shown. */
export function feedbackMeans(responses: readonly FeedbackResponse[]): FeedbackMeans {
  const change = Object.fromEntries(
    feedbackScales.map((scale) => [scale, meanOf(responses.map((r) => r.after[scale] - r.before[scale]))]),
  ) as Record<FeedbackScale, Mean>;
  return { value: meanOf(responses.map((r) => r.value)), change };
}

function breakdownOf(responses: readonly FeedbackResponse[]): FeedbackBreakdown {
  const ordered = [...responses].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  return {
    ...feedbackMeans(responses),
    practiceChanges: ordered.map((r) => ({ text: r.practiceChange, name: r.anonymous ? null : r.person.name })),
  };
}

/** One attended session of one person, as the period report counts it. */
export interface AttendedSession {
  offer: Offer;
  record: AttendanceRecord;
}

export type TagKind = 'standard' | 'priority';

export interface TagHours {
  kind: TagKind;
  tag: string;
  sessions: number;
  hours: number;
}

export interface PersonHours {
  person: Person;
  sessions: number;
  hours: number;
  byTag: TagHours[];
}

export interface PeriodReport {
  period: Period;
  /** Distinct sessions attended by anyone in the period. */
  sessions: number;
  /** Hours of CLPL everyone attended together (person-hours). */
  hours: number;
  people: PersonHours[];
  /** Per tag: distinct sessions with that tag, and the person-hours attended on them. */
  byTag: TagHours[];
  /** The practice follow-ups of the period's sessions, overall and per tag; added by the report use case. */
  followUp?: { overall: FollowUpSummary; byTag: TagFollowUp[] };
}

/** Sessions and hours per person and per tag for sessions that started in the period; unattended records do not count. */
export function periodReport(period: Period, sessions: readonly AttendedSession[]): PeriodReport {
  const inPeriod = sessions.filter(
    (s) => s.record.attended && s.offer.startsAt.getTime() >= period.from.getTime() && s.offer.startsAt.getTime() < period.to.getTime(),
  );
  const byPerson = new Map<string, AttendedSession[]>();
  for (const session of inPeriod) byPerson.set(session.record.person.id, [...(byPerson.get(session.record.person.id) ?? []), session]);
  const people = [...byPerson.values()]
    .map((own) => ({ person: own[0]!.record.person, ...totals(own), byTag: tagTotals(own) }))
    .sort((a, b) => a.person.name.localeCompare(b.person.name) || a.person.id.localeCompare(b.person.id));
  return { period, ...totals(inPeriod), people, byTag: tagTotals(inPeriod) };
}

function totals(sessions: readonly AttendedSession[]): { sessions: number; hours: number } {
  return { sessions: new Set(sessions.map((s) => s.offer.id)).size, hours: hoursOf(sessions) };
}

function tagTotals(sessions: readonly AttendedSession[]): TagHours[] {
  const groups = new Map<string, { kind: TagKind; tag: string; sessions: AttendedSession[] }>();
  for (const session of sessions) {
    const tagged = [
      ...session.offer.tags.standards.map((tag) => ({ kind: 'standard' as const, tag })),
      ...session.offer.tags.priorities.map((tag) => ({ kind: 'priority' as const, tag })),
    ];
    for (const { kind, tag } of tagged) {
      const key = `${kind}:${tag}`;
      const group = groups.get(key) ?? { kind, tag, sessions: [] };
      group.sessions.push(session);
      groups.set(key, group);
    }
  }
  return [...groups.values()]
    .map((g) => ({ kind: g.kind, tag: g.tag, ...totals(g.sessions) }))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.tag.localeCompare(b.tag));
}

/** Summed in minutes, then rounded once, so many short sessions do not gather rounding error. */
export function hoursOf(sessions: readonly AttendedSession[]): number {
  const minutes = sessions.reduce((sum, s) => sum + s.record.minutes, 0);
  return Math.round((minutes / 60) * 100) / 100;
}
