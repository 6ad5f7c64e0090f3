import { RetentionPolicy } from '../../domain/erasure';
import { ExternalGoalEraser } from '../../ports/personalData';

/** What erasure and retention need beyond the stores: goals kept outside the database, and the retention periods. */
export interface PrivacyServices {
  /** Goals in a SharePoint list (GOALS_STORE=graph); null when they are in the database and erased with it. */
  externalGoals: ExternalGoalEraser | null;
  retention: RetentionPolicy;
}

/** The documented defaults (README, "Retention"): 6 years for event records, 90 days for a leaver's working copy. */
export const defaultRetentionPolicy: RetentionPolicy = { recordYears: 6, leaverDays: 90 };
