import type { StoreFixture } from './storeContract';

const morag = { id: 'slt-1', name: 'Morag Head' };

/** Part-time staff's share of full time (ports/workPatterns.ts), for every database. */
export function describeWorkPatternContract(db: StoreFixture): void {
  describe('work patterns', () => {
    it('nobody has a work pattern until one is set; setting it again replaces it', async () => {
      const stores = await db.open();
      expect(await stores.workPatterns.workPatternOf('bea')).toBeUndefined();
      await stores.workPatterns.saveWorkPattern({ personId: 'bea', ftePercent: 60, setBy: { id: 'bea', name: 'Bea' }, setAt: new Date('2026-11-01T09:00:00Z') });
      await stores.workPatterns.saveWorkPattern({ personId: 'bea', ftePercent: 80, setBy: morag, setAt: new Date('2026-11-02T09:00:00Z') });
      expect(await stores.workPatterns.workPatternOf('bea')).toEqual({ personId: 'bea', ftePercent: 80, setBy: morag, setAt: new Date('2026-11-02T09:00:00Z') });
      expect(await stores.workPatterns.workPatternOf('ailsa')).toBeUndefined();
    });
  });
}
