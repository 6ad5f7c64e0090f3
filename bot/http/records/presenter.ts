import { activityKindLabels } from '../../domain/clplRecord';
import { Goal } from '../../domain/goals';
import { observationEntryCounts, PersonalRecord, SessionSummary } from '../../domain/personalRecord';
import { observationMinutes } from '../../domain/peerObservation';
import { Person } from '../../domain/person';

const iso = (date: Date | null) => (date === null ? null : date.toISOString());
const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
const person = (p: Person) => ({ id: p.id, name: p.name });

function session(s: SessionSummary) {
  return {
    offerId: s.offerId,
    schoolId: s.schoolId,
    title: s.title,
    startsAt: iso(s.startsAt),
    endsAt: iso(s.endsAt),
    timeZone: s.timeZone,
    facilitator: s.facilitator,
    standards: s.standards,
    priorities: s.priorities,
    status: s.status,
  };
}

export function presentGoalForRecord(g: Goal) {
  return {
    id: g.id,
    title: g.title,
    successCriteria: g.successCriteria,
    standardArea: g.standardArea,
    targetDate: g.targetDate,
    status: g.status,
    progressNotes: g.progressNotes.map((n) => ({ date: n.date, text: n.text })),
    evidence: g.evidence.map((e) => ({ kind: e.kind, ref: e.ref, label: e.label })),
    createdAt: iso(g.createdAt),
    updatedAt: iso(g.updatedAt),
  };
}

/**
 * The machine-readable record (record.json). Every field is named here, one section per kind of data, so what a
 * download contains is decided in one place and a change to a domain type does not leak into it unreviewed.
 */
