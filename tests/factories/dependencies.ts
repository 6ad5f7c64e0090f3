import { defaultQuietHours } from '../../bot/domain/quietHours';
import { randomUUID } from 'node:crypto';
import { defaultEvidenceSettings } from '../../bot/app/evidenceSettings';
import { defaultApprovalSettings } from '../../bot/app/approval/approvalSettings';
import { AfterCommit, AppDependencies } from '../../bot/app/dependencies';
import { Leadership } from '../../bot/app/leadership';
import { Clock } from '../../bot/ports/clock';
import { OfferBoard, OfferCardView, PostedCard } from '../../bot/ports/offerBoard';
import { Stores } from '../../bot/ports/stores';
import { LearningShare } from '../../bot/domain/learningShare';
import { sltMember, testCatalogue } from './offers';

/** A clock that only moves when told to. */
export class FakeClock implements Clock {
  constructor(private current: Date = new Date()) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(at: Date): void {
    this.current = new Date(at.getTime());
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** Records what would have been posted to or updated in the channel. */
export class FakeOfferBoard implements OfferBoard {
  readonly posted: Array<{ channelId: string; view: OfferCardView; card: PostedCard }> = [];
  readonly updated: Array<{ card: PostedCard; view: OfferCardView }> = [];
  readonly replies: Array<{ card: PostedCard; share: LearningShare }> = [];

  async post(channelId: string, view: OfferCardView): Promise<PostedCard> {
    const card = { offerId: view.offer.id, conversationId: channelId, activityId: `activity-${this.posted.length + 1}` };
    this.posted.push({ channelId, view, card });
    return card;
  }

  async update(card: PostedCard, loadView: () => Promise<OfferCardView | null>): Promise<void> {
    const view = await loadView();
    if (view) this.updated.push({ card, view });
  }

  async replyUnder(card: PostedCard, share: LearningShare): Promise<string> {
    this.replies.push({ card, share });
    return `reply-${this.replies.length}`;
  }
}

/** Records the background work a use case asked for after its commit. */
export class RecordingAfterCommit implements AfterCommit {
  readonly changedOffers: string[] = [];
  noticesQueuedCalls = 0;

  offerChanged(offerId: string): void {
    this.changedOffers.push(offerId);
  }

  noticesQueued(): void {
    this.noticesQueuedCalls += 1;
  }

  jobsDueCalls = 0;

  jobsDue(): void {
    this.jobsDueCalls += 1;
  }
}

/** SLT are exactly the given ids, in every school. */
export function leadershipOf(...sltIds: string[]): Leadership {
  return { isSlt: (_schoolId, personId) => sltIds.includes(personId), sltIdsOf: () => sltIds };
}

export interface TestDependencies extends AppDependencies {
  board: FakeOfferBoard;
  afterCommit: RecordingAfterCommit;
}

/**
 * App dependencies over real (or fake) stores with recording fakes around them. The clock defaults to the system
 * clock so offers from `buildOffer` (relative to the real time) are open for sign-ups; `sltMember` is SLT.
 */
export function buildDependencies(stores: Stores, overrides: Partial<Omit<TestDependencies, 'stores'>> = {}): TestDependencies {
  return {
    stores,
    clock: { now: () => new Date() },
    board: new FakeOfferBoard(),
    leadership: leadershipOf(sltMember.id),
    tagCatalogue: testCatalogue,
    newId: () => `offer-${randomUUID()}`,
    afterCommit: new RecordingAfterCommit(),
    quietHours: defaultQuietHours,
    reminderLeadMs: 24 * 60 * 60 * 1000,
    evidence: defaultEvidenceSettings,
    approval: defaultApprovalSettings,
    publicUrl: () => 'https://clpl.example.test',
    ...overrides,
  };
}
