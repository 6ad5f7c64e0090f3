import { Job } from '../../ports/jobs';
import { Kysely, sql } from 'kysely';
import { erasedPersonName, isPseudonym, mentionsAny } from '../../domain/erasure';
import { promotionsToFill } from '../../domain/signUp';
import { Database } from './schema';
import { offerFromRow, signUpFromRow, signUpToRow } from './rows';
import { insertNotice } from './outboxRows';
import { observationFromRow } from './sqlPeerObservationStore';
import { partnerOf } from '../../domain/peerObservation';

/**
 * What erasure and retention do to each table, one entry per table of the schema. A table added by a migration and
 * not listed here fails the erasure tests (they compare this list with the live schema), so none is forgotten.
 *
 * Two treatments: rows that are the person's own are deleted; rows the school keeps as aggregate (attendance, past
 * sign-ups, feedback ratings, offers they led, decisions they made for others) keep their numbers but the person's id
 * becomes a pseudonym made for this one erasure and their name `erasedPersonName`; free text they wrote goes.
 */
export type Counts = { deleted: number; anonymised: number };

export interface ErasureContext {
  trx: Kysely<Database>;
  personId: string;
  pseudonym: string;
  /** Every name and email the app has stored for the person, to find them in free text and JSON. */
  mentions: string[];
  /** Conversation ids of the person's 1:1 chats (for the send budget's keys). */
  conversationIds: string[];
  now: Date;
  offersToRedraw: Set<string>;
  roundsToRedraw: Set<string>;
  promoted: number;
}

export interface RetentionContext {
  trx: Kysely<Database>;
  before: string;
  pseudonymFor(personId: string): string;
}

export interface TableRule {
  erase(ctx: ErasureContext): Promise<Counts>;
  /** Records older than the cutoff; absent for tables that hold current state (kept until the person is erased). */
  retain?(ctx: RetentionContext): Promise<Counts>;
}

const none: Counts = { deleted: 0, anonymised: 0 };
const deleted = (n: bigint | number | undefined): Counts => ({ deleted: Number(n ?? 0), anonymised: 0 });
const anonymised = (n: bigint | number | undefined): Counts => ({ deleted: 0, anonymised: Number(n ?? 0) });
const add = (...all: Counts[]): Counts => all.reduce((a, b) => ({ deleted: a.deleted + b.deleted, anonymised: a.anonymised + b.anonymised }), none);

/** `like` patterns for text that may quote the person (JSON, keys); `%` and `_` in names are matched literally enough for this. */
function likeAny(ctx: ErasureContext): string[] {
  return [ctx.personId, ...ctx.mentions].filter((m) => m.trim().length >= 3).map((m) => `%${m.toLowerCase()}%`);
}

/** Ended offers (their sign-ups are history) vs those still to come (sign-ups are places). */
const endedOffers = (trx: Kysely<Database>, at: string) => trx.selectFrom('offers').select('id').where('ends_at', '<=', at);

/** Distinct people (not already pseudonyms) in a column, for retention's per-person pseudonyms. */
async function peopleIn(rows: Array<{ person: string }>): Promise<string[]> {
  return [...new Set(rows.map((r) => r.person))].filter((p) => !isPseudonym(p));
}

