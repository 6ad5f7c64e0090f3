import { Generated } from 'kysely';

/** Tables of migrations/0014_record_downloads.ts. */
export interface RecordDownloadRow {
  id: Generated<number>;
  requester_id: string;
  subject_id: string;
  format: string;
  downloaded_at: string;
}

export interface RecordDownloadLinkRow {
  token_hash: string;
  person_id: string;
  created_at: string;
  expires_at: string;
}
