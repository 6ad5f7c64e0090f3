import { cancelProgramme, scheduleProgramme } from '../../../app/programme/importProgramme';
import { programmeDecidedCard } from '../cards/programmeCards';
import { programmeActionData, programmeVerbs } from './programmeSchema';
import { ActionContext, VerbHandler } from './types';

async function channelNameOf(ctx: ActionContext, schoolId: string): Promise<string> {
  return (await ctx.app.stores.schools.findSchool(schoolId))?.clplChannel?.name ?? 'the CLPL channel';
}

/** The preview card's two buttons; each answers with the outcome, which replaces the preview. */
export const programmeVerbHandlers: Record<string, VerbHandler> = {
  [programmeVerbs.schedule]: async (ctx, data) => {
    const { importId } = programmeActionData.parse(data);
    const { programme, scheduledNow } = await scheduleProgramme(ctx.app, { importId, person: ctx.person });
    return programmeDecidedCard(programme, await channelNameOf(ctx, programme.schoolId), ctx.app.clock.now(), !scheduledNow);
  },
  [programmeVerbs.cancel]: async (ctx, data) => {
    const { importId } = programmeActionData.parse(data);
    const { programme, cancelledNow } = await cancelProgramme(ctx.app, { importId, person: ctx.person });
    return programmeDecidedCard(programme, await channelNameOf(ctx, programme.schoolId), ctx.app.clock.now(), !cancelledNow);
  },
};
