/** See migrations/0008_unreachable_people.ts. */
export interface UnreachablePersonRow {
  person_id: string;
  school_id: string;
  reason: string | null;
  install_requested_at: string | null;
  updated_at: string;
}
