/**
 * Runs `work` over `items` with at most `limit` at once, answering results in the items' order. Sends to many
 * conversations (a group offer's 300 channels) need several calls in flight to use the tenant's budget: one at a time,
 * each call's round trip, not Teams' limit, would set the pace. The rate budgets still decide when each call goes.
 */
export async function concurrently<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
