import { Clock } from '../ports/clock';
import { OfferBoard } from '../ports/offerBoard';
import { Stores } from '../ports/stores';
import { TagCatalogue } from '../domain/tags';
import { Leadership } from './leadership';
import { QuietHours } from '../domain/quietHours';
import { ApprovalSettings } from './approval/approvalSettings';
import { EvidenceSettings } from './evidenceSettings';
import { ReflectionServices } from './reflections/reflectionServices';
import { PrivacyServices } from './privacy/privacyServices';

/** Work that happens after a commit, without the person waiting for it. */
export interface AfterCommit {
  offerChanged(offerId: string): void;
  noticesQueued(): void;
  /** A job was scheduled to run now (e.g. posting a group offer): run due jobs without waiting for the next poll. */
  jobsDue(): void;
}

export interface AppDependencies {
  stores: Stores;
  clock: Clock;
  board: OfferBoard;
  leadership: Leadership;
  tagCatalogue: TagCatalogue;
  newId(): string;
  afterCommit: AfterCommit;
  quietHours: QuietHours;
  /** How long before a session its confirmed attendees are reminded. */
  reminderLeadMs: number;
  evidence: EvidenceSettings;
  /** Where people's browsers and calendar apps reach this server (for calendar links); null when not known. */
  publicUrl(): string | null;
  /** PRD reflection's own collaborators (Graph directory, goal store, tracking cards); defaults when absent. */
  reflections?: ReflectionServices;
  /** Erasure and retention: goals outside the database, retention periods; defaults when absent. */
  privacy?: PrivacyServices;
  /** School approval of places on offers that need it: how long a seat is held, who answers. */
  approval: ApprovalSettings;
}
