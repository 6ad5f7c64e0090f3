import { FeedbackTiming } from '../../domain/feedback';
import { ClplActivityStore } from '../../ports/clplActivityStore';
import { Clock } from '../../ports/clock';
import { EvidenceStore } from '../../ports/evidenceStore';
import { GoalStore } from '../../ports/goalStore';
import { OfferStore } from '../../ports/offerStore';
import { PeerObservationStore } from '../../ports/peerObservationStore';
import { WorkPatternStore } from '../../ports/workPatterns';

/** What the goal and CLPL-record use cases need; smaller than AppDependencies so the tab API can be tested alone. */
export interface GoalDependencies {
  goals: GoalStore;
  activities: ClplActivityStore;
  offers: Pick<OfferStore, 'upcomingSignUpsOf'>;
  /** Attended sessions and the person's feedback on them, as recorded by the bot. */
  evidence: Pick<EvidenceStore, 'attendedSessionsOf' | 'findFeedback' | 'followUpsOf'>;
  /** CLPL hours a year in the contract (CLPL_YEARLY_HOURS). */
  yearlyTargetHours: number;
  /** Part-time staff's share of full time: their target is pro rata. */
  workPatterns: WorkPatternStore;
  /** Peer observations the person reflected on count toward their hours; none when absent (a tab tested alone). */
  peerObservations?: Pick<PeerObservationStore, 'observationsOf' | 'reflectionsBy'>;
  feedback: FeedbackTiming;
  clock: Clock;
  newId(): string;
  standardAreas: readonly string[];
  /** The school's time zone: "today" and note dates are calendar dates there. */
  timeZone: string;
}

export function todayIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
