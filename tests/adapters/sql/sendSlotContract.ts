import { StoreFixture } from './storeContract';

/** The send budget in the database: what keeps every instance inside Teams' per-conversation limits together. */
export function describeSendSlotContract(db: StoreFixture): void {
  describe('the send budget', () => {
    const windows = [{ windowMs: 1000, limit: 2 }];
    const nowMs = 1_800_000_000_000;

    it('grants a conversation its slots, then says how long to wait; sends outside the window no longer count', async () => {
      const stores = await db.open();
      const ledger = stores.sendSlots.forWindows(windows);
      const first = await ledger.reserve('conversation-1', nowMs);
      const second = await ledger.reserve('conversation-1', nowMs + 100);
      const third = await ledger.reserve('conversation-1', nowMs + 200);
      const elsewhere = await ledger.reserve('conversation-2', nowMs + 200);
      const later = await ledger.reserve('conversation-1', nowMs + 1001);

      expect([first.granted, second.granted, third.granted, elsewhere.granted, later.granted]).toEqual([true, true, false, true, true]);
      expect(third).toEqual({ granted: false, waitMs: 800 });
      if (!first.granted || !second.granted) throw new Error('granted above');
      expect(first.slot).not.toBe(second.slot);
    });

    it('two reservations racing for the last slot: exactly one gets it', async () => {
      const stores = await db.open();
      const ledger = stores.sendSlots.forWindows(windows);
      await ledger.reserve('conversation-1', nowMs);
      const raced = await Promise.all([ledger.reserve('conversation-1', nowMs + 10), ledger.reserve('conversation-1', nowMs + 10)]);
      expect(raced.filter((r) => r.granted)).toHaveLength(1);
    });

    it('a paused conversation (Teams answered 429) is refused until the pause ends', async () => {
      const stores = await db.open();
      const ledger = stores.sendSlots.forWindows(windows);
      await ledger.pauseUntil('conversation-1', nowMs + 5000);
      expect(await ledger.reserve('conversation-1', nowMs)).toEqual({ granted: false, waitMs: 5000 });
      expect((await ledger.reserve('conversation-1', nowMs + 5000)).granted).toBe(true);
    });

    it('a finished send counts from when it went out', async () => {
      const stores = await db.open();
      const ledger = stores.sendSlots.forWindows(windows);
      const first = await ledger.reserve('conversation-1', nowMs);
      await ledger.reserve('conversation-1', nowMs);
      if (!first.granted) throw new Error('granted above');
      await ledger.finish(first.slot, nowMs + 500);
      // The other send's slot leaves the window at +1000, the finished one's only at +1500.
      expect(await ledger.reserve('conversation-1', nowMs + 1200)).toEqual({ granted: true, slot: expect.any(Number) });
      expect(await ledger.reserve('conversation-1', nowMs + 1300)).toEqual({ granted: false, waitMs: 200 });
    });
  });
}
