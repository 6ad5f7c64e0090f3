import { offerVerbs } from './offerVerbs';
import { attendanceVerbs } from './attendanceVerbs';
import { feedbackVerbs } from './feedbackVerbs';
import { followUpVerbs } from './followUpVerbs';
import { shareVerbs } from './shareVerbs';
import { reportVerbs } from './reportVerbs';
import { manageOfferVerbs } from './manageOfferVerbs';
import { calendarVerbs } from './calendarVerbs';
import { proposalVerbHandlers } from './proposalVerbHandlers';
import { reflectionVerbs } from './reflectionVerbs';
import { privacyVerbs } from './privacyVerbs';
import { observationVerbHandlers } from './observationVerbs';
import { programmeVerbHandlers } from './programmeVerbs';
import { approvalVerbHandlers } from './approvalVerbs';
import { VerbHandler } from './types';

/** Every card verb the bot answers, by name. A feature adds its own module here. */
export const verbHandlers: Record<string, VerbHandler> = {
  ...offerVerbs,
  ...attendanceVerbs,
  ...feedbackVerbs,
  ...followUpVerbs,
  ...shareVerbs,
  ...reportVerbs,
  ...manageOfferVerbs,
  ...calendarVerbs,
  ...proposalVerbHandlers,
  ...reflectionVerbs,
  ...privacyVerbs,
  ...observationVerbHandlers,
  ...programmeVerbHandlers,
  ...approvalVerbHandlers,
};
