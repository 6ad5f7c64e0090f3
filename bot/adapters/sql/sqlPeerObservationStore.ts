import { Kysely } from 'kysely';
import { FocusKind, ObservationKind, ObservationReflection, ObservationStatus, PeerObservation } from '../../domain/peerObservation';
import { NewJob } from '../../ports/jobs';
import { NewNotice } from '../../ports/outbox';
import { PeerObservationStore, PeerObservationTransaction } from '../../ports/peerObservationStore';
import { noticeInsert } from './outboxRows';
import { Database, Dialect } from './schema';
import { inWriteTransaction } from './transactions';

/** A row of peer_observations (migration 0018_peer_observations). */
export interface PeerObservationRow {
  id: string;
  school_id: string;
  kind: string;
  initiator_id: string;
  initiator_name: string;
  colleague_id: string;
  colleague_name: string;
  focus_kind: string;
  focus: string;
  starts_at: string;
  ends_at: string;
  time_zone: string;
  place: string;
  status: string;
  created_at: string;
  decided_at: string | null;
  revision: number | string;
}

/** A row of peer_observation_reflections: the author's own words, one per person per visit. */
export interface ObservationReflectionRow {
  observation_id: string;
  person_id: string;
  person_name: string;
  noticed: string;
  takeaway: string;
  goal_id: string | null;
  submitted_at: string;
  updated_at: string;
}

export interface PeerObservationTables {
  peer_observations: PeerObservationRow;
  peer_observation_reflections: ObservationReflectionRow;
}

