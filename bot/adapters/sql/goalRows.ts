/** Rows of the goal and logged-CLPL tables (migration 0004_goals); listed in the Database interface in schema.ts. */
export interface GoalRow {
  id: string;
  owner_id: string;
  title: string;
  success_criteria: string;
  standard_area: string;
  target_date: string | null;
  status: string;
  /** JSON array of { date, text } */
  progress_notes: string;
  /** JSON array of { kind, ref, label } */
  evidence: string;
  created_at: string;
  updated_at: string;
  revision: number;
}

export interface ClplActivityRow {
  id: string;
  owner_id: string;
  kind: string;
  title: string;
  activity_date: string;
  minutes: number;
  reflection: string;
  goal_id: string | null;
  created_at: string;
}
