import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { LineManagementRow, maxLineManagementRows } from '../../../domain/lineManagement';
import { reflectionLimits, ReflectionAnswers } from '../../../domain/reflections';
import { ReflectionFormValues } from '../cards/reflectionFormCard';

/** A card value: a string (or missing, read as empty); far longer than the card allows is a bad shape. */
const text = (max: number) =>
  z
    .unknown()
    .transform((v) => (typeof v === 'string' ? v : ''))
    .pipe(z.string().max(max));

const id = z.string().trim().min(1).max(200);

export const roundActionData = z.object({ roundId: id });
export const promptActionData = z.object({ promptId: id });

export const promptFormData = z.object({
  staffIds: text(50_000),
  dueDate: text(20),
  message: text(reflectionLimits.message * 4),
});

export function staffIdsOf(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const goalRefs = z
  .string()
  .max(20_000)
  .transform((raw, ctx) => {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'goals is not JSON' });
      return z.NEVER;
    }
  })
  .pipe(z.array(z.object({ id: z.string().max(200), title: z.string().max(400) })).max(reflectionLimits.goals));

const reflectionFormData = z
  .object({
    promptId: id,
    submit: z.enum(['true', 'false']),
    goals: goalRefs,
    impactfulLearning: text(reflectionLimits.answer * 2),
    howYouKnow: text(reflectionLimits.answer * 2),
    nextYearFocus: text(reflectionLimits.focus * reflectionLimits.focuses * 4),
    standardAreas: text(1000),
  })
  .passthrough();

/**
 * The reflection card's submission: answers as the domain takes them (its rules decide what is missing or too long),
 * and the values as typed, to show the form again. Goal progress inputs are `goal_<n>`, in the order of `goals`;
 * standard areas are chosen by position in the configured list.
 */
export function parseReflectionForm(
  data: unknown,
  standardAreas: readonly string[],
): { promptId: string; submit: boolean; answers: ReflectionAnswers; values: ReflectionFormValues; goals: { id: string; title: string }[] } {
  const form = reflectionFormData.parse(data ?? {});
  const progressOf = (i: number) => text(reflectionLimits.goalProgress * 2).parse((form as Record<string, unknown>)[`goal_${i}`]);
  const goalProgress = form.goals.map((g, i) => ({ goalId: g.id, goalTitle: g.title, progress: progressOf(i) }));
  const areas = staffIdsOf(form.standardAreas).map((i) => standardAreas[Number(i)] ?? `unknown area ${i}`);
  return {
    promptId: form.promptId,
    submit: form.submit === 'true',
    goals: form.goals,
    answers: {
      impactfulLearning: form.impactfulLearning,
      howYouKnow: form.howYouKnow,
      goalProgress,
      nextYearFocus: form.nextYearFocus.split(/\r?\n/),
      standardAreas: areas,
    },
    values: {
      impactfulLearning: form.impactfulLearning,
      howYouKnow: form.howYouKnow,
      nextYearFocus: form.nextYearFocus,
      standardAreas: form.standardAreas,
      goalProgress: Object.fromEntries(goalProgress.map((g) => [g.goalId, g.progress])),
    },
  };
}

export const lineManagementImportData = z.object({ csv: text(200_000) });
export const lineManagementSetData = z.object({ staff: text(200), manager: text(200) });

/**
 * Reads pasted CSV: two columns (staff, line manager), each an email, a name or an Entra id; an optional header row;
 * blank lines and further columns ignored. Returns rows with their line in the text, or problems by line for anything that is not two
 * values.
 */
export function parseLineManagementCsv(csv: string): { rows: LineManagementRow[] } | { problems: Record<string, string> } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csv, { skip_empty_lines: true, trim: true, relax_column_count: true, relax_quotes: true, info: true }) as unknown as typeof records;
  } catch (error) {
    return { problems: { csv: `could not be read as CSV (${(error as Error).message.split('\n')[0]})` } };
  }
  if (records.length > 0 && /^(staff|staff member|member of staff|staff id|staff email|staff upn|email|upn)$/i.test(records[0]!.record[0] ?? '')) records = records.slice(1);
  if (records.length > maxLineManagementRows) return { problems: { csv: `import at most ${maxLineManagementRows} rows at a time` } };
  const problems: Record<string, string> = {};
  const rows = records.map(({ record: r, info }) => {
    const [staff = '', manager = ''] = r;
    if (staff === '' && manager === '') problems[`line ${info.lines}`] = 'give two values: staff, line manager';
    else if (staff === '') problems[`line ${info.lines}`] = 'missing staff member';
    else if (manager === '') problems[`line ${info.lines}`] = `missing line manager for "${staff}"`;
    return { staff, manager, line: info.lines };
  });
  return Object.keys(problems).length > 0 ? { problems } : { rows };
}
