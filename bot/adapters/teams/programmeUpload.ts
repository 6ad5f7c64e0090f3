import { Logger } from 'pino';
import { AppDependencies } from '../../app/dependencies';
import { mayImportProgramme, previewProgramme } from '../../app/programme/importProgramme';
import { DomainError } from '../../domain/errors';
import { Person } from '../../domain/person';
import { programmeLimits } from '../../domain/programme';
import { cardForError } from './cardActions';
import { messageCard } from './cards/messageCard';
import { programmePreviewCardData, programmeProblemsCard, renderProgrammePreviewCard } from './cards/programmeCards';
import { AdaptiveCardJson } from './cards/render';
import { downloadFile, FileTooLarge, ReceivedFile } from './fileDownload';

/** The person is waiting for the answer in chat, and a programme is small: a slow download is a failed one. */
export const programmeDownloadTimeoutMs = 10_000;

export interface ProgrammeUploadContext {
  app: AppDependencies;
  logger: Logger;
  person: Person;
  timeZone: string;
  schoolId(): Promise<string>;
}

/** A CSV sent in the 1:1 chat: the preview to confirm, or every problem in it; never a stack trace. */
export async function programmeUploadCard(ctx: ProgrammeUploadContext, files: readonly ReceivedFile[]): Promise<AdaptiveCardJson> {
  const csv = files.filter((f) => f.fileType === 'csv');
  if (files.length !== 1 || csv.length !== 1) {
    return messageCard('Send one CSV file', 'To import a programme of offers, send one .csv file (save the spreadsheet as "CSV UTF-8"). The README lists its columns.', 'Warning');
  }
  const file = csv[0]!;
  try {
    const schoolId = await ctx.schoolId();
    // Refused before the download: a colleague's file is not fetched at all.
    if (!(await mayImportProgramme(ctx.app, schoolId, ctx.person.id))) {
      throw new DomainError('programme_not_slt', 'Only senior leaders or CLPL leads of a group of schools can import a programme.');
    }
    let bytes: Buffer;
    try {
      bytes = await downloadFile(file.downloadUrl, { maxBytes: programmeLimits.maxBytes, timeoutMs: programmeDownloadTimeoutMs });
    } catch (error) {
      if (error instanceof FileTooLarge) {
        return programmeProblemsCard(file.name, [{ line: null, column: null, message: `The file is larger than ${programmeLimits.maxBytes / 1024} KB. Split the year into terms.` }]);
      }
      ctx.logger.warn({ event: 'programme_download_failed', err: (error as Error).message });
      throw new DomainError('programme_file_unreadable', 'The file could not be fetched.');
    }
    const preview = await previewProgramme(ctx.app, { schoolId, importer: ctx.person, fileName: file.name, file: bytes, timeZone: ctx.timeZone });
    if (!preview.ok) return programmeProblemsCard(file.name, preview.problems);
    const channelName = (await ctx.app.stores.schools.findSchool(schoolId))?.clplChannel?.name ?? 'the CLPL channel';
    ctx.logger.info({ event: 'programme_previewed', importId: preview.programme.id, offers: preview.programme.items.length });
    const groupNames = new Map((await ctx.app.stores.groups.groupsLedBy(ctx.person.id)).map((g) => [g.id, g.name]));
    return renderProgrammePreviewCard(programmePreviewCardData(preview.programme, channelName, ctx.app.clock.now(), groupNames));
  } catch (error) {
    return cardForError(ctx.logger, 'programme.upload', error);
  }
}
