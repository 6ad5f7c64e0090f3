import { erasePerson, eraseEverywhere, previewErasure } from '../../../bot/app/privacy/erasePerson';
import { runRetention } from '../../../bot/app/privacy/retention';
import { erasedPersonName } from '../../../bot/domain/erasure';
import { countsTowardHours, readableReflections } from '../../../bot/domain/peerObservation';
import { sendObservationReflectionRequests } from '../../../bot/app/peerObservation/reflectOnObservation';
import { offerImpact, periodReport } from '../../../bot/domain/impact';
import { personalDataRules } from '../../../bot/adapters/sql/personalDataRules';
import { Stores } from '../../../bot/ports/stores';
import { buildDependencies, FakeClock, schoolId, shift, sltMember, testNow } from '../../factories';
import type { StoreFixture, StoreHarness } from './storeContract';

/** The person erased in these tests, as the app would know her: Entra id, display name, email. */
const ailsa = { id: 'aad-ailsa-7f3c', name: 'Ailsa Brown', email: 'ailsa.brown@glenbrae.sch.uk' };
const callum = { id: 'aad-callum-19b', name: 'Callum Reid' };
const isla = { id: 'aad-isla-22d', name: 'Isla Grant' };
const iso = (d: Date) => d.toISOString();
const pastStart = shift(testNow, { days: -10 });
const nextStart = shift(testNow, { days: 7 });

type Insert = (table: string, row: Record<string, unknown>) => Promise<void>;

function inserter(harness: StoreHarness): Insert {
  return async (table, row) => {
    const columns = Object.keys(row);
    await harness.execute(`insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`, ...columns.map((c) => row[c]));
  };
}

const offerRow = (id: string, start: Date, overrides: Record<string, unknown> = {}) => ({
  id,
  school_id: schoolId,
  title: `Session ${id}`,
  description: 'Hinge questions in practice.',
  facilitator: JSON.stringify({ kind: 'external', name: 'Dr Ada Byron' }),
  starts_at: iso(start),
  ends_at: iso(shift(start, { minutes: 60 })),
  time_zone: 'Europe/London',
  location: 'Room 12',
  online_link: null,
  capacity: 1,
  signups_close_at: iso(shift(start, { days: -1 })),
  tags: JSON.stringify({ standards: ['Professional Values'], priorities: ['Closing the attainment gap'] }),
  status: 'open',
  created_by_id: sltMember.id,
  created_by_name: sltMember.name,
  created_at: iso(shift(start, { days: -20 })),
  revision: 1,
  ...overrides,
});

const signUp = (offerId: string, person: { id: string; name: string }, status: string, queue: number, at: Date) => ({
  offer_id: offerId,
  person_id: person.id,
  person_name: person.name,
  status,
  queue_number: queue,
  signed_up_at: iso(at),
  updated_at: iso(at),
});

const feedback = (offerId: string, person: { id: string; name: string }, value: number, after: number, at: Date, anonymous = 0) => ({
  offer_id: offerId,
  person_id: person.id,
  person_name: person.name,
  value,
  knowledge_before: 2,
  knowledge_after: after,
  understanding_before: 2,
  understanding_after: after,
  confidence_before: 1,
  confidence_after: after,
  practice_change: `${person.name} will plan hinge questions`,
  related_goal: null,
  related_goal_id: 'goal-a',
  anonymous,
  submitted_at: iso(at),
  updated_at: iso(at),
});

/**
 * Ailsa in every table that can hold a person: as a member, sign-ups past and to come, attendance, feedback (anonymous),
 * an offer she led and one she created, proposals, goals, logged CLPL, calendar, work pattern (hers, and one she set),
 * line management both ways, reflection prompts both ways, notices, the send budget of her chat, and channel
 * addresses that remember her. Callum and Isla are colleagues whose data must stay.
 */
