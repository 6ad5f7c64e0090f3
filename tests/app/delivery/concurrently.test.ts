import { concurrently } from '../../../bot/app/delivery/concurrently';

describe('running work over many items a few at a time', () => {
  it('never has more than the limit in flight, uses the limit when there is work, and answers in the items’ order', async () => {
    let inFlight = 0;
    let most = 0;
    const items = Array.from({ length: 25 }, (_, i) => i);
    const results = await concurrently(items, 4, async (item) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      // Later items finish sooner, so completion order differs from item order.
      await new Promise((r) => setTimeout(r, 25 - item));
      inFlight -= 1;
      return item * 2;
    });
    expect(most).toBe(4);
    expect(results).toEqual(items.map((i) => i * 2));
  });

  it('handles no items and a limit above the number of items', async () => {
    expect(await concurrently([], 8, async () => 1)).toEqual([]);
    expect(await concurrently(['a', 'b'], 8, async (s, i) => `${s}${i}`)).toEqual(['a0', 'b1']);
  });

  it('rejects with the first error, as Promise.all does', async () => {
    await expect(concurrently([1, 2, 3], 2, async (n) => (n === 2 ? Promise.reject(new Error('boom')) : n))).rejects.toThrow('boom');
  });
});
