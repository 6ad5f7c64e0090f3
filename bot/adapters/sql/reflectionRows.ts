import { z } from 'zod';
import { PromptRound, Reflection, ReflectionAnswers, ReflectionPrompt } from '../../domain/reflections';

/** Tables of migrations/0009_reflections.ts. */
export interface LineManagementRow {
  school_id: string;
  staff_id: string;
  manager_id: string;
}

export interface ReflectionRoundRow {
  id: string;
  school_id: string;
  manager_id: string;
  manager_name: string;
  due_date: string;
  message: string | null;
  created_at: string;
  tracking_conversation_id: string | null;
  tracking_activity_id: string | null;
  /** Added by 0011_tracking_card_claims.ts. */
  tracking_revision: number;
  tracking_shown_revision: number;
  tracking_claimed_until: string | null;
}

export interface ReflectionPromptRow {
  id: string;
  round_id: string;
  school_id: string;
  manager_id: string;
  staff_id: string;
  staff_name: string;
  due_date: string;
  message: string | null;
  delivery: string;
  created_at: string;
  last_prompted_at: string;
}

export interface ReflectionRow {
  prompt_id: string;
  staff_id: string;
  answers: string;
  status: string;
  updated_at: string;
  submitted_at: string | null;
}

export interface ReflectionTables {
  line_management: LineManagementRow;
  reflection_rounds: ReflectionRoundRow;
  reflection_prompts: ReflectionPromptRow;
  reflections: ReflectionRow;
}

export function roundToRow(round: PromptRound): ReflectionRoundRow {
  return {
    id: round.id,
    school_id: round.schoolId,
    manager_id: round.managerId,
    manager_name: round.managerName,
    due_date: round.dueDate,
    message: round.message,
    created_at: round.createdAt.toISOString(),
    tracking_conversation_id: null,
    tracking_activity_id: null,
    tracking_revision: 0,
    tracking_shown_revision: 0,
    tracking_claimed_until: null,
  };
}

export function roundFromRow(row: ReflectionRoundRow): PromptRound {
  return {
    id: row.id,
    schoolId: row.school_id,
    managerId: row.manager_id,
    managerName: row.manager_name,
    dueDate: row.due_date,
    message: row.message,
    createdAt: new Date(row.created_at),
  };
}

export function promptToRow(prompt: ReflectionPrompt): ReflectionPromptRow {
  return {
    id: prompt.id,
    round_id: prompt.roundId,
    school_id: prompt.schoolId,
    manager_id: prompt.managerId,
    staff_id: prompt.staffId,
    staff_name: prompt.staffName,
    due_date: prompt.dueDate,
    message: prompt.message,
    delivery: prompt.delivery,
    created_at: prompt.createdAt.toISOString(),
    last_prompted_at: prompt.lastPromptedAt.toISOString(),
  };
}

export function promptFromRow(row: ReflectionPromptRow): ReflectionPrompt {
  return {
    id: row.id,
    roundId: row.round_id,
    schoolId: row.school_id,
    managerId: row.manager_id,
    staffId: row.staff_id,
    staffName: row.staff_name,
    dueDate: row.due_date,
    message: row.message,
    delivery: row.delivery === 'unreachable' ? 'unreachable' : 'sent',
    createdAt: new Date(row.created_at),
    lastPromptedAt: new Date(row.last_prompted_at),
  };
}

const answersSchema: z.ZodType<ReflectionAnswers> = z.object({
  impactfulLearning: z.string(),
  howYouKnow: z.string(),
  goalProgress: z.array(z.object({ goalId: z.string(), goalTitle: z.string(), progress: z.string() })),
  nextYearFocus: z.array(z.string()),
  standardAreas: z.array(z.string()),
});

export function reflectionToRow(reflection: Reflection): ReflectionRow {
  return {
    prompt_id: reflection.promptId,
    staff_id: reflection.staffId,
    answers: JSON.stringify(reflection.answers),
    status: reflection.status,
    updated_at: reflection.updatedAt.toISOString(),
    submitted_at: reflection.submittedAt?.toISOString() ?? null,
  };
}

export function reflectionFromRow(row: ReflectionRow): Reflection {
  return {
    promptId: row.prompt_id,
    staffId: row.staff_id,
    answers: answersSchema.parse(JSON.parse(row.answers)),
    status: row.status === 'submitted' ? 'submitted' : 'draft',
    updatedAt: new Date(row.updated_at),
    submittedAt: row.submitted_at === null ? null : new Date(row.submitted_at),
  };
}
