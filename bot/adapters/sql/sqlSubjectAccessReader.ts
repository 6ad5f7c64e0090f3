import { Kysely } from 'kysely';
import { Facilitator } from '../../domain/offer';
import { RecordFormat, sessionSummaryOf, StoredPersonalData } from '../../domain/personalRecord';
import { SubjectAccessReader, RecordDownload, RecordDownloadLog } from '../../ports/subjectAccess';
import { attendanceFromRow, feedbackFromRow } from './evidenceRows';
import { proposalFromRow } from './proposalRows';
import { promptFromRow, reflectionFromRow, roundFromRow } from './reflectionRows';
import { offerFromRow } from './rows';
import { observationFromRow } from './sqlPeerObservationStore';
import { observerOf, partnerOf } from '../../domain/peerObservation';
import { Database, OfferRow } from './schema';
import { activityFromRow, goalFromRow } from './sqlGoalStore';

/**
 * Every table, and the columns in it that name a person. The subject access test checks that each table of the
 * database is in this list or in `tablesWithoutPersonalData`, so a new table cannot be left out of people's records
 * unnoticed; docs/data-protection.md is the same map for a DPO.
 */
export const personalDataColumns = {
  school_members: ['person_id', 'name', 'email'],
  signups: ['person_id', 'person_name'],
  attendance: ['person_id', 'person_name', 'recorded_by_id', 'recorded_by_name'],
  feedback_responses: ['person_id', 'person_name'],
  clpl_activities: ['owner_id'],
  goals: ['owner_id'],
  reflection_rounds: ['manager_id', 'manager_name'],
  reflection_prompts: ['staff_id', 'staff_name', 'manager_id'],
  reflections: ['staff_id'],
  line_management: ['staff_id', 'manager_id'],
  work_patterns: ['person_id', 'set_by_id', 'set_by_name'],
  calendar_feeds: ['person_id'],
  addresses: ['address_key'],
  unreachable_people: ['person_id'],
  offer_proposals: ['proposer_id', 'proposer_name', 'decided_by_id', 'decided_by_name'],
  programme_imports: ['importer_id', 'importer_name', 'items'],
  offers: ['created_by_id', 'created_by_name', 'facilitator'],
  outbox: ['recipient_id'],
  record_downloads: ['requester_id', 'subject_id'],
  school_leavers: ['person_id'],
  follow_up_responses: ['person_id', 'person_name'],
  learning_shares: ['person_id', 'person_name'],
  peer_observations: ['initiator_id', 'initiator_name', 'colleague_id', 'colleague_name'],
  peer_observation_reflections: ['person_id', 'person_name'],
  erasure_audit: ['erased_by_id'],
  school_group_leads: ['person_id', 'added_by_id'],
} as const satisfies Partial<Record<keyof Database, readonly string[]>>;

/** Tables that name nobody, and why. */
export const tablesWithoutPersonalData: Record<string, string> = {
  schools: 'the school (team) and its CLPL channel',
  channels: "the team's channels",
  offer_cards: 'where each offer card was posted',
  send_slots: "send times per conversation, for Teams' rate limits (kept for the last hour)",
  send_pauses: 'a pause asked for by Teams (429) per conversation',
  scheduled_jobs: 'reminders and feedback requests due per offer (offer ids only)',
  school_teams: 'which teams belong to which school',
  school_groups: 'groups of schools (cluster, local authority, collaborative): id, name and kind',
  school_group_members: 'which schools and groups each group contains',
  school_group_file: 'a fingerprint of the groups file applied last, and when',
  record_download_links: 'the hash of a download link for up to 15 minutes; its use is logged in record_downloads',
  kysely_migration: 'which migrations have run',
  kysely_migration_lock: 'the migration lock',
};

const iso = (text: string) => new Date(text);
const isoOrNull = (text: string | null) => (text === null ? null : new Date(text));

/** One Kysely implementation for SQLite and PostgreSQL; every query names the person. */
export class SqlSubjectAccessReader implements SubjectAccessReader, RecordDownloadLog {
  constructor(private readonly db: Kysely<Database>) {}

