import { DomainErrorCode } from '../domain/errors';
import { ProgrammeImport } from '../domain/programme';
import { NewJob } from './jobs';

/** Imported programmes: kept from the preview until confirmed or cancelled, so a restart in between loses nothing. */
export interface ProgrammeImportStore {
  save(programme: ProgrammeImport): Promise<void>;
  find(importId: string): Promise<ProgrammeImport | undefined>;
  /**
   * Confirms a pending import and queues its publish jobs, in one transaction: true when this call did it; false when
   * it was no longer pending (confirmed already, or cancelled), and then nothing is queued.
   */
  schedule(importId: string, jobs: readonly NewJob[], now: Date): Promise<boolean>;
  /** Drops a pending import; false when it was no longer pending. */
  cancel(importId: string, now: Date): Promise<boolean>;
}

/** Told to the importer 1:1 when an offer of their programme could not be posted on its publish date. */
export interface ProgrammeNotice {
  kind: 'programme_offer_not_posted';
  importId: string;
  fileName: string;
  line: number;
  offerTitle: string;
  /** Why (the domain error's code), with the rule's own words where it named fields. */
  code: DomainErrorCode;
  details: string[];
}