export function presentPersonalRecord(record: PersonalRecord) {
  const { stored } = record;
  return {
    kind: 'clpl-personal-record',
    version: 1,
    generatedAt: iso(record.generatedAt),
    person: person(record.person),
    requestedBy: person(record.requestedBy),
    timeZone: record.timeZone,
    memberships: stored.memberships.map((m) => ({ schoolId: m.schoolId, schoolName: m.schoolName, nameSeen: m.nameSeen, email: m.email, lastSeenAt: iso(m.lastSeenAt) })),
    hoursByYear: record.hoursByYear.map((y) => ({ year: y.year, attendedHours: y.attendedHours, observedHours: y.observedHours, loggedHours: y.loggedHours, totalHours: y.totalHours })),
    signUps: stored.signUps.map((s) => ({ session: session(s.session), status: s.status, queueNumber: s.queueNumber, signedUpAt: iso(s.signedUpAt), updatedAt: iso(s.updatedAt) })),
    attendance: stored.attendance.map((a) => ({ session: session(a.session), attended: a.attended, minutes: a.minutes, hours: hours(a.minutes), recordedBy: person(a.recordedBy), recordedAt: iso(a.recordedAt) })),
    feedback: stored.feedback.map(({ session: s, response: r }) => ({
      session: session(s),
      value: r.value,
      before: { knowledge: r.before.knowledge, understanding: r.before.understanding, confidence: r.before.confidence },
      after: { knowledge: r.after.knowledge, understanding: r.after.understanding, confidence: r.after.confidence },
      practiceChange: r.practiceChange,
      relatedGoalId: r.relatedGoalId,
      legacyRelatedGoal: r.legacyRelatedGoal,
      anonymous: r.anonymous,
      submittedAt: iso(r.submittedAt),
      updatedAt: iso(r.updatedAt),
    })),
    loggedClpl: stored.activities.map((a) => ({
      id: a.id,
      kind: a.kind,
      kindLabel: activityKindLabels[a.kind],
      title: a.title,
      date: a.date,
      minutes: a.minutes,
      hours: hours(a.minutes),
      reflection: a.reflection,
      goalId: a.goalId,
      createdAt: iso(a.createdAt),
    })),
    goals: { keptIn: record.goalsKeptIn, items: record.goals.map(presentGoalForRecord) },
    reflections: stored.reflections.map(({ prompt, reflection }) => ({
      promptId: prompt.id,
      roundId: prompt.roundId,
      schoolId: prompt.schoolId,
      managerId: prompt.managerId,
      dueDate: prompt.dueDate,
      message: prompt.message,
      delivery: prompt.delivery,
      promptedAt: iso(prompt.createdAt),
      lastPromptedAt: iso(prompt.lastPromptedAt),
      answer: reflection && {
        status: reflection.status,
        updatedAt: iso(reflection.updatedAt),
        submittedAt: iso(reflection.submittedAt),
        impactfulLearning: reflection.answers.impactfulLearning,
        howYouKnow: reflection.answers.howYouKnow,
        goalProgress: reflection.answers.goalProgress.map((g) => ({ goalId: g.goalId, goalTitle: g.goalTitle, progress: g.progress })),
        nextYearFocus: reflection.answers.nextYearFocus,
        standardAreas: reflection.answers.standardAreas,
      },
    })),
    lineManagement: {
      managers: stored.lineManagers.map((m) => ({ schoolId: m.schoolId, managerId: m.managerId })),
      directReports: stored.directReports.map((r) => ({ schoolId: r.schoolId, staffId: r.staffId })),
    },
    reflectionPromptsSent: stored.promptRoundsSent.map((r) => ({ roundId: r.id, schoolId: r.schoolId, dueDate: r.dueDate, message: r.message, createdAt: iso(r.createdAt) })),
    workPattern: stored.workPattern && { ftePercent: stored.workPattern.ftePercent, setBy: person(stored.workPattern.setBy), setAt: iso(stored.workPattern.setAt) },
    reachability: {
      conversationAddressHeld: stored.conversationAddress !== null,
      conversationAddressUpdatedAt: iso(stored.conversationAddress?.updatedAt ?? null),
      calendarFeed: stored.calendarFeed && { createdAt: iso(stored.calendarFeed.createdAt) },
      unreachable: stored.reachability && {
        schoolId: stored.reachability.schoolId,
        reason: stored.reachability.reason,
        installRequestedAt: iso(stored.reachability.installRequestedAt),
        updatedAt: iso(stored.reachability.updatedAt),
      },
    },
    proposals: stored.proposals.map((p) => ({
      id: p.id,
      schoolId: p.schoolId,
      title: p.draft.title,
      description: p.draft.description,
      startsAt: iso(p.draft.startsAt),
      status: p.status,
      createdAt: iso(p.createdAt),
      decision: p.decision && { outcome: p.decision.outcome, by: person(p.decision.by), at: iso(p.decision.at), reason: p.decision.reason, offerId: p.decision.offerId },
    })),
    proposalDecisions: stored.proposalDecisions.map((d) => ({ proposalId: d.proposalId, status: d.status, decidedAt: iso(d.decidedAt) })),
    offersCreated: stored.offersCreated.map((o) => ({ offerId: o.offerId, schoolId: o.schoolId, title: o.title, createdAt: iso(o.createdAt) })),
    sessionsFacilitated: stored.sessionsFacilitated.map(session),
    attendanceRecorded: stored.attendanceRecorded.map((a) => ({ offerId: a.offerId, title: a.title, people: a.people, lastRecordedAt: iso(a.lastRecordedAt) })),
    notices: stored.notices.map((n) => ({ kind: n.kind, status: n.status, createdAt: iso(n.createdAt), sentAt: iso(n.sentAt) })),
    downloads: stored.downloads.map((d) => ({ requesterId: d.requesterId, format: d.format, at: iso(d.at) })),
    downloadsMade: stored.downloadsMade.map((d) => ({ subjectId: d.subjectId, format: d.format, at: iso(d.at) })),
    followUps: stored.followUps.map((f) => ({ ...f, submittedAt: iso(f.submittedAt), updatedAt: iso(f.updatedAt) })),
    learningShares: stored.learningShares.map((s) => ({ ...s, sharedAt: iso(s.sharedAt) })),
    peerObservations: stored.peerObservations.map((o) => ({
      ...o,
      colleague: person(o.colleague),
      startsAt: iso(o.startsAt),
      endsAt: iso(o.endsAt),
      // As in hoursByYear: a visit counts once the person reflected on it.
      hours: observationEntryCounts(o) ? hours(observationMinutes(o)) : 0,
      reflection: o.reflection && { ...o.reflection, submittedAt: iso(o.reflection.submittedAt), updatedAt: iso(o.reflection.updatedAt) },
    })),
    leftSchools: stored.leftSchools.map((l) => ({ schoolId: l.schoolId, leftAt: iso(l.leftAt) })),
    groupsLed: stored.groupsLed.map((g) => ({ groupId: g.groupId, groupName: g.groupName, addedById: g.addedById, since: iso(g.since) })),
    groupLeadsAdded: stored.groupLeadsAdded.map((g) => ({ groupId: g.groupId, personId: g.personId, at: iso(g.at) })),
    erasuresCarriedOut: stored.erasuresCarriedOut.map((e) => ({ erasureId: e.erasureId, schoolId: e.schoolId, reason: e.reason, at: iso(e.at) })),
  };
}

export type PresentedPersonalRecord = ReturnType<typeof presentPersonalRecord>;