  async personalDataOf(personId: string): Promise<StoredPersonalData> {
    const db = this.db;
    const [memberships, signUps, attendance, feedback, activities, reflections] = await Promise.all([
      db
        .selectFrom('school_members')
        .innerJoin('schools', 'schools.id', 'school_members.school_id')
        .select(['school_members.school_id', 'schools.name as school_name', 'school_members.name', 'school_members.email', 'school_members.seen_at'])
        .where('school_members.person_id', '=', personId)
        .orderBy('school_members.seen_at', 'desc')
        .execute(),
      db.selectFrom('signups').innerJoin('offers', 'offers.id', 'signups.offer_id').selectAll('offers').select(['signups.status as signup_status', 'signups.queue_number', 'signups.signed_up_at', 'signups.updated_at']).where('signups.person_id', '=', personId).orderBy('offers.starts_at').execute(),
      db.selectFrom('attendance').innerJoin('offers', 'offers.id', 'attendance.offer_id').selectAll('attendance').select(offerColumns('offer_')).where('attendance.person_id', '=', personId).orderBy('offers.starts_at').execute(),
      db.selectFrom('feedback_responses').innerJoin('offers', 'offers.id', 'feedback_responses.offer_id').selectAll('feedback_responses').select(offerColumns('offer_')).where('feedback_responses.person_id', '=', personId).orderBy('offers.starts_at').execute(),
      db.selectFrom('clpl_activities').selectAll().where('owner_id', '=', personId).orderBy('activity_date').orderBy('created_at').execute(),
      db
        .selectFrom('reflection_prompts')
        .leftJoin('reflections', 'reflections.prompt_id', 'reflection_prompts.id')
        .selectAll('reflection_prompts')
        .select(['reflections.answers', 'reflections.status as reflection_status', 'reflections.updated_at as reflection_updated_at', 'reflections.submitted_at'])
        .where('reflection_prompts.staff_id', '=', personId)
        .orderBy('reflection_prompts.created_at')
        .execute(),
    ]);
    const [managers, reports, rounds, pattern, feed, address, reach, proposals, decisions, created, facilitatedCandidates, recorded, notices, downloads, downloadsMade, goals, left, erasures, followUps, shares, observations, observationReflections, groupsLed, groupLeadsAdded] = await Promise.all([
      db.selectFrom('line_management').select(['school_id', 'manager_id']).where('staff_id', '=', personId).orderBy('school_id').execute(),
      db.selectFrom('line_management').select(['school_id', 'staff_id']).where('manager_id', '=', personId).orderBy('school_id').orderBy('staff_id').execute(),
      db.selectFrom('reflection_rounds').selectAll().where('manager_id', '=', personId).orderBy('created_at').execute(),
      db.selectFrom('work_patterns').selectAll().where('person_id', '=', personId).executeTakeFirst(),
      db.selectFrom('calendar_feeds').select('created_at').where('person_id', '=', personId).executeTakeFirst(),
      db.selectFrom('addresses').select('updated_at').where('address_key', '=', `person:${personId}`).executeTakeFirst(),
      db.selectFrom('unreachable_people').selectAll().where('person_id', '=', personId).executeTakeFirst(),
      db.selectFrom('offer_proposals').selectAll().where('proposer_id', '=', personId).orderBy('created_at').execute(),
      db.selectFrom('offer_proposals').select(['id', 'status', 'decided_at']).where('decided_by_id', '=', personId).orderBy('decided_at').execute(),
      db.selectFrom('offers').select(['id', 'school_id', 'title', 'created_at']).where('created_by_id', '=', personId).orderBy('created_at').execute(),
      // The facilitator is JSON text; a LIKE narrows the rows, then the parsed value decides (an id may contain % or _).
      db.selectFrom('offers').selectAll().where('facilitator', 'like', `%${likeEscaped(JSON.stringify(personId))}%`).orderBy('starts_at').execute(),
      db
        .selectFrom('attendance')
        .innerJoin('offers', 'offers.id', 'attendance.offer_id')
        .select((eb) => ['attendance.offer_id', 'offers.title', eb.fn.countAll<string | number>().as('people'), eb.fn.max('attendance.recorded_at').as('last_recorded_at')])
        .where('attendance.recorded_by_id', '=', personId)
        .groupBy(['attendance.offer_id', 'offers.title'])
        .orderBy('attendance.offer_id')
        .execute(),
      db.selectFrom('outbox').select(['notice', 'status', 'created_at', 'sent_at']).where('recipient_id', '=', personId).orderBy('created_at').orderBy('id').execute(),
      db.selectFrom('record_downloads').select(['requester_id', 'format', 'downloaded_at']).where('subject_id', '=', personId).orderBy('downloaded_at').orderBy('id').execute(),
      db.selectFrom('record_downloads').select(['subject_id', 'format', 'downloaded_at']).where('requester_id', '=', personId).where('subject_id', '<>', personId).orderBy('downloaded_at').orderBy('id').execute(),
      db.selectFrom('goals').selectAll().where('owner_id', '=', personId).orderBy('created_at').execute(),
      db.selectFrom('school_leavers').select(['school_id', 'left_at']).where('person_id', '=', personId).orderBy('left_at').execute(),
      db.selectFrom('erasure_audit').select(['id', 'school_id', 'reason', 'erased_at']).where('erased_by_id', '=', personId).orderBy('erased_at').execute(),
      db.selectFrom('follow_up_responses').innerJoin('offers', 'offers.id', 'follow_up_responses.offer_id').selectAll('follow_up_responses').select('offers.title').where('follow_up_responses.person_id', '=', personId).orderBy('offers.starts_at').execute(),
      db.selectFrom('learning_shares').innerJoin('offers', 'offers.id', 'learning_shares.offer_id').selectAll('learning_shares').select('offers.title').where('learning_shares.person_id', '=', personId).orderBy('learning_shares.shared_at').execute(),
      db.selectFrom('peer_observations').selectAll().where((eb) => eb.or([eb('initiator_id', '=', personId), eb('colleague_id', '=', personId)])).orderBy('starts_at').orderBy('id').execute(),
      db.selectFrom('peer_observation_reflections').selectAll().where('person_id', '=', personId).execute(),
      db
        .selectFrom('school_group_leads')
        .innerJoin('school_groups', 'school_groups.id', 'school_group_leads.group_id')
        .select(['school_group_leads.group_id', 'school_groups.name', 'school_group_leads.added_by_id', 'school_group_leads.added_at'])
        .where('school_group_leads.person_id', '=', personId)
        .orderBy('school_group_leads.group_id')
        .execute(),
      db.selectFrom('school_group_leads').select(['group_id', 'person_id', 'added_at']).where('added_by_id', '=', personId).orderBy('added_at').orderBy('group_id').execute(),
    ]);
    return {
      personId,
      memberships: memberships.map((m) => ({ schoolId: m.school_id, schoolName: m.school_name, nameSeen: m.name, email: m.email, lastSeenAt: iso(m.seen_at) })),
      signUps: signUps.map(({ signup_status, queue_number, signed_up_at, updated_at, ...offer }) => ({
        session: sessionSummaryOf(offerFromRow(offer as OfferRow)),
        status: signup_status,
        queueNumber: Number(queue_number),
        signedUpAt: iso(signed_up_at),
        updatedAt: iso(updated_at),
      })),
      attendance: attendance.map((row) => {
        const record = attendanceFromRow(row);
        return { session: sessionSummaryOf(offerFromRow(prefixed(row, 'offer_'))), attended: record.attended, minutes: record.minutes, recordedBy: record.recordedBy, recordedAt: record.recordedAt };
      }),
      feedback: feedback.map((row) => ({ session: sessionSummaryOf(offerFromRow(prefixed(row, 'offer_'))), response: feedbackFromRow(row) })),
      activities: activities.map(activityFromRow),
      reflections: reflections.map(({ answers, reflection_status, reflection_updated_at, submitted_at, ...prompt }) => ({
        prompt: promptFromRow(prompt),
        reflection:
          answers === null || reflection_status === null || reflection_updated_at === null
            ? null
            : reflectionFromRow({ prompt_id: prompt.id, staff_id: prompt.staff_id, answers, status: reflection_status, updated_at: reflection_updated_at, submitted_at }),
      })),
      lineManagers: managers.map((m) => ({ schoolId: m.school_id, managerId: m.manager_id })),
      directReports: reports.map((r) => ({ schoolId: r.school_id, staffId: r.staff_id })),
      promptRoundsSent: rounds.map(roundFromRow),
      workPattern: pattern ? { ftePercent: Number(pattern.fte_percent), setBy: { id: pattern.set_by_id, name: pattern.set_by_name }, setAt: iso(pattern.set_at) } : null,
      calendarFeed: feed ? { createdAt: iso(feed.created_at) } : null,
      conversationAddress: address ? { updatedAt: iso(address.updated_at) } : null,
      reachability: reach ? { schoolId: reach.school_id, reason: reach.reason, installRequestedAt: isoOrNull(reach.install_requested_at), updatedAt: iso(reach.updated_at) } : null,
      proposals: proposals.map(proposalFromRow),
      proposalDecisions: decisions.map((d) => ({ proposalId: d.id, status: d.status, decidedAt: isoOrNull(d.decided_at) })),
      offersCreated: created.map((o) => ({ offerId: o.id, schoolId: o.school_id, title: o.title, createdAt: iso(o.created_at) })),
      sessionsFacilitated: facilitatedCandidates
        .filter((row) => {
          const facilitator = JSON.parse(row.facilitator) as Facilitator;
          return facilitator.kind === 'staff' && facilitator.userId === personId;
        })
        .map((row) => sessionSummaryOf(offerFromRow(row))),
      attendanceRecorded: recorded.map((r) => ({ offerId: r.offer_id, title: r.title, people: Number(r.people), lastRecordedAt: iso(String(r.last_recorded_at)) })),
      notices: notices.map((n) => ({ kind: noticeKind(n.notice), status: n.status, createdAt: iso(n.created_at), sentAt: isoOrNull(n.sent_at) })),
      downloads: downloads.map((d) => ({ requesterId: d.requester_id, format: d.format, at: iso(d.downloaded_at) })),
      downloadsMade: downloadsMade.map((d) => ({ subjectId: d.subject_id, format: d.format, at: iso(d.downloaded_at) })),
      databaseGoals: goals.map(goalFromRow),
      leftSchools: left.map((l) => ({ schoolId: l.school_id, leftAt: iso(l.left_at) })),
      followUps: followUps.map((f) => ({
        offerId: f.offer_id,
        title: f.title,
        used: f.used,
        practiceChange: f.practice_change,
        pupilEffect: f.pupil_effect,
        evidence: f.evidence,
        confidenceNow: Number(f.confidence_now),
        relatedGoalId: f.related_goal_id,
        anonymous: Number(f.anonymous) === 1,
        submittedAt: iso(f.submitted_at),
        updatedAt: iso(f.updated_at),
      })),
      learningShares: shares.map((s) => ({ offerId: s.offer_id, title: s.title, summary: s.summary, resources: JSON.parse(s.resources) as string[], source: s.source, sharedAt: iso(s.shared_at), posted: s.activity_id !== null })),
      peerObservations: observations.map((row) => {
        const o = observationFromRow(row);
        const own = observationReflections.find((r) => r.observation_id === o.id);
        return {
          observationId: o.id,
          schoolId: o.schoolId,
          role: observerOf(o).id === personId ? ('observer' as const) : ('observed' as const),
          startedBy: o.initiator.id === personId ? ('me' as const) : ('colleague' as const),
          colleague: partnerOf(o, personId),
          focus: o.focus.label,
          focusKind: o.focus.kind,
          startsAt: o.startsAt,
          endsAt: o.endsAt,
          timeZone: o.timeZone,
          place: o.place,
          status: o.status,
          reflection: own ? { noticed: own.noticed, takeaway: own.takeaway, goalId: own.goal_id, submittedAt: iso(own.submitted_at), updatedAt: iso(own.updated_at) } : null,
        };
      }),
      groupsLed: groupsLed.map((g) => ({ groupId: g.group_id, groupName: g.name, addedById: g.added_by_id, since: iso(g.added_at) })),
      groupLeadsAdded: groupLeadsAdded.map((g) => ({ groupId: g.group_id, personId: g.person_id, at: iso(g.added_at) })),
      erasuresCarriedOut: erasures.map((e) => ({ erasureId: e.id, schoolId: e.school_id, reason: e.reason, at: iso(e.erased_at) })),
    };
  }