export const personalDataRules: Record<string, TableRule | 'holds no personal data'> = {
  schools: 'holds no personal data',
  channels: 'holds no personal data',
  offer_cards: 'holds no personal data',
  school_teams: 'holds no personal data',
  school_groups: 'holds no personal data',
  school_group_members: 'holds no personal data',
  school_group_file: 'holds no personal data',

  school_group_leads: {
    // Leading a group is the person's own role: it goes (the group keeps any lead of a group containing it). Leads
    // they added stay, naming a pseudonym for who added them.
    async erase(ctx) {
      const own = await ctx.trx.deleteFrom('school_group_leads').where('person_id', '=', ctx.personId).executeTakeFirst();
      const added = await ctx.trx.updateTable('school_group_leads').set({ added_by_id: ctx.pseudonym }).where('added_by_id', '=', ctx.personId).executeTakeFirst();
      return add(deleted(own.numDeletedRows), anonymised(added.numUpdatedRows));
    },
  },

  reflections: {
    async erase(ctx) {
      return deleted((await ctx.trx.deleteFrom('reflections').where('staff_id', '=', ctx.personId).executeTakeFirst()).numDeletedRows);
    },
    async retain(ctx) {
      const old = ctx.trx.selectFrom('reflection_prompts').select('id').where('created_at', '<', ctx.before);
      return deleted((await ctx.trx.deleteFrom('reflections').where('prompt_id', 'in', old).executeTakeFirst()).numDeletedRows);
    },
  },
  reflection_prompts: {
    async erase(ctx) {
      const rounds = await ctx.trx.selectFrom('reflection_prompts').select('round_id').where('staff_id', '=', ctx.personId).execute();
      for (const r of rounds) ctx.roundsToRedraw.add(r.round_id);
      const gone = await ctx.trx.deleteFrom('reflection_prompts').where('staff_id', '=', ctx.personId).executeTakeFirst();
      const managed = await ctx.trx.updateTable('reflection_prompts').set({ manager_id: ctx.pseudonym }).where('manager_id', '=', ctx.personId).executeTakeFirst();
      return add(deleted(gone.numDeletedRows), anonymised(managed.numUpdatedRows));
    },
    async retain(ctx) {
      return deleted((await ctx.trx.deleteFrom('reflection_prompts').where('created_at', '<', ctx.before).executeTakeFirst()).numDeletedRows);
    },
  },
  reflection_rounds: {
    async erase(ctx) {
      // Their own tracking cards live in their 1:1 chat, which goes: nothing of theirs is redrawn.
      const managed = await ctx.trx
        .updateTable('reflection_rounds')
        .set({ manager_id: ctx.pseudonym, manager_name: erasedPersonName, tracking_conversation_id: null, tracking_activity_id: null })
        .where('manager_id', '=', ctx.personId)
        .executeTakeFirst();
      const redraw = [...ctx.roundsToRedraw];
      if (redraw.length > 0) {
        await ctx.trx.updateTable('reflection_rounds').set((eb) => ({ tracking_revision: eb('tracking_revision', '+', 1) })).where('id', 'in', redraw).execute();
      }
      return anonymised(managed.numUpdatedRows);
    },
    async retain(ctx) {
      const stillPrompted = ctx.trx.selectFrom('reflection_prompts').select('round_id');
      return deleted(
        (await ctx.trx.deleteFrom('reflection_rounds').where('created_at', '<', ctx.before).where('id', 'not in', stillPrompted).executeTakeFirst()).numDeletedRows,
      );
    },
  },
  line_management: {
    async erase(ctx) {
      const gone = await ctx.trx.deleteFrom('line_management').where((eb) => eb.or([eb('staff_id', '=', ctx.personId), eb('manager_id', '=', ctx.personId)])).executeTakeFirst();
      return deleted(gone.numDeletedRows);
    },
  },

  signups: {
    async erase(ctx) {
      const at = ctx.now.toISOString();
      const own = await ctx.trx.selectFrom('signups').select(['offer_id', 'status']).where('person_id', '=', ctx.personId).execute();
      for (const s of own) ctx.offersToRedraw.add(s.offer_id);
      const past = await ctx.trx
        .updateTable('signups')
        .set({ person_id: ctx.pseudonym, person_name: erasedPersonName })
        .where('person_id', '=', ctx.personId)
        .where('offer_id', 'in', endedOffers(ctx.trx, at))
        .executeTakeFirst();
      const upcoming = own.filter((s) => s.status !== 'withdrawn').map((s) => s.offer_id);
      const gone = await ctx.trx.deleteFrom('signups').where('person_id', '=', ctx.personId).executeTakeFirst();
      // A place they held on a session still to come is freed: the first on the waitlist takes it, as on a withdrawal.
      for (const offerId of upcoming) ctx.promoted += await promoteInto(ctx, offerId);
      return add(deleted(gone.numDeletedRows), anonymised(past.numUpdatedRows));
    },
    async retain(ctx) {
      const rows = await ctx.trx.selectFrom('signups').select('person_id as person').where('offer_id', 'in', endedOffers(ctx.trx, ctx.before)).execute();
      let n = 0;
      for (const person of await peopleIn(rows)) {
        const result = await ctx.trx
          .updateTable('signups')
          .set({ person_id: ctx.pseudonymFor(person), person_name: erasedPersonName })
          .where('person_id', '=', person)
          .where('offer_id', 'in', endedOffers(ctx.trx, ctx.before))
          .executeTakeFirst();
        n += Number(result.numUpdatedRows);
      }
      return anonymised(n);
    },
  },
  attendance: {
    async erase(ctx) {
      const own = await ctx.trx.updateTable('attendance').set({ person_id: ctx.pseudonym, person_name: erasedPersonName }).where('person_id', '=', ctx.personId).executeTakeFirst();
      const marked = await ctx.trx
        .updateTable('attendance')
        .set({ recorded_by_id: ctx.pseudonym, recorded_by_name: erasedPersonName })
        .where('recorded_by_id', '=', ctx.personId)
        .executeTakeFirst();
      return anonymised(Number(own.numUpdatedRows) + Number(marked.numUpdatedRows));
    },
    async retain(ctx) {
      const old = () => ctx.trx.selectFrom('offers').select('id').where('ends_at', '<=', ctx.before);
      const rows = await ctx.trx.selectFrom('attendance').select(['person_id', 'recorded_by_id']).where('offer_id', 'in', old()).execute();
      let n = 0;
      for (const person of await peopleIn(rows.map((r) => ({ person: r.person_id })))) {
        const r = await ctx.trx.updateTable('attendance').set({ person_id: ctx.pseudonymFor(person), person_name: erasedPersonName }).where('person_id', '=', person).where('offer_id', 'in', old()).executeTakeFirst();
        n += Number(r.numUpdatedRows);
      }
      for (const person of await peopleIn(rows.map((r) => ({ person: r.recorded_by_id })))) {
        await ctx.trx.updateTable('attendance').set({ recorded_by_id: ctx.pseudonymFor(person), recorded_by_name: erasedPersonName }).where('recorded_by_id', '=', person).where('offer_id', 'in', old()).execute();
      }
      return anonymised(n);
    },
  },
  feedback_responses: {
    async erase(ctx) {
      const r = await ctx.trx
        .updateTable('feedback_responses')
        .set({ person_id: ctx.pseudonym, person_name: erasedPersonName, practice_change: '', related_goal: null, related_goal_id: null })
        .where('person_id', '=', ctx.personId)
        .executeTakeFirst();
      return anonymised(r.numUpdatedRows);
    },
    async retain(ctx) {
      const old = () => ctx.trx.selectFrom('offers').select('id').where('ends_at', '<=', ctx.before);
      const rows = await ctx.trx.selectFrom('feedback_responses').select('person_id as person').where('offer_id', 'in', old()).execute();
      let n = 0;
      for (const person of await peopleIn(rows)) {
        const r = await ctx.trx
          .updateTable('feedback_responses')
          .set({ person_id: ctx.pseudonymFor(person), person_name: erasedPersonName, practice_change: '', related_goal: null, related_goal_id: null })
          .where('person_id', '=', person)
          .where('offer_id', 'in', old())
          .executeTakeFirst();
        n += Number(r.numUpdatedRows);
      }
      return anonymised(n);
    },
  },
  follow_up_responses: {
    // As feedback: the numbers (used, confidence now) stay for the school's report; the person and their words go.
    async erase(ctx) {
      const r = await ctx.trx
        .updateTable('follow_up_responses')
        .set({ person_id: ctx.pseudonym, person_name: erasedPersonName, practice_change: '', pupil_effect: '', evidence: '', related_goal_id: null })
        .where('person_id', '=', ctx.personId)
        .executeTakeFirst();
      return anonymised(r.numUpdatedRows);
    },
    async retain(ctx) {
      const old = () => ctx.trx.selectFrom('offers').select('id').where('ends_at', '<=', ctx.before);
      const rows = await ctx.trx.selectFrom('follow_up_responses').select('person_id as person').where('offer_id', 'in', old()).execute();
      let n = 0;
      for (const person of await peopleIn(rows)) {
        const r = await ctx.trx
          .updateTable('follow_up_responses')
          .set({ person_id: ctx.pseudonymFor(person), person_name: erasedPersonName, practice_change: '', pupil_effect: '', evidence: '', related_goal_id: null })
          .where('person_id', '=', person)
          .where('offer_id', 'in', old())
          .executeTakeFirst();
        n += Number(r.numUpdatedRows);
      }
      return anonymised(n);
    },
  },
  learning_shares: {
    // A share is the person's own words under their name: it goes whole (the reply already posted in Teams is the
    // channel's; the card's count drops by one when it is next redrawn).
    async erase(ctx) {
      const gone = await ctx.trx.deleteFrom('learning_shares').where('person_id', '=', ctx.personId).returning('offer_id').execute();
      for (const share of gone) ctx.offersToRedraw.add(share.offer_id);
      return deleted(gone.length);
    },
    async retain(ctx) {
      return deleted((await ctx.trx.deleteFrom('learning_shares').where('shared_at', '<', ctx.before).executeTakeFirst()).numDeletedRows);
    },
  },
  peer_observation_reflections: {
    // A reflection is its author's own words: it goes whole. The colleague's reflection on the same visit is theirs and stays.
    async erase(ctx) {
      return deleted((await ctx.trx.deleteFrom('peer_observation_reflections').where('person_id', '=', ctx.personId).executeTakeFirst()).numDeletedRows);
    },
    async retain(ctx) {
      return deleted((await ctx.trx.deleteFrom('peer_observation_reflections').where('submitted_at', '<', ctx.before).executeTakeFirst()).numDeletedRows);
    },
  },
  peer_observations: {
    // The colleague keeps their side of a visit (it may count toward their hours); the person's side becomes a pseudonym.
    // A visit still to come cannot happen without them: it is cancelled, the revision rises so calendars drop it, and
    // the colleague is told as when either of the two calls it off (naming no one: the person is gone).
    async erase(ctx) {
      const at = ctx.now.toISOString();
      const called = await ctx.trx
        .updateTable('peer_observations')
        .set((eb) => ({ status: 'cancelled', decided_at: at, revision: eb('revision', '+', 1) }))
        .where((eb) => eb.or([eb('initiator_id', '=', ctx.personId), eb('colleague_id', '=', ctx.personId)]))
        .where('status', 'in', ['pending', 'accepted'])
        .where('starts_at', '>', at)
        .returningAll()
        .execute();
      for (const row of called) {
        const o = observationFromRow(row);
        const visit = { observationId: o.id, observationKind: o.kind, focus: o.focus.label, startsAt: row.starts_at, endsAt: row.ends_at, timeZone: o.timeZone, place: o.place };
        await insertNotice(
          ctx.trx,
          {
            idempotencyKey: `observation_cancelled:${o.id}`,
            schoolId: o.schoolId,
            recipientId: partnerOf(o, ctx.personId).id,
            notice: { kind: 'observation_cancelled', ...visit, byName: erasedPersonName },
          },
          ctx.now,
        );
      }
      const asInitiator = await ctx.trx.updateTable('peer_observations').set({ initiator_id: ctx.pseudonym, initiator_name: erasedPersonName }).where('initiator_id', '=', ctx.personId).executeTakeFirst();
      const asColleague = await ctx.trx.updateTable('peer_observations').set({ colleague_id: ctx.pseudonym, colleague_name: erasedPersonName }).where('colleague_id', '=', ctx.personId).executeTakeFirst();
      return anonymised(Number(asInitiator.numUpdatedRows) + Number(asColleague.numUpdatedRows));
    },
    async retain(ctx) {
      const rows = await ctx.trx.selectFrom('peer_observations').select(['id', 'initiator_id', 'colleague_id']).where('ends_at', '<', ctx.before).execute();
      let n = 0;
      for (const row of rows) {
        if (isPseudonym(row.initiator_id) && isPseudonym(row.colleague_id)) continue;
        await ctx.trx
          .updateTable('peer_observations')
          .set({
            initiator_id: isPseudonym(row.initiator_id) ? row.initiator_id : ctx.pseudonymFor(row.initiator_id),
            initiator_name: erasedPersonName,
            colleague_id: isPseudonym(row.colleague_id) ? row.colleague_id : ctx.pseudonymFor(row.colleague_id),
            colleague_name: erasedPersonName,
          })
          .where('id', '=', row.id)
          .execute();
        n += 1;
      }
      return anonymised(n);
    },
  },
  offers: {
    async erase(ctx) {
      let n = 0;
      const created = await ctx.trx.updateTable('offers').set({ created_by_id: ctx.pseudonym, created_by_name: erasedPersonName }).where('created_by_id', '=', ctx.personId).returning('id').execute();
      for (const o of created) ctx.offersToRedraw.add(o.id);
      n += created.length;
      // The facilitator is a colleague (by id) or free text that may be their name.
      const led = await ctx.trx.selectFrom('offers').select(['id', 'facilitator']).execute();
      for (const offer of led) {
        if (!mentionsAny(offer.facilitator, [ctx.personId, ...ctx.mentions])) continue;
        await ctx.trx.updateTable('offers').set({ facilitator: formerFacilitator }).where('id', '=', offer.id).execute();
        ctx.offersToRedraw.add(offer.id);
        n += 1;
      }
      return anonymised(n);
    },
    async retain(ctx) {
      const rows = await ctx.trx.selectFrom('offers').select(['id', 'created_by_id', 'facilitator']).where('ends_at', '<=', ctx.before).execute();
      let n = 0;
      for (const row of rows) {
        const staffLed = (JSON.parse(row.facilitator) as { kind: string }).kind === 'staff';
        if (isPseudonym(row.created_by_id) && !staffLed) continue;
        await ctx.trx
          .updateTable('offers')
          .set({ created_by_id: isPseudonym(row.created_by_id) ? row.created_by_id : ctx.pseudonymFor(row.created_by_id), created_by_name: erasedPersonName, ...(staffLed ? { facilitator: formerFacilitator } : {}) })
          .where('id', '=', row.id)
          .execute();
        n += 1;
      }
      return anonymised(n);
    },
  },
  offer_proposals: {
    async erase(ctx) {
      const pending = await ctx.trx.deleteFrom('offer_proposals').where('proposer_id', '=', ctx.personId).where('status', '=', 'pending').executeTakeFirst();
      const proposed = await ctx.trx
        .updateTable('offer_proposals')
        .set({ proposer_id: ctx.pseudonym, proposer_name: erasedPersonName })
        .where('proposer_id', '=', ctx.personId)
        .executeTakeFirst();
      const decided = await ctx.trx
        .updateTable('offer_proposals')
        .set({ decided_by_id: ctx.pseudonym, decided_by_name: erasedPersonName })
        .where('decided_by_id', '=', ctx.personId)
        .executeTakeFirst();
      // A draft names its facilitator, who may be the person.
      let drafts = 0;
      for (const p of await ctx.trx.selectFrom('offer_proposals').select(['id', 'draft']).execute()) {
        if (!mentionsAny(p.draft, [ctx.personId, ...ctx.mentions])) continue;
        const draft = JSON.parse(p.draft) as Record<string, unknown>;
        await ctx.trx.updateTable('offer_proposals').set({ draft: JSON.stringify({ ...draft, facilitator: JSON.parse(formerFacilitator) }) }).where('id', '=', p.id).execute();
        drafts += 1;
      }
      return add(deleted(pending.numDeletedRows), anonymised(Number(proposed.numUpdatedRows) + Number(decided.numUpdatedRows) + drafts));
    },
    async retain(ctx) {
      const rows = await ctx.trx.selectFrom('offer_proposals').select(['id', 'proposer_id', 'decided_by_id', 'status']).where('created_at', '<', ctx.before).execute();
      let n = 0;
      for (const row of rows) {
        if (isPseudonym(row.proposer_id) && (!row.decided_by_id || isPseudonym(row.decided_by_id))) continue;
        await ctx.trx
          .updateTable('offer_proposals')
          .set({
            proposer_id: isPseudonym(row.proposer_id) ? row.proposer_id : ctx.pseudonymFor(row.proposer_id),
            proposer_name: erasedPersonName,
            decided_by_id: row.decided_by_id && !isPseudonym(row.decided_by_id) ? ctx.pseudonymFor(row.decided_by_id) : row.decided_by_id,
            decided_by_name: row.decided_by_id ? erasedPersonName : null,
          })
          .where('id', '=', row.id)
          .execute();
        n += 1;
      }
      return anonymised(n);
    },
  },

  programme_imports: {
    // A programme still waiting for its importer's confirmation goes; one confirmed keeps posting under a pseudonym.
    async erase(ctx) {
      const pending = await ctx.trx.deleteFrom('programme_imports').where('importer_id', '=', ctx.personId).where('status', '=', 'pending').executeTakeFirst();
      const imported = await ctx.trx
        .updateTable('programme_imports')
        .set({ importer_id: ctx.pseudonym, importer_name: erasedPersonName })
        .where('importer_id', '=', ctx.personId)
        .executeTakeFirst();
      // Each offer in a programme names its facilitator, who may be the person.
      let programmes = 0;
      for (const p of await ctx.trx.selectFrom('programme_imports').select(['id', 'items']).execute()) {
        if (!mentionsAny(p.items, [ctx.personId, ...ctx.mentions])) continue;
        const items = (JSON.parse(p.items) as Array<{ draft: { facilitator: unknown } }>).map((item) =>
          mentionsAny(JSON.stringify(item.draft.facilitator), [ctx.personId, ...ctx.mentions]) ? { ...item, draft: { ...item.draft, facilitator: JSON.parse(formerFacilitator) } } : item,
        );
        await ctx.trx.updateTable('programme_imports').set({ items: JSON.stringify(items) }).where('id', '=', p.id).execute();
        programmes += 1;
      }
      return add(deleted(pending.numDeletedRows), anonymised(Number(imported.numUpdatedRows) + programmes));
    },
    async retain(ctx) {
      // A programme is a staging area: long after its offers were posted, the offers themselves are the record.
      return deleted((await ctx.trx.deleteFrom('programme_imports').where('created_at', '<', ctx.before).executeTakeFirst()).numDeletedRows);
    },
  },

  goals: {
    async erase(ctx) {
      return deleted((await ctx.trx.deleteFrom('goals').where('owner_id', '=', ctx.personId).executeTakeFirst()).numDeletedRows);
    },
  },
  clpl_activities: {
    async erase(ctx) {
      return deleted((await ctx.trx.deleteFrom('clpl_activities').where('owner_id', '=', ctx.personId).executeTakeFirst()).numDeletedRows);
    },
    async retain(ctx) {
      return deleted((await ctx.trx.deleteFrom('clpl_activities').where('activity_date', '<', ctx.before.slice(0, 10)).executeTakeFirst()).numDeletedRows);
    },
  },
  calendar_feeds: {
    async erase(ctx) {
      return deleted((await ctx.trx.deleteFrom('calendar_feeds').where('person_id', '=', ctx.personId).executeTakeFirst()).numDeletedRows);
    },
  },
  unreachable_people: {
    async erase(ctx) {
      return deleted((await ctx.trx.deleteFrom('unreachable_people').where('person_id', '=', ctx.personId).executeTakeFirst()).numDeletedRows);
    },
  },
  work_patterns: {
    async erase(ctx) {
      const own = await ctx.trx.deleteFrom('work_patterns').where('person_id', '=', ctx.personId).executeTakeFirst();
      const set = await ctx.trx.updateTable('work_patterns').set({ set_by_id: ctx.pseudonym, set_by_name: erasedPersonName }).where('set_by_id', '=', ctx.personId).executeTakeFirst();
      return add(deleted(own.numDeletedRows), anonymised(set.numUpdatedRows));
    },
  },
  outbox: {
    async erase(ctx) {
      const patterns = likeAny(ctx);
      const gone = await ctx.trx
        .deleteFrom('outbox')
        .where((eb) =>
          eb.or([
            eb('recipient_id', '=', ctx.personId),
            ...patterns.flatMap((p) => [eb(sql`lower(idempotency_key)`, 'like', p), eb(sql`lower(notice)`, 'like', p)]),
          ]),
        )
        .executeTakeFirst();
      return deleted(gone.numDeletedRows);
    },
    async retain(ctx) {
      const gone = await ctx.trx.deleteFrom('outbox').where('created_at', '<', ctx.before).where('status', '<>', 'pending').executeTakeFirst();
      return deleted(gone.numDeletedRows);
    },
  },
  scheduled_jobs: {
    async erase(ctx) {
      // approval_expiry names the person whose place is held: it must not outlive them.
      const gone = await ctx.trx
        .deleteFrom('scheduled_jobs')
        .where((eb) => eb.or(likeAny(ctx).flatMap((p) => [eb(sql`lower(job)`, 'like', p), eb(sql`lower(job_key)`, 'like', p)])))
        .executeTakeFirst();
      return deleted(gone.numDeletedRows);
    },
    async retain(ctx) {
      const gone = await ctx.trx.deleteFrom('scheduled_jobs').where('status', '<>', 'pending').where('finished_at', '<', ctx.before).executeTakeFirst();
      return deleted(gone.numDeletedRows);
    },
  },
  send_slots: {
    async erase(ctx) {
      if (ctx.conversationIds.length === 0) return none;
      return deleted((await ctx.trx.deleteFrom('send_slots').where('conversation_key', 'in', ctx.conversationIds).executeTakeFirst()).numDeletedRows);
    },
  },
  send_pauses: {
    async erase(ctx) {
      if (ctx.conversationIds.length === 0) return none;
      return deleted((await ctx.trx.deleteFrom('send_pauses').where('conversation_key', 'in', ctx.conversationIds).executeTakeFirst()).numDeletedRows);
    },
  },
  addresses: {
    async erase(ctx) {
      const own = await ctx.trx.deleteFrom('addresses').where('address_key', '=', `person:${ctx.personId}`).executeTakeFirst();
      // A channel's stored reference remembers who was talking when it was saved; posting to the channel does not need them.
      let n = 0;
      for (const row of await ctx.trx.selectFrom('addresses').select(['address_key', 'address']).execute()) {
        if (!mentionsAny(row.address, [ctx.personId, ...ctx.mentions])) continue;
        const address = JSON.parse(row.address) as { reference?: Record<string, unknown> };
        if (address.reference) delete address.reference.user;
        const rewritten = JSON.stringify(address);
        if (mentionsAny(rewritten, [ctx.personId, ...ctx.mentions])) await ctx.trx.deleteFrom('addresses').where('address_key', '=', row.address_key).execute();
        else await ctx.trx.updateTable('addresses').set({ address: rewritten }).where('address_key', '=', row.address_key).execute();
        n += 1;
      }
      return add(deleted(own.numDeletedRows), anonymised(n));
    },
  },
  school_leavers: {
    async erase(ctx) {
      return deleted((await ctx.trx.deleteFrom('school_leavers').where('person_id', '=', ctx.personId).executeTakeFirst()).numDeletedRows);
    },
  },
  record_downloads: {
    async erase(ctx) {
      // Downloads of the person's record go with it; downloads they made of others' records keep a pseudonym.
      const own = await ctx.trx.deleteFrom('record_downloads').where('subject_id', '=', ctx.personId).executeTakeFirst();
      const made = await ctx.trx.updateTable('record_downloads').set({ requester_id: ctx.pseudonym }).where('requester_id', '=', ctx.personId).executeTakeFirst();
      return add(deleted(own.numDeletedRows), anonymised(made.numUpdatedRows));
    },
    async retain(ctx) {
      return deleted((await ctx.trx.deleteFrom('record_downloads').where('downloaded_at', '<', ctx.before).executeTakeFirst()).numDeletedRows);
    },
  },
  record_download_links: {
    async erase(ctx) {
      return deleted((await ctx.trx.deleteFrom('record_download_links').where('person_id', '=', ctx.personId).executeTakeFirst()).numDeletedRows);
    },
  },
  erasure_audit: {
    async erase(ctx) {
      // Entries name who erased, never whom; an SLT member who is erased later becomes a pseudonym here too.
      return anonymised((await ctx.trx.updateTable('erasure_audit').set({ erased_by_id: ctx.pseudonym }).where('erased_by_id', '=', ctx.personId).executeTakeFirst()).numUpdatedRows);
    },
  },
  // Last: the names and emails found here are what the rules above look for.
  school_members: {
    async erase(ctx) {
      return deleted((await ctx.trx.deleteFrom('school_members').where('person_id', '=', ctx.personId).executeTakeFirst()).numDeletedRows);
    },
  },
};

