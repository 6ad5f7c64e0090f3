import { Goal } from '../../bot/domain/goals';
import { Offer } from '../../bot/domain/offer';
import { Person } from '../../bot/domain/person';
import { OfferProposal } from '../../bot/domain/proposal';
import { PromptRound, Reflection, ReflectionPrompt } from '../../bot/domain/reflections';
import { GoalStore } from '../../bot/ports/goalStore';
import { Stores } from '../../bot/ports/stores';
import { buildAttendance, buildResponse } from './evidence';
import { buildDraft, buildOffer, buildSignUp, schoolId, shift, sltMember, testNow } from './offers';
import { ClplActivity } from '../../bot/domain/clplRecord';

export const subject: Person = { id: 'ailsa', name: 'Ailsa Brown' };
export const manager: Person = { id: 'callum', name: 'Callum Reid' };
export const report: Person = { id: 'dana', name: 'Dana Grant' };

/** What `seedEveryKindOfData` stored for the subject, for a test to check field by field. */
export interface SeededPersonalData {
  schoolName: string;
  email: string;
  attendedAnonymously: Offer;
  attendedNamed: Offer;
  waitlisted: Offer;
  facilitated: Offer;
  activity: ClplActivity;
  goal: Goal;
  prompt: ReflectionPrompt;
  reflection: Reflection;
  roundSent: PromptRound;
  proposal: OfferProposal;
  decidedProposal: OfferProposal;
  calendarToken: string;
}

/**
 * One of every kind of data the app keeps about a person, for `subject`, with colleagues around them whose data must
 * not appear in the subject's record: sign-ups, attendance, feedback (one anonymous), logged CLPL, a goal with notes
 * and evidence (in `goals`, the local store unless given), a PRD reflection, line management both ways, a reflection
 * prompt they sent, a work pattern, a calendar feed, a conversation address, an unreachable record, a proposal,
 * a proposal they decided, an offer they created and facilitated with attendance they marked, and a queued notice.
 */