  async recordDownload(download: RecordDownload): Promise<void> {
    await this.db
      .insertInto('record_downloads')
      .values({ requester_id: download.requesterId, subject_id: download.subjectId, format: download.format satisfies RecordFormat, downloaded_at: download.at.toISOString() })
      .execute();
  }

  async saveLink(link: { tokenHash: string; personId: string; createdAt: Date; expiresAt: Date }): Promise<void> {
    await this.db
      .insertInto('record_download_links')
      .values({ token_hash: link.tokenHash, person_id: link.personId, created_at: link.createdAt.toISOString(), expires_at: link.expiresAt.toISOString() })
      .execute();
  }

  async personWithLink(tokenHash: string, now: Date): Promise<string | undefined> {
    await this.db.deleteFrom('record_download_links').where('expires_at', '<=', now.toISOString()).execute();
    const row = await this.db.selectFrom('record_download_links').select('person_id').where('token_hash', '=', tokenHash).where('expires_at', '>', now.toISOString()).executeTakeFirst();
    return row?.person_id;
  }
}

/** The offer's columns, each renamed with a prefix, so they sit beside another table's in one row. */
function offerColumns<P extends string>(prefix: P) {
  const columns = ['id', 'school_id', 'title', 'description', 'facilitator', 'starts_at', 'ends_at', 'time_zone', 'location', 'online_link', 'capacity', 'signups_close_at', 'tags', 'status', 'created_by_id', 'created_by_name', 'created_at', 'revision'] as const;
  return columns.map((c) => `offers.${c} as ${prefix}${c}` as `offers.${(typeof columns)[number]} as ${P}${(typeof columns)[number]}`);
}

function prefixed(row: object, prefix: string): OfferRow {
  return Object.fromEntries(
    Object.entries(row)
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, value]) => [key.slice(prefix.length), value]),
  ) as unknown as OfferRow;
}

function noticeKind(json: string): string {
  try {
    return String((JSON.parse(json) as { kind?: unknown }).kind ?? 'unknown');
  } catch {
    return 'unknown';
  }
}

function likeEscaped(text: string): string {
  return text.slice(1, -1).replace(/[%_\\]/g, '_');
}
