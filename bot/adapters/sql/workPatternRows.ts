/** A person's share of full time (see migrations/0010_work_patterns.ts). */
export interface WorkPatternRow {
  person_id: string;
  fte_percent: number;
  set_by_id: string;
  set_by_name: string;
  set_at: string;
}
