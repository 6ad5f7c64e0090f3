/** What a member of staff's reflection card shows of their year, taken when the prompt is queued. */
export interface ClplYearSummary {
  yearLabel: string;
  sessionsAttended: number;
  hours: number;
  targetHours: number;
  /** How many sessions they gave feedback on. */
  feedbackGiven: number;
  goals: { id: string; title: string; status: string }[];
}

/** A line manager's prompt (or nudge) to reflect before the PRD meeting, sent 1:1 with the reflection form. */
export interface ReflectionPromptNotice {
  kind: 'reflection_prompt';
  promptId: string;
  managerName: string;
  dueDate: string;
  message: string | null;
  /** A re-prompt to someone who has not answered yet. */
  nudge: boolean;
  summary: ClplYearSummary;
  /** The GTCS Professional Standards areas to choose from, as configured when it was queued. */
  standardAreas: string[];
}