class SqlPeerObservationTransaction implements PeerObservationTransaction {
  constructor(
    private readonly trx: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  /** SQLite is already write-locked by BEGIN IMMEDIATE; PostgreSQL locks this row. */
  async lockObservation(observationId: string): Promise<PeerObservation | undefined> {
    const query = this.trx.selectFrom('peer_observations').selectAll().where('id', '=', observationId);
    const row = await (this.dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
    return row && observationFromRow(row);
  }

  async insertObservation(observation: PeerObservation): Promise<void> {
    await this.trx.insertInto('peer_observations').values(observationToRow(observation)).execute();
  }

  async updateObservation(observation: PeerObservation): Promise<void> {
    await this.trx
      .updateTable('peer_observations')
      .set({ status: observation.status, decided_at: observation.decidedAt?.toISOString() ?? null, revision: observation.revision })
      .where('id', '=', observation.id)
      .execute();
  }

  reflectionsFor(observationId: string): Promise<ObservationReflection[]> {
    return reflectionsFor(this.trx, observationId);
  }

  async saveReflection(reflection: ObservationReflection): Promise<void> {
    const row = reflectionToRow(reflection);
    const { observation_id, person_id, submitted_at, ...changes } = row;
    await this.trx
      .insertInto('peer_observation_reflections')
      .values(row)
      .onConflict((oc) => oc.columns(['observation_id', 'person_id']).doUpdateSet(changes))
      .execute();
  }

  async enqueueNotice(notice: NewNotice, now: Date): Promise<void> {
    await noticeInsert(this.trx, notice, now).execute();
  }

  async scheduleJob(job: NewJob, now: Date): Promise<void> {
    const dueAt = job.dueAt.toISOString();
    const text = JSON.stringify(job.job);
    await this.trx
      .insertInto('scheduled_jobs')
      .values({ job_key: job.key, job: text, status: 'pending', due_at: dueAt, attempts: 0, last_error: null, created_at: now.toISOString(), finished_at: null })
      .onConflict((oc) => oc.column('job_key').doUpdateSet({ job: text, status: 'pending', due_at: dueAt, attempts: 0, last_error: null, finished_at: null }))
      .execute();
  }

  async cancelJob(key: string): Promise<void> {
    await this.trx.updateTable('scheduled_jobs').set({ status: 'cancelled' }).where('job_key', '=', key).where('status', '=', 'pending').execute();
  }
}

/** One Kysely implementation for SQLite and PostgreSQL. */
export class SqlPeerObservationStore implements PeerObservationStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  transaction<T>(work: (tx: PeerObservationTransaction) => Promise<T>): Promise<T> {
    return inWriteTransaction(this.db, this.dialect, (trx) => work(new SqlPeerObservationTransaction(trx, this.dialect)));
  }

  async findObservation(observationId: string): Promise<PeerObservation | undefined> {
    const row = await this.db.selectFrom('peer_observations').selectAll().where('id', '=', observationId).executeTakeFirst();
    return row && observationFromRow(row);
  }

  reflectionsFor(observationId: string): Promise<ObservationReflection[]> {
    return reflectionsFor(this.db, observationId);
  }

  async observationsOf(personId: string, from?: Date): Promise<PeerObservation[]> {
    let query = this.db
      .selectFrom('peer_observations')
      .selectAll()
      .where((eb) => eb.or([eb('initiator_id', '=', personId), eb('colleague_id', '=', personId)]));
    if (from) query = query.where('starts_at', '>=', from.toISOString());
    return (await query.orderBy('starts_at').orderBy('id').execute()).map(observationFromRow);
  }

  async reflectionsBy(personId: string): Promise<ObservationReflection[]> {
    const rows = await this.db.selectFrom('peer_observation_reflections').selectAll().where('person_id', '=', personId).orderBy('submitted_at').orderBy('observation_id').execute();
    return rows.map(reflectionFromRow);
  }

  async observationsOfSchool(schoolId: string, from: Date, to: Date): Promise<{ observations: PeerObservation[]; reflections: ObservationReflection[] }> {
    const inPeriod = this.db
      .selectFrom('peer_observations')
      .select('id')
      .where('school_id', '=', schoolId)
      .where('starts_at', '>=', from.toISOString())
      .where('starts_at', '<', to.toISOString());
    const [observations, reflections] = await Promise.all([
      this.db.selectFrom('peer_observations').selectAll().where('id', 'in', inPeriod).orderBy('starts_at').orderBy('id').execute(),
      this.db.selectFrom('peer_observation_reflections').selectAll().where('observation_id', 'in', inPeriod).orderBy('submitted_at').execute(),
    ]);
    return { observations: observations.map(observationFromRow), reflections: reflections.map(reflectionFromRow) };
  }
}

async function reflectionsFor(db: Kysely<Database>, observationId: string): Promise<ObservationReflection[]> {
  const rows = await db.selectFrom('peer_observation_reflections').selectAll().where('observation_id', '=', observationId).orderBy('submitted_at').orderBy('person_id').execute();
  return rows.map(reflectionFromRow);
}

export function observationToRow(o: PeerObservation): PeerObservationRow {
  return {
    id: o.id,
    school_id: o.schoolId,
    kind: o.kind,
    initiator_id: o.initiator.id,
    initiator_name: o.initiator.name,
    colleague_id: o.colleague.id,
    colleague_name: o.colleague.name,
    focus_kind: o.focus.kind,
    focus: o.focus.label,
    starts_at: o.startsAt.toISOString(),
    ends_at: o.endsAt.toISOString(),
    time_zone: o.timeZone,
    place: o.place,
    status: o.status,
    created_at: o.createdAt.toISOString(),
    decided_at: o.decidedAt?.toISOString() ?? null,
    revision: o.revision,
  };
}

export function observationFromRow(row: PeerObservationRow): PeerObservation {
  return {
    id: row.id,
    schoolId: row.school_id,
    kind: row.kind as ObservationKind,
    initiator: { id: row.initiator_id, name: row.initiator_name },
    colleague: { id: row.colleague_id, name: row.colleague_name },
    focus: { kind: row.focus_kind as FocusKind, label: row.focus },
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
    timeZone: row.time_zone,
    place: row.place,
    status: row.status as ObservationStatus,
    createdAt: new Date(row.created_at),
    decidedAt: row.decided_at === null ? null : new Date(row.decided_at),
    revision: Number(row.revision),
  };
}

function reflectionToRow(r: ObservationReflection): ObservationReflectionRow {
  return {
    observation_id: r.observationId,
    person_id: r.person.id,
    person_name: r.person.name,
    noticed: r.noticed,
    takeaway: r.takeaway,
    goal_id: r.goalId,
    submitted_at: r.submittedAt.toISOString(),
    updated_at: r.updatedAt.toISOString(),
  };
}

export function reflectionFromRow(row: ObservationReflectionRow): ObservationReflection {
  return {
    observationId: row.observation_id,
    person: { id: row.person_id, name: row.person_name },
    noticed: row.noticed,
    takeaway: row.takeaway,
    goalId: row.goal_id,
    submittedAt: new Date(row.submitted_at),
    updatedAt: new Date(row.updated_at),
  };
}
