import { directoryLookupsFor, importLineManagement, lineManagementView } from '../../../app/reflections/lineManagementMap';
import { lineManagementImports } from '../../../app/reflections/lineManagementImports';
import { schoolForPerson } from '../../../app/schools';
import { isReflectionError, LineManagementRow, ReflectionError } from '../../../domain/lineManagement';
import { lineManagementCardData, renderLineManagementCard } from '../cards/lineManagementCard';
import { messageCard } from '../cards/messageCard';
import { AdaptiveCardJson } from '../cards/render';
import { lineManagementImportData, parseLineManagementCsv } from './reflectionSchema';
import { ActionContext } from './types';

/**
 * More directory lookups than this and the import runs after the card action is answered: Graph at a few lookups at a
 * time can take longer than the 10–15 s Teams waits for the answer, and the person would see an error and no result.
 */
export const backgroundLookupThreshold = 20;
/** At most one progress redraw this often: the person sees it move, well inside a conversation's send budget. */
export const progressEveryMs = 3000;

type CardMessage = { text: string; color: string };
type CardValues = { csv: string; staff: string; manager: string };
type ImportInput = { schoolId: string; personId: string; rows: readonly LineManagementRow[] };

async function mapCard(ctx: ActionContext, schoolId: string, message: CardMessage, extra: { problems?: Record<string, string>; values?: CardValues } = {}): Promise<AdaptiveCardJson> {
  const view = await lineManagementView(ctx.app, { schoolId, personId: ctx.person.id });
  return renderLineManagementCard(lineManagementCardData(view, { message, ...extra }));
}

const busy: CardMessage = { text: 'An import is already running for your school: wait for its card to show the result, then try again. Nothing was changed.', color: 'Warning' };

/**
 * Imports a pasted CSV. A small one is answered with its result; one needing many directory lookups is answered at once
 * with an "Importing" card, which is then updated in place with progress and finally the result.
 */
export async function importMap(ctx: ActionContext, data: unknown): Promise<AdaptiveCardJson> {
  const { csv } = lineManagementImportData.parse(data ?? {});
  const schoolId = ctx.schoolId ?? (await schoolForPerson(ctx.app, ctx.person.id)).id;
  const values = { csv, staff: '', manager: '' };
  const parsed = parseLineManagementCsv(csv);
  const imports = lineManagementImports(ctx.app);
  try {
    if ('problems' in parsed) throw new ReflectionError('invalid_line_management', 'The line-management CSV needs another look.', parsed.problems);
    const input = { schoolId, personId: ctx.person.id, rows: parsed.rows };
    const lookups = await directoryLookupsFor(ctx.app, input);
    const update = ctx.updateCard;
    if (lookups > backgroundLookupThreshold && update) {
      if (!imports.run(schoolId, () => importInBackground(ctx, update, input, values, lookups))) return await mapCard(ctx, schoolId, busy, { values });
      return await mapCard(ctx, schoolId, importingMessage(`looking up ${lookups} addresses…`), { values });
    }
    const running = imports.run(schoolId, () => importLineManagement(ctx.app, input));
    if (!running) return await mapCard(ctx, schoolId, busy, { values });
    const entries = await running;
    return await mapCard(ctx, schoolId, { text: `Imported ${entries.length} line-management pairs.`, color: 'Good' });
  } catch (error) {
    if (!isReflectionError(error)) throw error;
    return mapCard(ctx, schoolId, { text: `${error.message} Nothing was changed.`, color: 'Attention' }, { problems: error.fieldErrors, values });
  }
}

function importingMessage(progress: string): CardMessage {
  return { text: `Importing: ${progress} Nothing is stored until every line has been checked; this card will show the result.`, color: 'Accent' };
}

/** Runs after the invoke is answered, so it never throws: every outcome, a failure too, ends on the card. */
async function importInBackground(ctx: ActionContext, update: NonNullable<ActionContext['updateCard']>, input: ImportInput, values: CardValues, total: number): Promise<void> {
  const progress = throttledProgress(ctx, update, (done) => mapCard(ctx, input.schoolId, importingMessage(`looked up ${done} of ${total} addresses…`), { values }));
  let result: AdaptiveCardJson;
  try {
    const entries = await importLineManagement(ctx.app, { ...input, onProgress: progress.report });
    const text = `Imported ${entries.length} line-management pairs.`;
    result = await mapCard(ctx, input.schoolId, { text, color: 'Good' }).catch(() => messageCard('Line managers', text, 'Good'));
  } catch (error) {
    result = await failureCard(ctx, input.schoolId, values, error);
  }
  await progress.finished();
  try {
    await update(async () => result);
  } catch (error) {
    ctx.logger.error({ event: 'line_management_import_card_failed', schoolId: input.schoolId, err: error instanceof Error ? error.message : String(error) });
  }
}

async function failureCard(ctx: ActionContext, schoolId: string, values: CardValues, error: unknown): Promise<AdaptiveCardJson> {
  if (isReflectionError(error)) {
    return mapCard(ctx, schoolId, { text: `${error.message} Nothing was changed.`, color: 'Attention' }, { problems: error.fieldErrors, values }).catch(() =>
      messageCard('Not imported', `${error.message} Nothing was changed.`, 'Warning'),
    );
  }
  ctx.logger.error({ event: 'line_management_import_failed', schoolId, err: error instanceof Error ? error.stack : String(error) });
  const text = 'Something went wrong during the import, so nothing was changed. Please try again in a few minutes.';
  return mapCard(ctx, schoolId, { text, color: 'Attention' }, { values }).catch(() => messageCard('Not imported', text, 'Attention'));
}

/** Progress redraws, at most one every `progressEveryMs` and one at a time; a failed redraw is logged and skipped. */
function throttledProgress(ctx: ActionContext, update: NonNullable<ActionContext['updateCard']>, render: (done: number) => Promise<AdaptiveCardJson>) {
  let last = Date.now();
  let inFlight: Promise<void> | null = null;
  return {
    report: (done: number): void => {
      if (inFlight || Date.now() - last < progressEveryMs) return;
      last = Date.now();
      inFlight = update(() => render(done))
        .catch((error: unknown) => ctx.logger.warn({ event: 'line_management_progress_failed', err: error instanceof Error ? error.message : String(error) }))
        .finally(() => (inFlight = null));
    },
    finished: async (): Promise<void> => {
      await inFlight;
    },
  };
}
