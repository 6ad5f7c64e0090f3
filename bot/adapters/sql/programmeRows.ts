import { z } from 'zod';
import { OfferDraft } from '../../domain/offer';
import { ProgrammeImport, ProgrammeStatus } from '../../domain/programme';
import { storedDraft } from './proposalRows';

/** An imported programme (see migrations/0021_programme_imports.ts); its offers stay JSON until each is posted. */
export interface ProgrammeImportRow {
  id: string;
  school_id: string;
  importer_id: string;
  importer_name: string;
  file_name: string;
  items: string;
  status: string;
  created_at: string;
  decided_at: string | null;
}

const storedItems = z.array(
  z.object({
    line: z.number().int(),
    offerId: z.string(),
    publishAt: z.coerce.date().nullable(),
    groupId: z.string().optional(),
    // A group offer's places per school travel in the draft (the proposal's stored draft has no group fields).
    draft: storedDraft.extend({ quotaPerSchool: z.number().int().optional(), quotaReleasesAt: z.coerce.date().optional() }),
  }),
);

export function programmeToRow(programme: ProgrammeImport): ProgrammeImportRow {
  return {
    id: programme.id,
    school_id: programme.schoolId,
    importer_id: programme.importer.id,
    importer_name: programme.importer.name,
    file_name: programme.fileName,
    items: JSON.stringify(programme.items),
    status: programme.status,
    created_at: programme.createdAt.toISOString(),
    decided_at: programme.decidedAt?.toISOString() ?? null,
  };
}

export function programmeFromRow(row: ProgrammeImportRow): ProgrammeImport {
  return {
    id: row.id,
    schoolId: row.school_id,
    importer: { id: row.importer_id, name: row.importer_name },
    fileName: row.file_name,
    items: storedItems.parse(JSON.parse(row.items)).map(({ groupId, ...item }) => ({ ...item, ...(groupId === undefined ? {} : { groupId }), draft: item.draft as OfferDraft })),
    status: row.status as ProgrammeStatus,
    createdAt: new Date(row.created_at),
    decidedAt: row.decided_at === null ? null : new Date(row.decided_at),
  };
}
