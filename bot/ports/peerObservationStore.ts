import { ObservationReflection, PeerObservation } from '../domain/peerObservation';
import { NewJob } from './jobs';
import { NewNotice } from './outbox';

/** The writes of one step of a peer observation, atomically; reads inside are fresh and the observation row is locked. */
export interface PeerObservationTransaction {
  /** Reads the observation and holds it until commit, so two answers (accept and cancel) cannot race. */
  lockObservation(observationId: string): Promise<PeerObservation | undefined>;
  insertObservation(observation: PeerObservation): Promise<void>;
  /** Saves status, decision time and revision. */
  updateObservation(observation: PeerObservation): Promise<void>;
  reflectionsFor(observationId: string): Promise<ObservationReflection[]>;
  /** Creates or replaces the person's one reflection on the observation. */
  saveReflection(reflection: ObservationReflection): Promise<void>;
  enqueueNotice(notice: NewNotice, now: Date): Promise<void>;
  scheduleJob(job: NewJob, now: Date): Promise<void>;
  cancelJob(key: string): Promise<void>;
}

export interface PeerObservationStore {
  transaction<T>(work: (tx: PeerObservationTransaction) => Promise<T>): Promise<T>;
  findObservation(observationId: string): Promise<PeerObservation | undefined>;
  reflectionsFor(observationId: string): Promise<ObservationReflection[]>;
  /** Observations the person is one of the two in, that start from `from` (all when absent), soonest first. */
  observationsOf(personId: string, from?: Date): Promise<PeerObservation[]>;
  /** Every reflection the person wrote, oldest first. */
  reflectionsBy(personId: string): Promise<ObservationReflection[]>;
  /** A school's observations starting in [from, to), with their reflections: for counts, never shown as content. */
  observationsOfSchool(schoolId: string, from: Date, to: Date): Promise<{ observations: PeerObservation[]; reflections: ObservationReflection[] }>;
}