export async function seedAilsa(stores: Stores, insert: Insert): Promise<void> {
  await stores.schools.upsertSchool({ id: schoolId, name: 'Glenbrae Academy', tenantId: 'tenant-1' });
  await insert('school_members', { school_id: schoolId, person_id: ailsa.id, name: ailsa.name, seen_at: iso(testNow), email: ailsa.email });
  await insert('school_members', { school_id: schoolId, person_id: callum.id, name: callum.name, seen_at: iso(testNow), email: 'callum.reid@glenbrae.sch.uk' });
  await insert('school_members', { school_id: schoolId, person_id: isla.id, name: isla.name, seen_at: iso(testNow), email: null });
  await insert('addresses', {
    address_key: `person:${ailsa.id}`,
    address: JSON.stringify({ kind: 'conversation', reference: { conversation: { id: 'a:chat-with-ailsa' }, user: { id: '29:ailsa', name: ailsa.name, aadObjectId: ailsa.id } } }),
    updated_at: iso(testNow),
  });
  await insert('addresses', {
    address_key: 'channel:19:clpl@thread.tacv2',
    address: JSON.stringify({ kind: 'conversation', reference: { conversation: { id: '19:clpl@thread.tacv2' }, user: { id: '29:ailsa', name: ailsa.name, aadObjectId: ailsa.id } } }),
    updated_at: iso(testNow),
  });
  await insert('send_slots', { conversation_key: 'a:chat-with-ailsa', sent_at_ms: testNow.getTime() });
  await insert('send_pauses', { conversation_key: 'a:chat-with-ailsa', paused_until_ms: 0 });
  await insert('offers', offerRow('offer-past', pastStart, { capacity: 10, facilitator: JSON.stringify({ kind: 'staff', userId: ailsa.id, name: ailsa.name }) }));
  await insert('offers', offerRow('offer-next', nextStart, { created_by_id: ailsa.id, created_by_name: ailsa.name }));
  await insert('signups', signUp('offer-past', ailsa, 'confirmed', 1, shift(pastStart, { days: -5 })));
  await insert('signups', signUp('offer-past', callum, 'confirmed', 2, shift(pastStart, { days: -5 })));
  await insert('signups', signUp('offer-next', ailsa, 'confirmed', 1, shift(testNow, { days: -1 })));
  await insert('signups', signUp('offer-next', isla, 'waitlisted', 2, shift(testNow, { days: -1 })));
  const marked = { minutes: 60, recorded_at: iso(shift(pastStart, { hours: 2 })) };
  await insert('attendance', { offer_id: 'offer-past', person_id: ailsa.id, person_name: ailsa.name, attended: 1, recorded_by_id: sltMember.id, recorded_by_name: sltMember.name, ...marked });
  await insert('attendance', { offer_id: 'offer-past', person_id: callum.id, person_name: callum.name, attended: 1, recorded_by_id: ailsa.id, recorded_by_name: ailsa.name, ...marked });
  await insert('feedback_responses', feedback('offer-past', ailsa, 5, 5, shift(pastStart, { hours: 3 }), 1));
  await insert('feedback_responses', feedback('offer-past', callum, 3, 3, shift(pastStart, { hours: 3 })));
  await insert('goals', {
    id: 'goal-a', owner_id: ailsa.id, title: 'Hinge questions', success_criteria: 'Every lesson', standard_area: 'Professional Values', target_date: null, status: 'in_progress',
    progress_notes: '[]', evidence: '[]', created_at: iso(testNow), updated_at: iso(testNow), revision: 1,
  });
  await insert('clpl_activities', { id: 'act-a', owner_id: ailsa.id, kind: 'reading', title: 'Reading', activity_date: iso(testNow).slice(0, 10), minutes: 30, reflection: 'Useful', goal_id: 'goal-a', created_at: iso(testNow) });
  await insert('calendar_feeds', { person_id: ailsa.id, token: 'secret-token-ailsa', created_at: iso(testNow) });
  const draft = JSON.stringify({ title: 'Peer observation', facilitator: { kind: 'staff', userId: ailsa.id, name: ailsa.name } });
  const proposal = { school_id: schoolId, draft, created_at: iso(testNow), reason: null, offer_id: null };
  await insert('offer_proposals', { id: 'prop-pending', proposer_id: ailsa.id, proposer_name: ailsa.name, status: 'pending', decided_by_id: null, decided_by_name: null, decided_at: null, ...proposal });
  await insert('offer_proposals', { id: 'prop-decided', proposer_id: callum.id, proposer_name: callum.name, status: 'declined', decided_by_id: ailsa.id, decided_by_name: ailsa.name, decided_at: iso(testNow), ...proposal, draft: '{"title":"Reading group"}' });
  const programmeItem = (facilitator: object) => ({ line: 2, offerId: 'offer-from-programme', publishAt: null, draft: { title: 'Coaching', facilitator } });
  const programme = { school_id: schoolId, file_name: 'term2.csv', created_at: iso(testNow) };
  await insert('programme_imports', { id: 'prog-pending', importer_id: ailsa.id, importer_name: ailsa.name, status: 'pending', decided_at: null, items: JSON.stringify([programmeItem({ kind: 'external', name: 'Jo Coach' })]), ...programme });
  await insert('programme_imports', { id: 'prog-scheduled', importer_id: callum.id, importer_name: callum.name, status: 'scheduled', decided_at: iso(testNow), items: JSON.stringify([programmeItem({ kind: 'staff', userId: ailsa.id, name: ailsa.name }), { ...programmeItem({ kind: 'external', name: 'Jo Coach' }), line: 3 }]), ...programme });
  await insert('programme_imports', { id: 'prog-by-ailsa', importer_id: ailsa.id, importer_name: ailsa.name, status: 'scheduled', decided_at: iso(testNow), items: '[]', ...programme });
  await insert('unreachable_people', { person_id: ailsa.id, school_id: schoolId, reason: 'blocked', install_requested_at: null, updated_at: iso(testNow) });
  await insert('work_patterns', { person_id: ailsa.id, fte_percent: 60, set_by_id: sltMember.id, set_by_name: sltMember.name, set_at: iso(testNow) });
  await insert('work_patterns', { person_id: callum.id, fte_percent: 80, set_by_id: ailsa.id, set_by_name: ailsa.name, set_at: iso(testNow) });
  await insert('line_management', { school_id: schoolId, staff_id: ailsa.id, manager_id: sltMember.id });
  await insert('line_management', { school_id: schoolId, staff_id: callum.id, manager_id: ailsa.id });
  const round = (id: string, manager: { id: string; name: string }) => ({
    id, school_id: schoolId, manager_id: manager.id, manager_name: manager.name, due_date: '2031-06-01', message: null, created_at: iso(testNow),
    tracking_conversation_id: `a:chat-with-${manager.id}`, tracking_activity_id: 'activity-1', tracking_revision: 1, tracking_shown_revision: 1, tracking_claimed_until: null,
  });
  const prompt = (id: string, roundId: string, manager: { id: string }, staff: { id: string; name: string }) => ({
    id, round_id: roundId, school_id: schoolId, manager_id: manager.id, staff_id: staff.id, staff_name: staff.name, due_date: '2031-06-01', message: null, delivery: 'sent', created_at: iso(testNow), last_prompted_at: iso(testNow),
  });
  await insert('reflection_rounds', round('round-slt', sltMember));
  await insert('reflection_prompts', prompt('prompt-ailsa', 'round-slt', sltMember, ailsa));
  await insert('reflection_prompts', prompt('prompt-isla', 'round-slt', sltMember, isla));
  await insert('reflections', { prompt_id: 'prompt-ailsa', staff_id: ailsa.id, answers: '{"proud":"My questioning"}', status: 'submitted', updated_at: iso(testNow), submitted_at: iso(testNow) });
  await insert('reflection_rounds', round('round-ailsa', ailsa));
  await insert('reflection_prompts', prompt('prompt-callum', 'round-ailsa', ailsa, callum));
  const notice = (key: string, recipient: string, body: object) => ({
    idempotency_key: key, school_id: schoolId, recipient_id: recipient, notice: JSON.stringify(body), status: 'sent', attempts: 1, available_at: iso(testNow), last_error: null, created_at: iso(testNow), sent_at: iso(testNow), given_up_at: null,
  });
  await insert('outbox', notice(`reminder:offer-past:${ailsa.id}`, ailsa.id, { kind: 'session_reminder', offerId: 'offer-past' }));
  await insert('outbox', notice('proposal:prop-pending:slt', sltMember.id, { kind: 'proposal_submitted', proposerName: ailsa.name }));
  await insert('outbox', notice('reminder:offer-past:callum', callum.id, { kind: 'session_reminder', offerId: 'offer-past' }));
  await insert('school_leavers', { school_id: schoolId, person_id: ailsa.id, left_at: iso(testNow) });
  // Subject access: downloads of Ailsa's record and of Callum's by her, and a link to her own record.
  await insert('record_downloads', { requester_id: sltMember.id, subject_id: ailsa.id, format: 'record.json', downloaded_at: iso(testNow) });
  await insert('record_downloads', { requester_id: ailsa.id, subject_id: callum.id, format: 'mypl.csv', downloaded_at: iso(testNow) });
  // Weeks later: her practice follow-up on the past session, and the learning she shared under its card.
  await insert('follow_up_responses', { offer_id: 'offer-past', person_id: ailsa.id, person_name: ailsa.name, used: 'yes', practice_change: 'Wait time after questions', pupil_effect: 'More hands up', evidence: 'https://example.org/ailsa-notes', confidence_now: 4, related_goal_id: 'goal-a', anonymous: 0, submitted_at: iso(testNow), updated_at: iso(testNow) });
  await insert('learning_shares', { offer_id: 'offer-past', person_id: ailsa.id, person_name: ailsa.name, summary: 'Try think-pair-share', resources: '[]', source: 'feedback', shared_at: iso(testNow), activity_id: null });
  await insert('record_download_links', { token_hash: 'hash-of-ailsas-link', person_id: ailsa.id, created_at: iso(testNow), expires_at: iso(testNow) });
  // Peer observation: Callum visited her lesson (both reflected); Isla asked to visit hers next week (accepted).
  const visit = (id: string, start: Date, initiator: { id: string; name: string }, colleague: { id: string; name: string }, kind: string) => ({
    id, school_id: schoolId, kind, initiator_id: initiator.id, initiator_name: initiator.name, colleague_id: colleague.id, colleague_name: colleague.name,
    focus_kind: 'standard', focus: 'Professional skills and abilities', starts_at: iso(start), ends_at: iso(shift(start, { minutes: 50 })), time_zone: 'Europe/London',
    place: 'P6, room 4', status: 'accepted', created_at: iso(shift(start, { days: -7 })), decided_at: iso(shift(start, { days: -6 })), revision: 2,
  });
  await insert('peer_observations', visit('obs-past', pastStart, ailsa, callum, 'offer'));
  await insert('peer_observations', visit('obs-next', nextStart, isla, ailsa, 'request'));
  const reflection = (person: { id: string; name: string }, noticed: string) => ({
    observation_id: 'obs-past', person_id: person.id, person_name: person.name, noticed, takeaway: 'Try it with P5', goal_id: null, submitted_at: iso(shift(pastStart, { hours: 2 })), updated_at: iso(shift(pastStart, { hours: 2 })),
  });
  await insert('peer_observation_reflections', reflection(ailsa, 'My wait time was longer than I thought'));
  await insert('peer_observation_reflections', reflection(callum, 'Pupils answered after a long pause'));
}