const formerFacilitator = JSON.stringify({ kind: 'external', name: erasedPersonName });

/** Fills seats freed on a session still to come from its waitlist (domain rule) and tells those promoted. */
async function promoteInto(ctx: ErasureContext, offerId: string): Promise<number> {
  const offerRow = await ctx.trx.selectFrom('offers').selectAll().where('id', '=', offerId).executeTakeFirst();
  if (!offerRow || offerRow.status === 'cancelled' || new Date(offerRow.ends_at) <= ctx.now) return 0;
  const offer = offerFromRow(offerRow);
  const signUps = (await ctx.trx.selectFrom('signups').selectAll().where('offer_id', '=', offerId).execute()).map(signUpFromRow);
  const promoted = promotionsToFill(offer, signUps, ctx.now);
  for (const p of promoted) {
    const row = signUpToRow(p);
    await ctx.trx.updateTable('signups').set({ status: row.status, updated_at: row.updated_at }).where('offer_id', '=', offerId).where('person_id', '=', row.person_id).execute();
    if (p.status === 'awaiting_approval') continue;
    await insertNotice(
      ctx.trx,
      {
        idempotencyKey: `waitlist_promotion:${offer.id}:${p.person.id}:${p.queueNumber}:r${offer.revision}`,
        schoolId: offer.schoolId,
        recipientId: p.person.id,
        notice: { kind: 'waitlist_promotion', offerId: offer.id, offerTitle: offer.title, startsAt: offer.startsAt.toISOString(), timeZone: offer.timeZone },
      },
      ctx.now,
    );
  }
  // Seats held for a school's approval: the approvers are asked by a job (it knows who they are), at once.
  if (promoted.some((p) => p.status === 'awaiting_approval')) {
    const job = JSON.stringify({ kind: 'approval_requests', offerId } satisfies Job);
    const at = ctx.now.toISOString();
    await ctx.trx
      .insertInto('scheduled_jobs')
      .values({ job_key: `approval_requests:${offerId}:${at}`, job, status: 'pending', due_at: at, attempts: 0, last_error: null, created_at: at, finished_at: null })
      .onConflict((oc) => oc.column('job_key').doNothing())
      .execute();
  }
  return promoted.length;
}
