import { z } from 'zod';
import { erasePerson, previewErasure } from '../../../app/privacy/erasePerson';
import { schoolForPerson } from '../../../app/schools';
import { erasurePreviewCardData, renderErasurePreviewCard } from '../cards/erasurePreviewCard';
import { messageCard } from '../cards/messageCard';
import { ActionContext, VerbHandler } from './types';

const personAction = z.object({ personId: z.string().trim().min(1).max(200) });

/** Erasure cards are answered in the 1:1 chat; the school is the SLT member's own. */
async function schoolOf(ctx: ActionContext): Promise<string> {
  return ctx.schoolId ?? (await schoolForPerson(ctx.app, ctx.person.id)).id;
}

export const privacyVerbs: Record<string, VerbHandler> = {
  'privacy.erase.preview.v1': async (ctx, data) => {
    const { personId } = personAction.parse(data);
    const preview = await previewErasure(ctx.app, { schoolId: await schoolOf(ctx), byId: ctx.person.id, personId });
    return renderErasurePreviewCard(erasurePreviewCardData(preview));
  },
  'privacy.erase.confirm.v1': async (ctx, data) => {
    const { personId } = personAction.parse(data);
    const outcome = await erasePerson(ctx.app, { schoolId: await schoolOf(ctx), byId: ctx.person.id, personId });
    ctx.logger.info({ event: 'person_erased', byId: ctx.person.id, tables: Object.keys(outcome.counts).length });
    const facts = Object.entries(outcome.counts).map(([table, c]) => ({ title: table, value: `${c.deleted} deleted, ${c.anonymised} kept without them` }));
    const promoted = outcome.promoted > 0 ? ` ${outcome.promoted} ${outcome.promoted === 1 ? 'person' : 'people'} moved up from a waitlist into their places and will be told.` : '';
    return messageCard(
      `${outcome.person.name} has been erased`,
      `Their personal data is gone from every table; the school's numbers are unchanged. Cards that showed them are being redrawn.${promoted}`,
      'Good',
      facts,
    );
  },
};
