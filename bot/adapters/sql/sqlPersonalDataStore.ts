import { ExpressionBuilder, Kysely, sql } from 'kysely';
import { noTraces, PersonTraces } from '../../domain/erasure';
import { ErasureAuditEntry, ErasureOutcome, ErasureRequest, PersonalDataStore, RetentionOutcome, RetentionRequest, SchoolPerson } from '../../ports/personalData';
import { Counts, ErasureContext, personalDataRules, TableRule } from './personalDataRules';
import { Database, Dialect } from './schema';
import { inWriteTransaction } from './transactions';

type Rules = Record<string, TableRule | 'holds no personal data'>;

/** Erasure and retention over the rules in personalDataRules.ts, each in one write transaction. */
export class SqlPersonalDataStore implements PersonalDataStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
    private readonly rules: Rules = personalDataRules,
  ) {}

  async findMember(schoolId: string, personId: string): Promise<SchoolPerson | undefined> {
    const row = await this.members(this.db, schoolId).where('m.person_id', '=', personId).executeTakeFirst();
    return row && memberFromRow(row);
  }

  async searchMembers(schoolId: string, text: string, limit: number): Promise<SchoolPerson[]> {
    const needle = text.trim().toLowerCase();
    if (needle === '') return [];
    const rows = await this.members(this.db, schoolId)
      .where((eb) =>
        eb.or([
          eb(sql`lower(m.name)`, '=', needle),
          eb(sql`lower(coalesce(m.email, ''))`, '=', needle),
          eb('m.person_id', '=', text.trim()),
          eb(sql`lower(m.name)`, 'like', `%${needle}%`),
        ]),
      )
      .orderBy('m.name')
      .limit(limit)
      .execute();
    return rows.map(memberFromRow);
  }

  async tracesOf(personId: string, now: Date): Promise<PersonTraces> {
    const at = now.toISOString();
    const count = async (query: { executeTakeFirst(): Promise<{ n: number | string | bigint } | undefined> }) => Number((await query.executeTakeFirst())?.n ?? 0);
    const n = sql<number>`count(*)`.as('n');
    const db = this.db;
    const ended = db.selectFrom('offers').select('id').where('ends_at', '<=', at);
    const traces = noTraces();
    traces.membership = await count(db.selectFrom('school_members').select(n).where('person_id', '=', personId));
    traces.goals = await count(db.selectFrom('goals').select(n).where('owner_id', '=', personId));
    traces.loggedClpl = await count(db.selectFrom('clpl_activities').select(n).where('owner_id', '=', personId));
    traces.calendarFeed = await count(db.selectFrom('calendar_feeds').select(n).where('person_id', '=', personId));
    traces.workPattern = await count(db.selectFrom('work_patterns').select(n).where('person_id', '=', personId));
    traces.lineManagement = await count(db.selectFrom('line_management').select(n).where((eb) => eb.or([eb('staff_id', '=', personId), eb('manager_id', '=', personId)])));
    traces.reflections = await count(db.selectFrom('reflection_prompts').select(n).where('staff_id', '=', personId));
    traces.upcomingSignUps = await count(db.selectFrom('signups').select(n).where('person_id', '=', personId).where('status', '<>', 'withdrawn').where('offer_id', 'not in', ended));
    traces.pendingProposals = await count(db.selectFrom('offer_proposals').select(n).where('proposer_id', '=', personId).where('status', '=', 'pending'));
    traces.notices = await count(db.selectFrom('outbox').select(n).where('recipient_id', '=', personId));
    traces.pastSignUps = await count(db.selectFrom('signups').select(n).where('person_id', '=', personId).where('offer_id', 'in', ended));
    traces.attendance = await count(db.selectFrom('attendance').select(n).where('person_id', '=', personId));
    traces.feedback = await count(db.selectFrom('feedback_responses').select(n).where('person_id', '=', personId));
    traces.offersLed = await count(
      db.selectFrom('offers').select(n).where((eb) => eb.or([eb('created_by_id', '=', personId), eb('facilitator', 'like', `%"userId":"${personId}"%`)])),
    );
    const inObservation = (eb: ExpressionBuilder<Database, 'peer_observations'>) => eb.or([eb('initiator_id', '=', personId), eb('colleague_id', '=', personId)]);
    const toCome = (eb: ExpressionBuilder<Database, 'peer_observations'>) => eb.and([eb('status', 'in', ['pending', 'accepted']), eb('starts_at', '>', at)]);
    traces.observationReflections = await count(db.selectFrom('peer_observation_reflections').select(n).where('person_id', '=', personId));
    traces.upcomingObservations = await count(db.selectFrom('peer_observations').select(n).where(inObservation).where(toCome));
    traces.peerObservations = await count(db.selectFrom('peer_observations').select(n).where(inObservation).where((eb) => eb.not(toCome(eb))));
    traces.decisionsMade =
      (await count(db.selectFrom('attendance').select(n).where('recorded_by_id', '=', personId).where('person_id', '<>', personId))) +
      (await count(db.selectFrom('offer_proposals').select(n).where('decided_by_id', '=', personId))) +
      (await count(db.selectFrom('reflection_prompts').select(n).where('manager_id', '=', personId)));
    return traces;
  }

  erase(request: ErasureRequest): Promise<ErasureOutcome> {
    return inWriteTransaction(this.db, this.dialect, async (trx) => {
      const ctx: ErasureContext = {
        trx,
        personId: request.personId,
        pseudonym: request.pseudonym,
        mentions: await mentionsOf(trx, request.personId),
        conversationIds: await conversationIdsOf(trx, request.personId),
        now: request.at,
        offersToRedraw: new Set(),
        roundsToRedraw: new Set(),
        promoted: 0,
      };
      const counts: Record<string, Counts> = {};
      for (const [table, rule] of Object.entries(this.rules)) {
        if (rule === 'holds no personal data') continue;
        const c = await rule.erase(ctx);
        if (c.deleted > 0 || c.anonymised > 0) counts[table] = c;
      }
      const erased = Object.keys(counts).length > 0;
      Object.assign(counts, request.alreadyErased ?? {});
      // Channel cards that counted or named them are redrawn from a fresh read (OfferCardRefresher).
      const offersToRedraw = [...ctx.offersToRedraw];
      if (offersToRedraw.length > 0) await trx.updateTable('offers').set((eb) => ({ revision: eb('revision', '+', 1) })).where('id', 'in', offersToRedraw).execute();
      if (erased) {
        await trx
          .insertInto('erasure_audit')
          .values({ id: request.erasureId, school_id: request.schoolId, erased_by_id: request.erasedById, reason: request.reason, erased_at: request.at.toISOString(), counts: JSON.stringify(counts) })
          .execute();
      }
      return { erased, counts, offersToRedraw, roundsToRedraw: [...ctx.roundsToRedraw], promoted: ctx.promoted };
    });
  }

  applyRetention(request: RetentionRequest): Promise<RetentionOutcome> {
    return inWriteTransaction(this.db, this.dialect, async (trx) => {
      const counts: Record<string, Counts> = {};
      for (const [table, rule] of Object.entries(this.rules)) {
        if (rule === 'holds no personal data' || !rule.retain) continue;
        const c = await rule.retain({ trx, before: request.before.toISOString(), pseudonymFor: request.pseudonymFor });
        if (c.deleted > 0 || c.anonymised > 0) counts[table] = c;
      }
      return { counts };
    });
  }

  async recordTeam(schoolId: string, teamId: string): Promise<void> {
    await this.db.insertInto('school_teams').values({ school_id: schoolId, team_id: teamId }).onConflict((oc) => oc.columns(['school_id', 'team_id']).doNothing()).execute();
  }

  async teamsOf(schoolId: string): Promise<string[]> {
    return (await this.db.selectFrom('school_teams').select('team_id').where('school_id', '=', schoolId).orderBy('team_id').execute()).map((r) => r.team_id);
  }

  async markLeft(schoolId: string, personId: string, at: Date): Promise<boolean> {
    const known = await this.db.selectFrom('school_members').select('person_id').where('school_id', '=', schoolId).where('person_id', '=', personId).executeTakeFirst();
    if (!known) return false;
    await this.db
      .insertInto('school_leavers')
      .values({ school_id: schoolId, person_id: personId, left_at: at.toISOString() })
      .onConflict((oc) => oc.columns(['school_id', 'person_id']).doNothing())
      .execute();
    return true;
  }

  async clearLeft(schoolId: string, personId: string): Promise<void> {
    await this.db.deleteFrom('school_leavers').where('school_id', '=', schoolId).where('person_id', '=', personId).execute();
  }

  async leaversOf(schoolId: string): Promise<SchoolPerson[]> {
    const rows = await this.members(this.db, schoolId).where('l.left_at', 'is not', null).orderBy('l.left_at').execute();
    return rows.map(memberFromRow);
  }

  async leaversBefore(cutoff: Date): Promise<Array<{ schoolId: string; personId: string }>> {
    const rows = await this.db.selectFrom('school_leavers').select(['school_id', 'person_id']).where('left_at', '<', cutoff.toISOString()).orderBy('left_at').execute();
    return rows.map((r) => ({ schoolId: r.school_id, personId: r.person_id }));
  }

  async auditOf(schoolId: string): Promise<ErasureAuditEntry[]> {
    const rows = await this.db.selectFrom('erasure_audit').selectAll().where('school_id', '=', schoolId).orderBy('erased_at').execute();
    return rows.map((r) => ({ id: r.id, schoolId: r.school_id, erasedById: r.erased_by_id, reason: r.reason, erasedAt: new Date(r.erased_at), counts: JSON.parse(r.counts) as ErasureAuditEntry['counts'] }));
  }

  private members(db: Kysely<Database>, schoolId: string) {
    return db
      .selectFrom('school_members as m')
      .leftJoin('school_leavers as l', (join) => join.onRef('l.school_id', '=', 'm.school_id').onRef('l.person_id', '=', 'm.person_id'))
      .select(['m.person_id', 'm.name', 'm.email', 'l.left_at'])
      .where('m.school_id', '=', schoolId);
  }
}

