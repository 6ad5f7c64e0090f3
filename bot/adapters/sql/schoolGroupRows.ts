/** Groups of schools (migration 0019). `from_file` is 1 for rows the groups file put there, 0 for a lead's command. */
export interface SchoolGroupTables {
  school_groups: SchoolGroupRow;
  school_group_members: SchoolGroupMemberRow;
  school_group_leads: SchoolGroupLeadRow;
  school_group_file: SchoolGroupFileRow;
}

export interface SchoolGroupRow {
  id: string;
  name: string;
  kind: string;
  updated_at: string;
}

export interface SchoolGroupMemberRow {
  group_id: string;
  member_kind: 'school' | 'group';
  member_id: string;
  from_file: number;
  added_at: string;
}

export interface SchoolGroupLeadRow {
  group_id: string;
  person_id: string;
  from_file: number;
  added_by_id: string | null;
  added_at: string;
}

export interface SchoolGroupFileRow {
  id: string;
  fingerprint: string;
  applied_at: string;
}
