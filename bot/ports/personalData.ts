import { PersonTraces } from '../domain/erasure';

/** A member of a school as SLT pick them for erasure. */
export interface SchoolPerson {
  id: string;
  name: string;
  email: string | null;
  /** When they left every team of the school; null while they are still in one. */
  leftAt: Date | null;
}

export interface ErasureRequest {
  schoolId: string;
  personId: string;
  /** Random, made for this erasure: replaces the person's id in rows kept as aggregate. */
  pseudonym: string;
  /** Audit entry id. */
  erasureId: string;
  /** An SLT member's id, or `retention` for the scheduled job. */
  erasedById: string;
  reason: 'request' | 'leaver' | 'retention';
  at: Date;
  /** Counts from the other store (goals deleted in SharePoint), for the audit entry. */
  alreadyErased?: Record<string, { deleted: number; anonymised: number }>;
}

export interface ErasureOutcome {
  /** False when there was nothing left of the person (already erased): no audit entry is written twice. */
  erased: boolean;
  /** Rows deleted and anonymised per table. */
  counts: Record<string, { deleted: number; anonymised: number }>;
  /** Offers whose channel card names or counted the person: their revision was raised, to be redrawn. */
  offersToRedraw: string[];
  /** Reflection rounds whose tracking card listed the person (their revisions were raised, to be redrawn). */
  roundsToRedraw: string[];
  /** People promoted from a waitlist into a place the person held (notices queued). */
  promoted: number;
}

export interface RetentionRequest {
  /** Event records from before this instant are anonymised or deleted. */
  before: Date;
  /** One pseudonym per person anonymised in this run (made by the caller, so ids stay random and unlinkable). */
  pseudonymFor(personId: string): string;
  at: Date;
}

export interface RetentionOutcome {
  counts: Record<string, { deleted: number; anonymised: number }>;
}

export interface ErasureAuditEntry {
  id: string;
  schoolId: string;
  erasedById: string;
  reason: string;
  erasedAt: Date;
  counts: Record<string, { deleted: number; anonymised: number }>;
}

/**
 * Personal data in the app's own database, for erasure and retention. Each write is one transaction: a crash half way
 * leaves the old state or the erased one, never a mix.
 */
export interface PersonalDataStore {
  /** A person known in the school (a member, current or left), or undefined. */
  findMember(schoolId: string, personId: string): Promise<SchoolPerson | undefined>;
  /** Members of the school whose name, email or id matches `text` (case-insensitive), at most `limit`. */
  searchMembers(schoolId: string, text: string, limit: number): Promise<SchoolPerson[]>;
  /** What erasing the person would remove or keep without them. */
  tracesOf(personId: string, now: Date): Promise<PersonTraces>;
  erase(request: ErasureRequest): Promise<ErasureOutcome>;
  /** Anonymises or deletes every record older than the cutoff, by the same rules as erasure. */
  applyRetention(request: RetentionRequest): Promise<RetentionOutcome>;

  recordTeam(schoolId: string, teamId: string): Promise<void>;
  teamsOf(schoolId: string): Promise<string[]>;
  markLeft(schoolId: string, personId: string, at: Date): Promise<boolean>;
  /** They are back in a team of the school: no longer a leaver. */
  clearLeft(schoolId: string, personId: string): Promise<void>;
  leaversOf(schoolId: string): Promise<SchoolPerson[]>;
  /** Leavers of any school who left before the cutoff. */
  leaversBefore(cutoff: Date): Promise<Array<{ schoolId: string; personId: string }>>;
  auditOf(schoolId: string): Promise<ErasureAuditEntry[]>;
}

/** Where goals live outside the database (a SharePoint list): deleted first, by owner, retried until done. */
export interface ExternalGoalEraser {
  /** Deletes every goal of the owner; a goal already gone counts as deleted. Returns how many went. */
  deleteGoalsOf(ownerId: string): Promise<number>;
}