function memberFromRow(row: { person_id: string; name: string; email: string | null; left_at: string | null }): SchoolPerson {
  return { id: row.person_id, name: row.name, email: row.email, leftAt: row.left_at ? new Date(row.left_at) : null };
}

/** Every name and email the app holds for the person, wherever it was written. */
async function mentionsOf(trx: Kysely<Database>, personId: string): Promise<string[]> {
  const found = new Set<string>();
  const addAll = (rows: Array<{ v: string | null }>) => rows.forEach((r) => r.v && found.add(r.v));
  addAll(await trx.selectFrom('school_members').select('name as v').where('person_id', '=', personId).execute());
  addAll(await trx.selectFrom('school_members').select('email as v').where('person_id', '=', personId).execute());
  addAll(await trx.selectFrom('signups').select('person_name as v').where('person_id', '=', personId).execute());
  addAll(await trx.selectFrom('attendance').select('person_name as v').where('person_id', '=', personId).execute());
  addAll(await trx.selectFrom('attendance').select('recorded_by_name as v').where('recorded_by_id', '=', personId).execute());
  addAll(await trx.selectFrom('feedback_responses').select('person_name as v').where('person_id', '=', personId).execute());
  addAll(await trx.selectFrom('offers').select('created_by_name as v').where('created_by_id', '=', personId).execute());
  addAll(await trx.selectFrom('offer_proposals').select('proposer_name as v').where('proposer_id', '=', personId).execute());
  addAll(await trx.selectFrom('offer_proposals').select('decided_by_name as v').where('decided_by_id', '=', personId).execute());
  addAll(await trx.selectFrom('reflection_rounds').select('manager_name as v').where('manager_id', '=', personId).execute());
  addAll(await trx.selectFrom('reflection_prompts').select('staff_name as v').where('staff_id', '=', personId).execute());
  addAll(await trx.selectFrom('work_patterns').select('set_by_name as v').where('set_by_id', '=', personId).execute());
  return [...found];
}

/** The person's 1:1 conversation, as the send budget keys it. */
async function conversationIdsOf(trx: Kysely<Database>, personId: string): Promise<string[]> {
  const row = await trx.selectFrom('addresses').select('address').where('address_key', '=', `person:${personId}`).executeTakeFirst();
  if (!row) return [];
  try {
    const address = JSON.parse(row.address) as { reference?: { conversation?: { id?: string } } };
    const id = address.reference?.conversation?.id;
    return id ? [id] : [];
  } catch {
    return [];
  }
}
