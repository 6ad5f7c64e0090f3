import { RecordFormat, StoredPersonalData } from '../domain/personalRecord';

/**
 * Subject access: one read of everything the app's database holds about a person. Kept apart from the stores each
 * feature uses, so that one adapter knows every table and a test can check that no table is forgotten.
 */
export interface SubjectAccessReader {
  personalDataOf(personId: string): Promise<StoredPersonalData>;
}

/** One download of a person's record, with ids only. */
export interface RecordDownload {
  requesterId: string;
  subjectId: string;
  format: RecordFormat;
  at: Date;
}

/** Who downloaded whose record, and the short-lived links the bot gives out for `my record`. */
export interface RecordDownloadLog {
  recordDownload(download: RecordDownload): Promise<void>;
  /** Keeps a link's secret (as its hash) until it expires; the link opens the person's own record only. */
  saveLink(link: { tokenHash: string; personId: string; createdAt: Date; expiresAt: Date }): Promise<void>;
  /** The person a link is for, while it has not expired; expired links are deleted on the way. */
  personWithLink(tokenHash: string, now: Date): Promise<string | undefined>;
}