/** Every cell of every table that mentions one of the needles (case-insensitive), as "table.column". */
async function tracesIn(harness: StoreHarness, needles: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const table of await harness.tables()) {
    for (const row of await harness.inspect<Record<string, unknown>>(`select * from ${table}`)) {
      for (const [column, value] of Object.entries(row)) {
        const text = String(value ?? '').toLowerCase();
        if (needles.some((n) => text.includes(n.toLowerCase()))) found.push(`${table}.${column}`);
      }
    }
  }
  return [...new Set(found)].sort();
}

/** Everything in every table, to compare before and after an erasure that failed. */
async function snapshot(harness: StoreHarness): Promise<Record<string, unknown[]>> {
  const all: Record<string, unknown[]> = {};
  for (const table of (await harness.tables()).sort()) {
    const rows = await harness.inspect<Record<string, unknown>>(`select * from ${table}`);
    all[table] = rows.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])))).sort();
  }
  return all;
}

/** What the school must keep: the session's numbers in the impact report and the hours per tag of the term. */
async function schoolAggregates(stores: Stores) {
  const offer = (await stores.offers.findOffer('offer-past'))!;
  const impact = offerImpact({
    offer,
    signUps: await stores.offers.signUpsForOffer(offer.id),
    attendance: await stores.evidence.attendanceFor(offer.id),
    responses: await stores.evidence.feedbackFor(offer.id),
    minResponses: 1,
  });
  const term = { label: 'Term', from: shift(pastStart, { days: -30 }), to: shift(pastStart, { days: 30 }) };
  const report = periodReport(term as never, await stores.evidence.attendedSessions(schoolId, term.from, term.to));
  return { confirmed: impact.confirmed, attended: impact.attended, responses: impact.responses, value: impact.breakdown?.value, change: impact.breakdown?.change, hours: report.hours, sessions: report.sessions, byTag: report.byTag };
}

