import { FeedbackResponse } from './feedback';
import { FollowUpResponse, PracticeUse } from './followUp';
import { Mean, meanOf } from './impact';
import { Offer } from './offer';
import { TagKind } from './impact';

/** One attendee who was asked for a follow-up (their session's follow-up has opened). */
export interface AskedAttendee {
  offerId: string;
  personId: string;
}

/** Confidence on the same 1–5 scale at three points, over the people who answered both feedback and follow-up. */
export interface ConfidenceOverTime {
  before: Mean;
  after: Mean;
  followUp: Mean;
  /** Mean of (follow-up − before): how much of the change was sustained weeks later. */
  sustainedChange: Mean;
}

export interface FollowUpAnswerShown {
  used: PracticeUse;
  practiceChange: string;
  pupilEffect: string;
  /** Null where the person asked to share anonymously. */
  name: string | null;
}

export interface FollowUpBreakdown {
  /** Share who used it (in their practice, or tried it), of those who answered. */
  applied: { share: number; n: number };
  confidence: ConfidenceOverTime;
  answers: FollowUpAnswerShown[];
}

export interface FollowUpSummary {
  /** Attendees whose follow-up has opened. */
  asked: number;
  responses: number;
  /** responses ÷ asked; null when nobody has been asked yet. */
  responseRate: number | null;
  /** Null below the minimum number of responses, as for feedback. */
  breakdown: FollowUpBreakdown | null;
  minResponses: number;
}

/**
 * What weeks later shows. Only answers from people who were asked count (an answer from someone no longer marked as
 * attending is left out). Like feedback, the whole breakdown is withheld below `minResponses` answers, so a mean or a
 * lone answer cannot be traced to the few who gave it.
 */
export function followUpSummary(input: {
  asked: readonly AskedAttendee[];
  feedback: readonly FeedbackResponse[];
  followUps: readonly FollowUpResponse[];
  minResponses: number;
}): FollowUpSummary {
  const key = (offerId: string, personId: string) => `${offerId}\n${personId}`;
  const askedKeys = new Set(input.asked.map((a) => key(a.offerId, a.personId)));
  const counted = input.followUps.filter((f) => askedKeys.has(key(f.offerId, f.person.id)));
  const enough = counted.length >= Math.max(1, input.minResponses);
  return {
    asked: askedKeys.size,
    responses: counted.length,
    responseRate: askedKeys.size === 0 ? null : counted.length / askedKeys.size,
    breakdown: enough ? breakdownOf(counted, input.feedback) : null,
    minResponses: input.minResponses,
  };
}

function breakdownOf(followUps: readonly FollowUpResponse[], feedback: readonly FeedbackResponse[]): FollowUpBreakdown {
  const feedbackOf = new Map(feedback.map((f) => [`${f.offerId}\n${f.person.id}`, f]));
  const paired = followUps.flatMap((f) => {
    const given = feedbackOf.get(`${f.offerId}\n${f.person.id}`);
    return given ? [{ before: given.before.confidence, after: given.after.confidence, now: f.confidenceNow }] : [];
  });
  const applied = followUps.filter((f) => f.used !== 'no').length;
  const ordered = [...followUps].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  return {
    applied: { share: applied / followUps.length, n: followUps.length },
    confidence: {
      before: meanOf(paired.map((p) => p.before)),
      after: meanOf(paired.map((p) => p.after)),
      followUp: meanOf(paired.map((p) => p.now)),
      sustainedChange: meanOf(paired.map((p) => p.now - p.before)),
    },
    answers: ordered.map((f) => ({ used: f.used, practiceChange: f.practiceChange, pupilEffect: f.pupilEffect, name: f.anonymous ? null : f.person.name })),
  };
}

export interface TagFollowUp {
  kind: TagKind;
  tag: string;
  summary: FollowUpSummary;
}

/** Follow-up summaries over a period's sessions: all of them, and per tag (a session counts under each of its tags). */
export function followUpsByTag(input: {
  offers: readonly Offer[];
  asked: readonly AskedAttendee[];
  feedback: readonly FeedbackResponse[];
  followUps: readonly FollowUpResponse[];
  minResponses: number;
}): { overall: FollowUpSummary; byTag: TagFollowUp[] } {
  const groups = new Map<string, { kind: TagKind; tag: string; offerIds: Set<string> }>();
  for (const offer of input.offers) {
    const tagged = [...offer.tags.standards.map((tag) => ({ kind: 'standard' as const, tag })), ...offer.tags.priorities.map((tag) => ({ kind: 'priority' as const, tag }))];
    for (const { kind, tag } of tagged) {
      const group = groups.get(`${kind}:${tag}`) ?? { kind, tag, offerIds: new Set<string>() };
      group.offerIds.add(offer.id);
      groups.set(`${kind}:${tag}`, group);
    }
  }
  const summaryOf = (offerIds: ReadonlySet<string> | null) =>
    followUpSummary({
      asked: input.asked.filter((a) => !offerIds || offerIds.has(a.offerId)),
      feedback: input.feedback,
      followUps: input.followUps.filter((f) => !offerIds || offerIds.has(f.offerId)),
      minResponses: input.minResponses,
    });
  return {
    overall: summaryOf(null),
    byTag: [...groups.values()]
      .map((g) => ({ kind: g.kind, tag: g.tag, summary: summaryOf(g.offerIds) }))
      .filter((t) => t.summary.asked > 0)
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.tag.localeCompare(b.tag)),
  };
}
