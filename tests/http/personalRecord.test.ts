import { parse as parseCsv } from 'csv-parse/sync';
import { createGraphClient } from '../../bot/adapters/graph/graphClient';
import { GraphGoalStore } from '../../bot/adapters/graph/graphGoalStore';
import { myplColumns } from '../../bot/domain/mypl';
import { devUserHeader } from '../../bot/http/auth/identify';
import { Person } from '../../bot/domain/person';
import { RunningServer } from '../../bot/server';
import { GoalStore } from '../../bot/ports/goalStore';
import { GraphStandIn } from '../support/graphStandIn';
import { manager, report, seedEveryKindOfData, SeededPersonalData, subject } from '../factories/subjectAccess';
import { schoolId, sltMember } from '../factories/offers';
import { startTabServer } from './tabServer';

/** A download as the tab makes it: signed in, the body as text. */
async function download(server: RunningServer, as: Person | null, path: string) {
  const res = await fetch(`${server.url}${path}`, { headers: as ? { [devUserHeader]: as.id } : {} });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

const iso = (date: Date) => date.toISOString();

describe.each(['the app database', 'a SharePoint list through Graph'])('a person’s record through the real HTTP endpoints, goals in %s', (where) => {
  let server: RunningServer;
  let graph: GraphStandIn | null = null;
  let seeded: SeededPersonalData;
  let goalStore: GoalStore;
  const downloadsOf = async (personId: string) => (await server.stores.subjectAccess.personalDataOf(personId)).downloads;

  beforeAll(async () => {
    let goals;
    if (where.includes('SharePoint')) {
      graph = await new GraphStandIn().start();
      const client = createGraphClient({ baseUrl: graph.url, getToken: async () => graph!.token });
      goals = new GraphGoalStore({ client, siteId: graph.siteId, listId: graph.listId, baseUrl: graph.url });
    }
    server = await startTabServer({ CLPL_SLT_IDS: sltMember.id }, goals);
    goalStore = goals ?? server.stores.goals;
    seeded = await seedEveryKindOfData(server.stores, { goals });
  });
  afterAll(async () => {
    await server.close();
    await graph?.stop();
  });

  it('gives the person their whole record as JSON, every kind of data field by field', async () => {
    const res = await download(server, subject, '/api/tab/record.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="clpl-record-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(res.headers.get('cache-control')).toContain('no-store');
    const r = JSON.parse(res.text);
    const { attendedAnonymously: retrieval, attendedNamed: hinge, waitlisted, facilitated, goal, activity, prompt, reflection } = seeded;

    expect(r).toMatchObject({ kind: 'clpl-personal-record', version: 1, person: subject, requestedBy: subject, timeZone: 'Europe/London' });
    expect(r.memberships).toEqual([{ schoolId, schoolName: 'Balerno High School', nameSeen: subject.name, email: 'ailsa.brown@school.example', lastSeenAt: expect.any(String) }]);
    expect(r.signUps.map((s: any) => [s.session.offerId, s.session.title, s.status, s.queueNumber])).toEqual([
      [retrieval.id, 'Retrieval practice', 'confirmed', 1],
      [hinge.id, 'Hinge questions', 'confirmed', 1],
      [waitlisted.id, 'Outdoor learning', 'waitlisted', 2],
    ]);
    expect(r.attendance).toEqual([
      { session: expect.objectContaining({ offerId: retrieval.id, startsAt: iso(retrieval.startsAt) }), attended: true, minutes: 120, hours: 2, recordedBy: sltMember, recordedAt: expect.any(String) },
      {
        session: { offerId: hinge.id, schoolId, title: 'Hinge questions', startsAt: iso(hinge.startsAt), endsAt: iso(hinge.endsAt), timeZone: 'Europe/London', facilitator: 'Education Scotland', standards: ['Professional Skills and Abilities'], priorities: ['Closing the attainment gap'], status: 'open' },
        attended: true,
        minutes: 90,
        hours: 1.5,
        recordedBy: sltMember,
        recordedAt: expect.any(String),
      },
    ]);
    expect(r.feedback).toEqual([
      expect.objectContaining({ session: expect.objectContaining({ offerId: retrieval.id }), anonymous: true, practiceChange: 'Low-stakes quizzes each week', relatedGoalId: null }),
      {
        session: expect.objectContaining({ offerId: hinge.id }),
        value: 4,
        before: { knowledge: 2, understanding: 2, confidence: 2 },
        after: { knowledge: 4, understanding: 4, confidence: 4 },
        practiceChange: 'Plan a hinge question for every lesson',
        relatedGoalId: goal.id,
        legacyRelatedGoal: null,
        anonymous: false,
        submittedAt: expect.any(String),
        updatedAt: expect.any(String),
      },
    ]);
    expect(r.loggedClpl).toEqual([
      { id: activity.id, kind: 'professional_reading', kindLabel: 'Professional reading', title: 'Embedded formative assessment', date: '2026-02-01', minutes: 180, hours: 3, reflection: 'Changed how I plan plenaries', goalId: goal.id, createdAt: iso(activity.createdAt) },
    ]);
    expect(r.goals.keptIn).toEqual(where.includes('SharePoint') ? expect.stringContaining('SharePoint') : 'the app database');
    // As the goal store keeps it (a SharePoint list stamps its own times).
    const [kept] = await goalStore.listGoals(subject.id);
    expect(r.goals.items).toEqual([
      {
        id: goal.id,
        title: 'Deepen questioning',
        successCriteria: 'Pupils explain their reasoning',
        standardArea: 'Professional Skills and Abilities',
        targetDate: '2027-06-30',
        status: 'in_progress',
        progressNotes: [{ date: '2026-01-10', text: 'Tried hinge questions with S2' }],
        evidence: [{ kind: 'link', ref: 'https://example.org/hinge', label: 'Hinge question bank' }],
        createdAt: iso(kept!.createdAt),
        updatedAt: iso(kept!.updatedAt),
      },
    ]);
    expect(r.reflections).toEqual([
      {
        promptId: prompt.id,
        roundId: prompt.roundId,
        schoolId,
        managerId: manager.id,
        dueDate: '2026-06-01',
        message: 'Ahead of our PRD',
        delivery: 'sent',
        promptedAt: iso(prompt.createdAt),
        lastPromptedAt: iso(prompt.lastPromptedAt),
        answer: {
          status: 'submitted',
          updatedAt: iso(reflection.updatedAt),
          submittedAt: iso(reflection.submittedAt!),
          impactfulLearning: 'Hinge questions',
          howYouKnow: 'Exit tickets improved',
          goalProgress: [{ goalId: goal.id, goalTitle: 'Deepen questioning', progress: 'Halfway' }],
          nextYearFocus: ['Feedback that moves learning on'],
          standardAreas: ['Professional Skills and Abilities'],
        },
      },
    ]);
    expect(r.lineManagement).toEqual({ managers: [{ schoolId, managerId: manager.id }], directReports: [{ schoolId, staffId: report.id }] });
    expect(r.reflectionPromptsSent).toEqual([{ roundId: seeded.roundSent.id, schoolId, dueDate: '2026-06-05', message: null, createdAt: iso(seeded.roundSent.createdAt) }]);
    expect(r.workPattern).toEqual({ ftePercent: 80, setBy: sltMember, setAt: expect.any(String) });
    expect(r.reachability).toEqual({
      conversationAddressHeld: true,
      conversationAddressUpdatedAt: expect.any(String),
      calendarFeed: { createdAt: expect.any(String) },
      unreachable: { schoolId, reason: 'bot_blocked', installRequestedAt: null, updatedAt: expect.any(String) },
    });
    expect(r.proposals).toEqual([expect.objectContaining({ id: seeded.proposal.id, title: 'Book club for staff', status: 'pending', decision: null })]);
    expect(r.proposalDecisions).toEqual([{ proposalId: seeded.decidedProposal.id, status: 'declined', decidedAt: expect.any(String) }]);
    expect(r.offersCreated).toEqual([{ offerId: facilitated.id, schoolId, title: 'Reading for pleasure', createdAt: iso(facilitated.createdAt) }]);
    expect(r.sessionsFacilitated).toEqual([expect.objectContaining({ offerId: facilitated.id, facilitator: subject.name })]);
    expect(r.attendanceRecorded).toEqual([{ offerId: facilitated.id, title: 'Reading for pleasure', people: 1, lastRecordedAt: expect.any(String) }]);
    expect(r.notices).toEqual([{ kind: 'waitlist_promotion', status: 'pending', createdAt: expect.any(String), sentAt: null }]);
    expect(r.hoursByYear.reduce((sum: number, y: any) => sum + y.totalHours, 0)).toBe(2 + 1.5 + 3);
    // The calendar secret and the Teams conversation reference are kept, but are keys, not the person's data.
    expect(res.text).not.toContain(seeded.calendarToken);
    expect(res.text).not.toContain('a:personal-ailsa');
    // Nothing of colleagues: Callum's own feedback and reading stay out.
    expect(res.text).not.toContain('Callum’s');
  });

  it('gives the same record as a readable, printable page, escaping what people typed', async () => {
    const res = await download(server, subject, '/api/tab/record.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    for (const text of ['CLPL record: Ailsa Brown', 'Retrieval practice', 'Low-stakes quizzes each week', 'Embedded formative assessment', 'Deepen questioning', 'Tried hinge questions with S2', 'Exit tickets improved', '80% of full time', 'bot_blocked', 'Book club for staff', 'Reading for pleasure', '@media print']) {
      expect(res.text).toContain(text);
    }
    expect(res.text).not.toMatch(/<script/i);
  });

  it('gives the MyPL entries as CSV, one per activity, under MyPL’s headings, and as a printable page', async () => {
    const csv = await download(server, subject, '/api/tab/mypl.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const [header, ...rows] = parseCsv(csv.text.replace(/^\uFEFF/, '')) as string[][];
    expect(header).toEqual([...myplColumns]);
    expect(rows.map((row) => [row[1], row[2], row[3], row[4], row[5], row[6]])).toEqual(
      expect.arrayContaining([
        ['Retrieval practice', 'CLPL session', seeded.attendedAnonymously.facilitator.name, '2', 'Professional Knowledge and Understanding', 'Low-stakes quizzes each week'],
        ['Hinge questions', 'CLPL session', 'Education Scotland', '1.5', 'Professional Skills and Abilities', 'Plan a hinge question for every lesson'],
        ['Embedded formative assessment', 'Professional reading', '', '3', 'Professional Skills and Abilities', 'Changed how I plan plenaries'],
        ['Reflection before Professional Review and Development', 'Professional reflection (PRD)', '', '', 'Professional Skills and Abilities', 'Hinge questions\nHow I know: Exit tickets improved'],
      ]),
    );
    expect(rows).toHaveLength(4);
    const page = await download(server, subject, '/api/tab/mypl.html');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Professional learning record: Ailsa Brown');
    expect(page.text).toContain('Plan a hinge question for every lesson');
  });

  it('SLT of the school may download a member’s record; the download is logged with ids only', async () => {
    const before = (await downloadsOf(subject.id)).length;
    const res = await download(server, sltMember, `/api/tab/people/${subject.id}/record.json`);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ person: subject, requestedBy: sltMember });
    const after = await downloadsOf(subject.id);
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toEqual({ requesterId: sltMember.id, format: 'record.json', at: expect.any(Date) });
    expect((await download(server, sltMember, `/api/tab/people/${subject.id}/mypl.csv`)).status).toBe(200);
  });

  it('anyone else — a line manager, a colleague, or asking for someone who does not exist — gets the same 404, and nothing is logged', async () => {
    const before = await downloadsOf(subject.id);
    for (const [who, personId] of [
      [manager, subject.id],
      [report, subject.id],
      [subject, manager.id],
      [sltMember, 'nobody-at-all'],
    ] as const) {
      const res = await download(server, who, `/api/tab/people/${personId}/record.json`);
      expect(res.status).toBe(404);
      expect(JSON.parse(res.text)).toMatchObject({ error: { code: 'record_not_found', message: 'There is no record here that you may download.' } });
      expect(res.text).not.toContain('Ailsa');
    }
    expect(await downloadsOf(subject.id)).toEqual(before);
  });

  it('bad input gets a clear message and changes nothing; no sign-in is 401', async () => {
    const before = await downloadsOf(subject.id);
    const badFormat = await download(server, sltMember, `/api/tab/people/${subject.id}/record.pdf`);
    expect(badFormat.status).toBe(400);
    expect(JSON.parse(badFormat.text)).toMatchObject({ error: { code: 'invalid_request', fields: { body: expect.stringMatching(/record\.json/) } } });
    expect((await download(server, null, '/api/tab/record.json')).status).toBe(401);
    expect((await download(server, subject, '/api/tab/record.xml')).status).toBe(404);
    expect(await downloadsOf(subject.id)).toEqual(before);
  });
});
