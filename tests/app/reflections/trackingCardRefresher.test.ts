import pino from 'pino';
import { TrackingCardRefresher } from '../../../bot/app/reflections/trackingCardRefresher';
import { TrackingView } from '../../../bot/domain/reflections';
import { ReachabilityLog } from '../../../bot/ports/reachability';
import { ReflectionStore } from '../../../bot/ports/reflectionStore';
import { TrackingBoard } from '../../../bot/ports/trackingBoard';

const round = { id: 'r1', schoolId: 's', managerId: 'mia', managerName: 'Mia', dueDate: '2026-12-05', message: null, createdAt: new Date() };

function refresherWith(card: boolean) {
  const updates: (TrackingView | null)[] = [];
  const reflections = {
    findTrackingCard: async (roundId: string) => (card ? { roundId, conversationId: 'a:mia', activityId: 'act' } : undefined),
    findRound: async () => round,
    promptsOfRound: async () => [],
    reflectionsOfRound: async () => [],
  } as unknown as ReflectionStore;
  const reachability = { unreachableIn: async () => [] } as unknown as ReachabilityLog;
  const board: TrackingBoard = { update: async (_card, _manager, load) => void updates.push(await load()) };
  return { updates, refresher: new TrackingCardRefresher({ reflections, reachability, board, logger: pino({ level: 'silent' }) }, 20) };
}

describe('tracking card refresher', () => {
  it('several answers in a round within the settle time become one update', async () => {
    const { updates, refresher } = refresherWith(true);
    refresher.roundChanged('r1');
    refresher.roundChanged('r1');
    refresher.roundChanged('r1');
    await new Promise((r) => setTimeout(r, 60));
    await refresher.idle();
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ round: { id: 'r1' }, people: [] });
  });

  it('a round whose card position is not known is skipped', async () => {
    const { updates, refresher } = refresherWith(false);
    refresher.roundChanged('r1');
    await refresher.idle();
    expect(updates).toHaveLength(0);
  });
});
