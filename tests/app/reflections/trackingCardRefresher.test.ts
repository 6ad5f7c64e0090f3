import pino from 'pino';
import { TrackingCardRefresher } from '../../../bot/app/reflections/trackingCardRefresher';
import { TrackingView } from '../../../bot/domain/reflections';
import { ReachabilityLog } from '../../../bot/ports/reachability';
import { ReflectionStore } from '../../../bot/ports/reflectionStore';
import { StaleTrackingCard, TrackingBoard, TrackingCardLedger } from '../../../bot/ports/trackingBoard';

const round = { id: 'r1', schoolId: 's', managerId: 'mia', managerName: 'Mia', dueDate: '2026-12-05', message: null, createdAt: new Date() };

/** One round's card, as the database ledger keeps it. */
class OneCardLedger implements TrackingCardLedger {
  current = 0;
  shown = 0;
  claimedUntil = 0;
  claims = 0;

  async claimStaleCards(now: Date, _limit: number, leaseMs: number): Promise<StaleTrackingCard[]> {
    if (this.shown >= this.current || this.claimedUntil > now.getTime()) return [];
    this.claims++;
    this.claimedUntil = now.getTime() + leaseMs;
    return [{ roundId: 'r1', conversationId: 'a:mia', activityId: 'act', managerId: 'mia', revision: this.current }];
  }

  async revision(): Promise<number> {
    return this.current;
  }

  async markShown(_roundId: string, revision: number): Promise<void> {
    this.shown = Math.max(this.shown, revision);
    this.claimedUntil = 0;
  }
}

function refresherWith(board: TrackingBoard = { update: async () => undefined }) {
  const reflections = { findRound: async () => round, promptsOfRound: async () => [], reflectionsOfRound: async () => [] } as unknown as ReflectionStore;
  const reachability = { unreachableIn: async () => [] } as unknown as ReachabilityLog;
  const ledger = new OneCardLedger();
  return { ledger, refresher: new TrackingCardRefresher({ reflections, reachability, trackingCards: ledger, board, logger: pino({ level: 'silent' }) }, 20) };
}

function recordingBoard() {
  const updates: (TrackingView | null)[] = [];
  const board: TrackingBoard = { update: async (_card, _manager, load) => void updates.push(await load()) };
  return { updates, board };
}

describe('tracking card refresher', () => {
  it('several answers in a round within the settle time become one update, and the card is then shown as current', async () => {
    const { updates, board } = recordingBoard();
    const { ledger, refresher } = refresherWith(board);
    for (let i = 0; i < 3; i++) {
      ledger.current++;
      refresher.changed();
    }
    await new Promise((r) => setTimeout(r, 60));
    await refresher.idle();
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ round: { id: 'r1' }, people: [] });
    expect(ledger.shown).toBe(3);
  });

  it('nothing stale (or claimed by another instance) means no update', async () => {
    const { updates, board } = recordingBoard();
    const { ledger, refresher } = refresherWith(board);
    refresher.changed();
    await refresher.idle();
    ledger.current = 1;
    ledger.claimedUntil = Date.now() + 60_000;
    refresher.changed();
    await refresher.idle();
    expect(updates).toHaveLength(0);
  });

  it('records the revision read before the view, so an answer arriving during the redraw leaves the card stale', async () => {
    const shownAfterEach: number[] = [];
    const { ledger, refresher } = refresherWith({
      update: async (_card, _manager, load) => {
        await load();
        if (ledger.current === 1) ledger.current++;
      },
    });
    const markShown = ledger.markShown.bind(ledger);
    ledger.markShown = async (roundId, revision) => {
      await markShown(roundId, revision);
      shownAfterEach.push(ledger.shown);
    };
    ledger.current = 1;
    await refresher.refreshNow();
    expect(shownAfterEach).toEqual([1, 2]);
  });

  it('a failed redraw keeps its claim and is not retried in the same run', async () => {
    const { ledger, refresher } = refresherWith({ update: async () => Promise.reject(new Error('throttled')) });
    ledger.current = 1;
    await refresher.refreshNow();
    expect(ledger.claims).toBe(1);
    expect(ledger.shown).toBe(0);
    expect(ledger.claimedUntil).toBeGreaterThan(Date.now());
  });
});
