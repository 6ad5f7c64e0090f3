/** Tables of migration 0015: leavers, the teams of each school, and the erasure audit (bot/adapters/sql/migrations). */
export interface PrivacyTables {
  school_leavers: SchoolLeaverRow;
  school_teams: SchoolTeamRow;
  erasure_audit: ErasureAuditRow;
}

export interface SchoolLeaverRow {
  school_id: string;
  person_id: string;
  left_at: string;
}

export interface SchoolTeamRow {
  school_id: string;
  team_id: string;
}

export interface ErasureAuditRow {
  id: string;
  school_id: string;
  /** An SLT member's id, or `retention` for the scheduled job. Never the erased person's. */
  erased_by_id: string;
  reason: string;
  erased_at: string;
  /** JSON: rows deleted and rows anonymised per table. */
  counts: string;
}
