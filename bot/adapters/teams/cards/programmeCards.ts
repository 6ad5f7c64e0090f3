import { DomainErrorCode } from '../../../domain/errors';
import { ProgrammeImport, ProgrammeProblem, problemText, publishTimeOf } from '../../../domain/programme';
import { ProgrammeNotice } from '../../../ports/programmeImports';
import { errorText } from '../errorText';
import { programmeVerbs } from '../verbs/programmeSchema';
import { instantText, sessionTime } from './format';
import { messageCard } from './messageCard';
import template from './programmePreviewCard.json';
import { AdaptiveCardJson, renderTemplate } from './render';

/** Enough to check a term by eye and keep the card well under Teams' message size; the rest are counted. */
export const previewOffersShown = 60;
/** As many problems as a card holds comfortably; a file with more has a systematic fault the first ones show. */
export const problemsShown = 100;

type ActionData = Record<string, string | number>;

export interface ProgrammePreviewCardData {
  heading: string;
  intro: string;
  offers: Array<{ title: string; facts: Array<{ title: string; value: string }> }>;
  more: string;
  scheduleTitle: string;
  scheduleVerb: string;
  cancelVerb: string;
  actionData: ActionData;
  scheduleFallbackData: ActionData;
  cancelFallbackData: ActionData;
}

/** `groupNames`: the names of the groups the file's offers are for, by id (an id not in it is shown as is). */
export function programmePreviewCardData(programme: ProgrammeImport, channelName: string, now: Date, groupNames: ReadonlyMap<string, string> = new Map()): ProgrammePreviewCardData {
  const n = programme.items.length;
  const actionData = { cardVersion: 1, importId: programme.id };
  const hidden = n - previewOffersShown;
  // Whom each is for is said on every offer once one of them is for a group, so a mixed file reads without guessing.
  const anyGroup = programme.items.some((item) => item.groupId !== undefined);
  const where = anyGroup ? `${channelName}, or for a group to the CLPL channel of each of its schools,` : channelName;
  return {
    heading: `Programme: ${n} ${n === 1 ? 'offer' : 'offers'} from ${programme.fileName}`,
    intro: `Every line has been checked. Nothing is posted yet: once scheduled, each offer is posted to ${where} on its publish date.`,
    offers: programme.items.slice(0, previewOffersShown).map((item) => {
      const publishAt = publishTimeOf(item, now);
      const { draft } = item;
      const facts = [
        { title: 'When', value: sessionTime(draft) },
        ...(anyGroup ? [{ title: 'For', value: item.groupId === undefined ? 'This school' : (groupNames.get(item.groupId) ?? item.groupId) }] : []),
        { title: 'Places', value: String(draft.capacity) },
        ...(draft.quotaPerSchool === undefined ? [] : [{ title: 'Places per school', value: quotaText(draft.quotaPerSchool, draft.quotaReleasesAt, draft.timeZone) }]),
        { title: 'Posted', value: publishAt.getTime() <= now.getTime() ? 'As soon as scheduled' : instantText(publishAt, draft.timeZone) },
      ];
      return { title: draft.title, facts };
    }),
    more: hidden > 0 ? `…and ${hidden} more ${hidden === 1 ? 'offer' : 'offers'}, scheduled with these.` : '',
    scheduleTitle: `Schedule these ${n} ${n === 1 ? 'offer' : 'offers'}`,
    scheduleVerb: programmeVerbs.schedule,
    cancelVerb: programmeVerbs.cancel,
    actionData,
    scheduleFallbackData: { verb: programmeVerbs.schedule, ...actionData },
    cancelFallbackData: { verb: programmeVerbs.cancel, ...actionData },
  };
}

function quotaText(quota: number, releasesAt: Date | undefined, timeZone: string): string {
  return releasesAt ? `At most ${quota}, unused places back in the pool ${instantText(releasesAt, timeZone)}` : `At most ${quota}`;
}

export function renderProgrammePreviewCard(data: ProgrammePreviewCardData): AdaptiveCardJson {
  return renderTemplate(template, data);
}

/** Every problem by line and column (up to `problemsShown`), and that nothing was saved. */
export function programmeProblemsCard(fileName: string, problems: readonly ProgrammeProblem[]): AdaptiveCardJson {
  const hidden = problems.length - problemsShown;
  const facts = problems.slice(0, problemsShown).map((p) => {
    const text = problemText(p);
    const cut = text.indexOf(': ');
    return p.line === null && p.column === null ? { title: 'File', value: text } : { title: text.slice(0, cut), value: text.slice(cut + 2) };
  });
  const count = `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`;
  const more = hidden > 0 ? ` The first ${problemsShown} are listed.` : '';
  return messageCard(`${fileName} needs another look`, `Nothing was imported. Correct the ${count} below and send the file again.${more}`, 'Attention', facts);
}

export function programmeDecidedCard(programme: ProgrammeImport, channelName: string, now: Date, already: boolean): AdaptiveCardJson {
  const n = programme.items.length;
  if (programme.status === 'cancelled') {
    return messageCard('Programme cancelled', `Nothing from ${programme.fileName} will be posted.${already ? ' (It had already been cancelled.)' : ''}`, 'Default');
  }
  const times = programme.items.map((item) => publishTimeOf(item, programme.decidedAt ?? now).getTime());
  const zone = programme.items[0]?.draft.timeZone ?? 'UTC';
  return messageCard(
    already ? 'Already scheduled' : 'Programme scheduled',
    `${n} ${n === 1 ? 'offer' : 'offers'} from ${programme.fileName} will be posted to ${channelName} on ${n === 1 ? 'its' : 'their'} publish date. If one cannot be posted then, I will tell you here.`,
    'Good',
    [
      { title: 'First posted', value: instantText(new Date(Math.min(...times)), zone) },
      { title: 'Last posted', value: instantText(new Date(Math.max(...times)), zone) },
    ],
  );
}

/** The importer's 1:1 message when an offer could not be posted on its publish date. */
export function programmeNoticeCard(notice: ProgrammeNotice): AdaptiveCardJson {
  const reason = errorText[notice.code as DomainErrorCode] ?? { title: 'Not posted', text: '' };
  return messageCard(`"${notice.offerTitle}" was not posted`, `This offer, line ${notice.line} of ${notice.fileName}, could not be posted on its publish date: ${reason.title}. ${reason.text}`, 'Warning', [
    ...notice.details.map((detail) => ({ title: 'Detail', value: detail })),
    { title: 'What now', value: 'Create it with "new offer", or correct the line and import it again.' },
  ]);
}