export async function seedEveryKindOfData(stores: Stores, options: { goals?: GoalStore; schoolName?: string } = {}): Promise<SeededPersonalData> {
  const schoolName = options.schoolName ?? 'Balerno High School';
  const email = 'ailsa.brown@school.example';
  const goals = options.goals ?? stores.goals;
  await stores.schools.upsertSchool({ id: schoolId, name: schoolName, tenantId: null });
  await stores.schools.recordMember(schoolId, { ...subject, email });
  for (const person of [manager, report, sltMember]) await stores.schools.recordMember(schoolId, person);

  const attendedAnonymously = buildOffer({ title: 'Retrieval practice', startsAt: shift(testNow, { days: -20 }), endsAt: shift(testNow, { days: -20, hours: 2 }), tags: { standards: ['Professional Knowledge and Understanding'], priorities: [] } });
  const attendedNamed = buildOffer({ title: 'Hinge questions', startsAt: shift(testNow, { days: -10 }), endsAt: shift(testNow, { days: -10, minutes: 90 }), facilitator: { kind: 'external', name: 'Education Scotland' }, tags: { standards: ['Professional Skills and Abilities'], priorities: ['Closing the attainment gap'] } });
  const waitlisted = buildOffer({ title: 'Outdoor learning', startsAt: shift(testNow, { days: 5 }), capacity: 1 });
  const facilitated = buildOffer({ title: 'Reading for pleasure', startsAt: shift(testNow, { days: -3 }), endsAt: shift(testNow, { days: -3, hours: 1 }), createdBy: subject, facilitator: { kind: 'staff', userId: subject.id, name: subject.name } });

  const goal = await goals.createGoal({
    id: 'goal-ailsa-1',
    ownerId: subject.id,
    title: 'Deepen questioning',
    successCriteria: 'Pupils explain their reasoning',
    standardArea: 'Professional Skills and Abilities',
    targetDate: '2027-06-30',
    status: 'in_progress',
    progressNotes: [{ date: '2026-01-10', text: 'Tried hinge questions with S2' }],
    evidence: [{ kind: 'link', ref: 'https://example.org/hinge', label: 'Hinge question bank' }],
    createdAt: shift(testNow, { days: -30 }),
    updatedAt: shift(testNow, { days: -9 }),
    version: '',
  });

  await stores.evidence.transaction(async (tx) => {
    for (const offer of [attendedAnonymously, attendedNamed, waitlisted, facilitated]) await tx.insertOffer(offer);
    await tx.saveSignUps([buildSignUp({ offerId: attendedAnonymously.id, person: subject, queueNumber: 1, signedUpAt: shift(testNow, { days: -25 }) })]);
    await tx.saveSignUps([buildSignUp({ offerId: attendedNamed.id, person: subject, queueNumber: 1 }), buildSignUp({ offerId: attendedNamed.id, person: manager, queueNumber: 2 })]);
    await tx.saveSignUps([buildSignUp({ offerId: waitlisted.id, person: manager, queueNumber: 1 }), buildSignUp({ offerId: waitlisted.id, person: subject, queueNumber: 2, status: 'waitlisted' })]);
    await tx.saveSignUps([buildSignUp({ offerId: facilitated.id, person: manager, queueNumber: 1 })]);
    await tx.saveAttendance([buildAttendance({ offerId: attendedAnonymously.id, person: subject, minutes: 120 })]);
    await tx.saveAttendance([buildAttendance({ offerId: attendedNamed.id, person: subject, minutes: 90 }), buildAttendance({ offerId: attendedNamed.id, person: manager, minutes: 90 })]);
    await tx.saveAttendance([buildAttendance({ offerId: facilitated.id, person: manager, minutes: 60, recordedBy: subject, recordedAt: shift(testNow, { days: -3, hours: 2 }) })]);
    await tx.saveFeedback(buildResponse({ offerId: attendedAnonymously.id, person: subject, anonymous: true, practiceChange: 'Low-stakes quizzes each week' }));
    await tx.saveFeedback(buildResponse({ offerId: attendedNamed.id, person: subject, relatedGoalId: goal.id, practiceChange: 'Plan a hinge question for every lesson' }));
    await tx.saveFeedback(buildResponse({ offerId: attendedNamed.id, person: manager, practiceChange: 'Callum’s own answer' }));
    await tx.enqueueNotice(
      { idempotencyKey: `promotion:${waitlisted.id}:${subject.id}`, schoolId, recipientId: subject.id, notice: { kind: 'waitlist_promotion', offerId: waitlisted.id, offerTitle: waitlisted.title, startsAt: waitlisted.startsAt.toISOString(), timeZone: waitlisted.timeZone } },
      testNow,
    );
  });

  const activity: ClplActivity = { id: 'activity-ailsa-1', ownerId: subject.id, kind: 'professional_reading', title: 'Embedded formative assessment', date: '2026-02-01', minutes: 180, reflection: 'Changed how I plan plenaries', goalId: goal.id, createdAt: shift(testNow, { days: -5 }) };
  await stores.clplActivities.addActivity(activity);
  await stores.clplActivities.addActivity({ ...activity, id: 'activity-callum-1', ownerId: manager.id, title: 'Callum’s reading' });

  const round: PromptRound = { id: 'round-callum-1', schoolId, managerId: manager.id, managerName: manager.name, dueDate: '2026-06-01', message: 'Ahead of our PRD', createdAt: shift(testNow, { days: -4 }) };
  const prompt: ReflectionPrompt = { id: 'prompt-ailsa-1', roundId: round.id, schoolId, managerId: manager.id, staffId: subject.id, staffName: subject.name, dueDate: round.dueDate, message: round.message, delivery: 'sent', createdAt: round.createdAt, lastPromptedAt: round.createdAt };
  const reflection: Reflection = {
    promptId: prompt.id,
    staffId: subject.id,
    answers: { impactfulLearning: 'Hinge questions', howYouKnow: 'Exit tickets improved', goalProgress: [{ goalId: goal.id, goalTitle: goal.title, progress: 'Halfway' }], nextYearFocus: ['Feedback that moves learning on'], standardAreas: ['Professional Skills and Abilities'] },
    status: 'submitted',
    updatedAt: shift(testNow, { days: -2 }),
    submittedAt: shift(testNow, { days: -2 }),
  };
  const roundSent: PromptRound = { id: 'round-ailsa-1', schoolId, managerId: subject.id, managerName: subject.name, dueDate: '2026-06-05', message: null, createdAt: shift(testNow, { days: -1 }) };
  const danaPrompt: ReflectionPrompt = { ...prompt, id: 'prompt-dana-1', roundId: roundSent.id, managerId: subject.id, staffId: report.id, staffName: report.name, message: null, createdAt: roundSent.createdAt, lastPromptedAt: roundSent.createdAt };
  await stores.reflections.transaction(async (tx) => {
    await tx.insertRound(round);
    await tx.savePrompt(prompt);
    await tx.saveReflection(reflection);
    await tx.insertRound(roundSent);
    await tx.savePrompt(danaPrompt);
  });
  await stores.reflections.setLineManager(schoolId, subject.id, manager.id);
  await stores.reflections.setLineManager(schoolId, report.id, subject.id);

  await stores.workPatterns.saveWorkPattern({ personId: subject.id, ftePercent: 80, setBy: sltMember, setAt: shift(testNow, { days: -40 }) });
  const calendarToken = await stores.calendarFeeds.tokenFor(subject.id, 'A'.repeat(43), shift(testNow, { days: -15 }));
  await stores.addresses.save({ kind: 'person', personId: subject.id }, JSON.stringify({ conversation: { id: 'a:personal-ailsa' } }));
  await stores.reachability.recordUnreachable({ personId: subject.id, schoolId, reason: 'bot_blocked' }, shift(testNow, { days: -6 }));

  const proposal: OfferProposal = { id: 'proposal-ailsa-1', schoolId, proposer: subject, draft: buildDraft({ title: 'Book club for staff', startsAt: shift(testNow, { days: 20 }) }), status: 'pending', createdAt: shift(testNow, { days: -7 }), decision: null };
  const decidedProposal: OfferProposal = { id: 'proposal-dana-1', schoolId, proposer: report, draft: buildDraft({ title: 'Dana’s idea', startsAt: shift(testNow, { days: 21 }) }), status: 'pending', createdAt: shift(testNow, { days: -8 }), decision: null };
  await stores.proposals.propose(proposal, [], proposal.createdAt);
  await stores.proposals.propose(decidedProposal, [], decidedProposal.createdAt);
  const decision = { outcome: 'declined' as const, by: subject, at: shift(testNow, { days: -6 }), reason: 'Not this term', offerId: null };
  await stores.proposals.transaction((tx) => tx.saveDecision(decidedProposal.id, decision));

  return { schoolName, email, attendedAnonymously, attendedNamed, waitlisted, facilitated, activity, goal, prompt, reflection, roundSent, proposal, decidedProposal: { ...decidedProposal, status: 'declined', decision }, calendarToken };
}
