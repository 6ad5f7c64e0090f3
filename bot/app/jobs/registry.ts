import { Job } from '../../ports/jobs';
import { AppDependencies } from '../dependencies';
import { sendSessionReminders } from './sessionReminders';
import { sendFeedbackReminders, sendFeedbackRequests } from '../feedback/feedbackRequests';
import { retentionJobHandler } from '../privacy/retention';
import { sendFollowUpReminders, sendFollowUpRequests } from '../followUp/followUpRequests';
import { sendObservationReflectionRequests } from '../peerObservation/reflectOnObservation';
import { publishProgrammeOffer } from '../programme/publishProgrammeOffer';
import { releaseQuota } from '../groupOffers/quotaRelease';
import { postGroupOffer } from '../groupOffers/postGroupOffer';
import { expireApprovalHold, requestPendingApprovals } from '../approval/holdExpiry';

type JobHandlers = { [K in Job['kind']]: (deps: AppDependencies, job: Extract<Job, { kind: K }>) => Promise<void> };

/** What each kind of scheduled job does. A feature that adds a job kind adds its handler here. */
export const jobHandlers: JobHandlers = {
  session_reminders: (deps, job) => sendSessionReminders(deps, job.offerId),
  feedback_requests: (deps, job) => sendFeedbackRequests(deps, job.offerId),
  feedback_reminders: (deps, job) => sendFeedbackReminders(deps, job.offerId),
  privacy_retention: (deps) => retentionJobHandler(deps),
  follow_up_requests: (deps, job) => sendFollowUpRequests(deps, job.offerId),
  follow_up_reminders: (deps, job) => sendFollowUpReminders(deps, job.offerId),
  observation_reflections: (deps, job) => sendObservationReflectionRequests(deps, job.observationId),
  programme_publish: (deps, job) => publishProgrammeOffer(deps, job),
  quota_release: (deps, job) => releaseQuota(deps, job.offerId),
  group_offer_posting: (deps, job) => postGroupOffer(deps, job.offerId),
  approval_expiry: (deps, job) => expireApprovalHold(deps, job),
  approval_requests: (deps, job) => requestPendingApprovals(deps, job.offerId),
};

export function runJob(deps: AppDependencies, job: Job): Promise<void> {
  const handler = jobHandlers[job.kind] as (deps: AppDependencies, job: Job) => Promise<void>;
  return handler(deps, job);
}