const needles = [ailsa.id, ailsa.name, ailsa.email];

export function describeErasureContract(harness: StoreHarness, db: StoreFixture): void {
  describe('erasure of a person', () => {
    const setUp = async () => {
      const stores = await db.open();
      await seedAilsa(stores, inserter(harness));
      const clock = new FakeClock(testNow);
      return { stores, deps: buildDependencies(stores, { clock }) };
    };

    it('every table of the live schema has an erasure rule (a new table must say what happens to a person in it)', async () => {
      await db.open();
      // The databases' and Kysely's own bookkeeping tables hold no one.
      const tables = (await harness.tables()).filter((t) => !t.startsWith('kysely_') && !t.startsWith('sqlite_'));
      expect(tables.filter((t) => !(t in personalDataRules))).toEqual([]);
    });

    it('leaves no trace of the person in any table, while the school\'s aggregates are unchanged', async () => {
      const { stores, deps } = await setUp();
      const seeded = await tracesIn(harness, needles);
      // The walk can fail: before erasure it finds her all over the schema.
      expect(seeded.length).toBeGreaterThan(20);
      const before = await schoolAggregates(stores);

      const outcome = await erasePerson(deps, { schoolId, byId: sltMember.id, personId: ailsa.id });

      expect(await tracesIn(harness, needles)).toEqual([]);
      expect(await schoolAggregates(stores)).toEqual(before);
      expect(outcome.offersToRedraw.sort()).toEqual(['offer-next', 'offer-past']);
      expect(outcome.roundsToRedraw).toEqual(['round-slt']);
      // Her place on the session still to come went to the first on the waitlist, who is told.
      expect((await stores.offers.signUpsForOffer('offer-next')).map((s) => [s.person.id, s.status])).toEqual([[isla.id, 'confirmed']]);
      expect(outcome.promoted).toBe(1);
      expect(deps.afterCommit.changedOffers.sort()).toEqual(['offer-next', 'offer-past']);
      // Colleagues keep what is theirs.
      expect((await stores.workPatterns.workPatternOf(callum.id))?.ftePercent).toBe(80);
      expect((await harness.inspect('select * from reflection_prompts where staff_id = ?', callum.id)).length).toBe(1);
      expect((await stores.offers.findOffer('offer-past'))?.facilitator).toEqual({ kind: 'external', name: erasedPersonName });
      const attendance = await stores.evidence.attendanceFor('offer-past');
      expect(attendance.map((a) => a.person.name).sort()).toEqual([callum.name, erasedPersonName]);
    });

    it('peer observations: her reflection goes; Callum keeps his, which still counts toward his hours; the visit to come is cancelled and Isla told', async () => {
      const { stores, deps } = await setUp();
      await erasePerson(deps, { schoolId, byId: sltMember.id, personId: ailsa.id });

      const past = (await stores.peerObservations.findObservation('obs-past'))!;
      expect([past.status, past.initiator.name, past.colleague.id]).toEqual(['accepted', erasedPersonName, callum.id]);
      const left = await stores.peerObservations.reflectionsFor('obs-past');
      expect(left.map((r) => [r.person.id, r.noticed])).toEqual([[callum.id, 'Pupils answered after a long pause']]);
      expect(countsTowardHours(past, callum.id, left)).toBe(true);
      // What Callum may read now: his own reflection only (hers is gone), as one of the two.
      expect(readableReflections(past, callum.id, left).map((r) => r.person.id)).toEqual([callum.id]);

      const next = (await stores.peerObservations.findObservation('obs-next'))!;
      expect([next.status, next.revision, next.colleague.name]).toEqual(['cancelled', 3, erasedPersonName]);
      const told = await harness.inspect<{ notice: string }>('select notice from outbox where recipient_id = ?', isla.id);
      expect(told.map((n) => JSON.parse(n.notice)).filter((n) => n.kind.startsWith('observation'))).toEqual([
        expect.objectContaining({ kind: 'observation_cancelled', observationId: 'obs-next', byName: erasedPersonName, startsAt: iso(nextStart) }),
      ]);
      // A visit she was in that had just ended (still accepted) when she was erased: when its reflection requests come
      // due, only the colleague is asked.
      await harness.execute("update peer_observations set status = 'accepted' where id = ?", 'obs-next');
      await sendObservationReflectionRequests(deps, 'obs-next');
      const asked = await harness.inspect<{ recipient_id: string }>("select recipient_id from outbox where idempotency_key like 'observation_reflection:obs-next:%'");
      expect(asked.map((a) => a.recipient_id)).toEqual([isla.id]);
    });

    it('writes one audit entry: when and by whom, with counts and nothing about the person', async () => {
      const { deps } = await setUp();
      await erasePerson(deps, { schoolId, byId: sltMember.id, personId: ailsa.id });
      const audit = await deps.stores.personalData.auditOf(schoolId);
      expect(audit).toEqual([expect.objectContaining({ schoolId, erasedById: sltMember.id, reason: 'leaver', erasedAt: testNow })]);
      expect(audit[0]!.counts.goals).toEqual({ deleted: 1, anonymised: 0 });
      expect(JSON.stringify(audit)).not.toMatch(/ailsa/i);
    });

    it('is idempotent: erasing again finds no one and changes nothing', async () => {
      const { deps } = await setUp();
      await erasePerson(deps, { schoolId, byId: sltMember.id, personId: ailsa.id });
      const after = await snapshot(harness);
      await expect(erasePerson(deps, { schoolId, byId: sltMember.id, personId: ailsa.id })).rejects.toMatchObject({ code: 'person_unknown' });
      const again = await eraseEverywhere(deps, { schoolId, personId: ailsa.id, erasedById: sltMember.id, reason: 'request' });
      expect(again.erased).toBe(false);
      expect(await snapshot(harness)).toEqual(after);
    });

    it('a statement failing half way through leaves the old state, not a mix', async () => {
      const { deps } = await setUp();
      const before = await snapshot(harness);
      // The last rule's delete fails, after every other table was already changed inside the transaction.
      await harness.breakDeletesOn('school_members');
      // Matched by message, not with toThrow: better-sqlite3's native addon keeps the SqliteError class of the first
      // test file that opened a database in this jest worker, and toThrow does not see an Error from another realm.
      await expect(erasePerson(deps, { schoolId, byId: sltMember.id, personId: ailsa.id })).rejects.toMatchObject({ message: expect.stringMatching(/disk on fire/) });
      expect(await snapshot(harness)).toEqual(before);
    });

    it('bad input changes nothing: someone unknown, someone of another school, a non-SLT, oneself', async () => {
      const { deps, stores } = await setUp();
      await stores.schools.upsertSchool({ id: 'school-2', name: 'Other Academy', tenantId: 'tenant-1' });
      const before = await snapshot(harness);
      await expect(previewErasure(deps, { schoolId, byId: sltMember.id, personId: 'nobody' })).rejects.toMatchObject({ code: 'person_unknown' });
      await expect(erasePerson(deps, { schoolId: 'school-2', byId: sltMember.id, personId: ailsa.id })).rejects.toMatchObject({ code: 'person_unknown' });
      await expect(erasePerson(deps, { schoolId, byId: callum.id, personId: ailsa.id })).rejects.toMatchObject({ code: 'not_slt' });
      await expect(erasePerson(deps, { schoolId, byId: sltMember.id, personId: sltMember.id })).rejects.toMatchObject({ code: 'cannot_erase_self' });
      expect(await snapshot(harness)).toEqual(before);
    });

    it('the preview lists what goes and what stays, and changes nothing', async () => {
      const { deps } = await setUp();
      const before = await snapshot(harness);
      const preview = await previewErasure(deps, { schoolId, byId: sltMember.id, personId: ailsa.id });
      expect(preview.person).toMatchObject({ name: ailsa.name, email: ailsa.email });
      expect(preview.goes.map((l) => [l.kind, l.count])).toEqual(
        expect.arrayContaining([['goals', 1], ['upcomingSignUps', 1], ['pendingProposals', 1], ['reflections', 1], ['lineManagement', 2]]),
      );
      expect(preview.stays.map((l) => [l.kind, l.count])).toEqual(expect.arrayContaining([['attendance', 1], ['feedback', 1], ['pastSignUps', 1]]));
      // Her peer observations: her own reflection goes, the visit to come is called off, the past one stays for Callum.
      expect(preview.goes.filter((l) => l.kind.includes('bservation')).map((l) => [l.kind, l.count])).toEqual([
        ['observationReflections', 1],
        ['upcomingObservations', 1],
      ]);
      expect(preview.stays.filter((l) => l.kind === 'peerObservations').map((l) => [l.kind, l.count])).toEqual([['peerObservations', 1]]);
      expect(await snapshot(harness)).toEqual(before);
    });

    it('goals kept outside the database go first; if that fails nothing in the database changes, and a retry finishes', async () => {
      const { stores } = await setUp();
      let failing = true;
      const deleted: string[] = [];
      const external = {
        async deleteGoalsOf(ownerId: string) {
          if (failing) throw new Error('Graph answered 503');
          deleted.push(ownerId);
          return 2;
        },
      };
      const deps = buildDependencies(stores, { clock: new FakeClock(testNow), privacy: { externalGoals: external, retention: { recordYears: 6, leaverDays: 90 } } });
      const before = await snapshot(harness);
      await expect(erasePerson(deps, { schoolId, byId: sltMember.id, personId: ailsa.id })).rejects.toMatchObject({ code: 'goals_not_erased' });
      expect(await snapshot(harness)).toEqual(before);

      failing = false;
      await erasePerson(deps, { schoolId, byId: sltMember.id, personId: ailsa.id });
      expect(deleted).toEqual([ailsa.id]);
      expect(await tracesIn(harness, needles)).toEqual([]);
      expect((await stores.personalData.auditOf(schoolId))[0]?.counts.sharepoint_goals).toEqual({ deleted: 2, anonymised: 0 });
    });
  });

  describe('retention', () => {
    const years = 6;
    it('anonymises exactly the records older than the period (injected clock) and keeps the aggregates', async () => {
      const stores = await db.open();
      const insert = inserter(harness);
      await seedAilsa(stores, insert);
      await harness.execute('delete from school_leavers');
      // The clock stands so that offer-past ended just over the period ago; a second, younger session stays as it is.
      const periodAgo = (at: Date) => new Date(new Date(at).setUTCFullYear(at.getUTCFullYear() - years));
      const pastEnd = shift(pastStart, { minutes: 60 });
      let now = shift(pastEnd, { days: 1 });
      now = new Date(new Date(now).setUTCFullYear(now.getUTCFullYear() + years));
      const youngStart = shift(periodAgo(now), { days: 2 });
      await insert('offers', offerRow('offer-young', youngStart, { capacity: 5 }));
      await insert('attendance', { offer_id: 'offer-young', person_id: ailsa.id, person_name: ailsa.name, attended: 1, minutes: 60, recorded_by_id: sltMember.id, recorded_by_name: sltMember.name, recorded_at: iso(youngStart) });
      await insert('feedback_responses', feedback('offer-young', ailsa, 4, 4, youngStart));
      const before = await schoolAggregates(stores);
      const youngBefore = await harness.inspect('select * from attendance where offer_id = ?', 'offer-young');

      const deps = buildDependencies(stores, { clock: new FakeClock(now), privacy: { externalGoals: null, retention: { recordYears: years, leaverDays: 90 } } });
      await runRetention(deps);

      const oldAttendance = await stores.evidence.attendanceFor('offer-past');
      expect(oldAttendance.every((a) => a.person.name === erasedPersonName && a.recordedBy.name !== ailsa.name)).toBe(true);
      expect(new Set(oldAttendance.map((a) => a.person.id)).size).toBe(2);
      expect((await stores.evidence.feedbackFor('offer-past')).every((f) => f.practiceChange === '' && f.person.name === erasedPersonName)).toBe(true);
      expect((await stores.offers.signUpsForOffer('offer-past')).every((s) => s.person.name === erasedPersonName)).toBe(true);
      expect(await schoolAggregates(stores)).toEqual(before);
      // Younger than the period: untouched, as are current-state rows (membership, goals, the session to come).
      expect(await harness.inspect('select * from attendance where offer_id = ?', 'offer-young')).toEqual(youngBefore);
      expect((await stores.evidence.feedbackFor('offer-young'))[0]?.person.id).toBe(ailsa.id);
      expect((await stores.offers.signUpsForOffer('offer-next')).map((s) => s.person.id)).toContain(ailsa.id);
      expect(await stores.personalData.findMember(schoolId, ailsa.id)).toBeDefined();
      expect((await harness.inspect('select * from goals')).length).toBe(1);
    });

    it('erases leavers after their own period, and not a day before', async () => {
      const stores = await db.open();
      await seedAilsa(stores, inserter(harness));
      const clock = new FakeClock(shift(testNow, { days: 29 }));
      const deps = buildDependencies(stores, { clock, privacy: { externalGoals: null, retention: { recordYears: years, leaverDays: 30 } } });
      await runRetention(deps);
      expect(await stores.personalData.findMember(schoolId, ailsa.id)).toBeDefined();

      clock.set(shift(testNow, { days: 30, ms: 1 }));
      await runRetention(deps);
      expect(await tracesIn(harness, needles)).toEqual([]);
      expect(await stores.personalData.auditOf(schoolId)).toEqual([expect.objectContaining({ erasedById: 'retention', reason: 'retention' })]);
    });
  });
}
