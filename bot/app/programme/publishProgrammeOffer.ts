import { DomainError, DomainErrorCode, isDomainError } from '../../domain/errors';
import { ProgrammeImport, ProgrammeItem } from '../../domain/programme';
import { createOffer, postNewOffer } from '../createOffer';
import { AppDependencies } from '../dependencies';

/**
 * The publish job of one offer of a confirmed programme: creates and posts it as an SLT's own offer, or as a group
 * lead's group offer whose posting job then puts a card in each member school's channel (createOffer),
 * under the id fixed at import, so a job run again finds the offer instead of making a second. What stops it being
 * posted (no CLPL channel, the session now in the past, the importer no longer SLT) is told to the importer 1:1.
 */
export async function publishProgrammeOffer(deps: AppDependencies, job: { importId: string; line: number }): Promise<void> {
  const programme = await deps.stores.programmeImports.find(job.importId);
  const item = programme?.items.find((i) => i.line === job.line);
  if (!programme || !item || programme.status !== 'scheduled') return;
  try {
    const existing = await deps.stores.offers.findOffer(item.offerId);
    if (!existing) {
      const groupId = item.groupId === undefined ? {} : { groupId: item.groupId };
      await createOffer(deps, { schoolId: programme.schoolId, author: programme.importer, draft: item.draft, offerId: item.offerId, ...groupId });
      return;
    }
    // A group offer was saved with its posting job (groupOffers/postGroupOffer.ts), which posts any card still missing.
    if (existing.groupId !== undefined) return;
    // A run that saved the offer and stopped before its card was posted: post it now.
    if (await deps.stores.offerCards.findPosted(existing.id)) return;
    const school = await deps.stores.schools.findSchool(programme.schoolId);
    if (!school?.clplChannel) throw new DomainError('clpl_channel_not_set', 'No CLPL channel has been chosen for this school.');
    await postNewOffer(deps, existing, school.clplChannel.id);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    await tellImporter(deps, programme, item, error.code, Object.values(error.fieldErrors));
  }
}

async function tellImporter(deps: AppDependencies, programme: ProgrammeImport, item: ProgrammeItem, code: DomainErrorCode, details: string[]): Promise<void> {
  const now = deps.clock.now();
  await deps.stores.offers.transaction((tx) =>
    tx.enqueueNotice(
      {
        idempotencyKey: `programme_offer_not_posted:${programme.id}:${item.line}`,
        schoolId: programme.schoolId,
        recipientId: programme.importer.id,
        notice: { kind: 'programme_offer_not_posted', importId: programme.id, fileName: programme.fileName, line: item.line, offerTitle: item.draft.title, code, details },
      },
      now,
    ),
  );
  deps.afterCommit.noticesQueued();
}
