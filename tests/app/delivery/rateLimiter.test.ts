import { RateLimiter, RateWindow, teamsConversationWindows, waitBeforeNext } from '../../../bot/app/delivery/rateLimiter';

const perSecond: RateWindow = { windowMs: 1_000, limit: 7 };
const perTwoSeconds: RateWindow = { windowMs: 2_000, limit: 8 };
const perThirtySeconds: RateWindow = { windowMs: 30_000, limit: 60 };
const windows = [perSecond, perTwoSeconds, perThirtySeconds];

const times = <T>(count: number, at: (i: number) => T): T[] => Array.from({ length: count }, (_, i) => at(i));

/** The largest number of operations that fall inside any span of `windowMs` (half-open: (t - windowMs, t]). */
function busiestWindow(history: readonly number[], windowMs: number): number {
  return Math.max(0, ...history.map((end) => history.filter((t) => t > end - windowMs && t <= end).length));
}

describe('waitBeforeNext', () => {
  it('no history, no wait', () => {
    expect(waitBeforeNext([], 0, windows)).toBe(0);
  });

  describe('7 per second', () => {
    it('a 7th operation within the second needs no wait', () => {
      expect(waitBeforeNext(times(6, () => 0), 100, [perSecond])).toBe(0);
    });

    it('an 8th operation waits until the oldest of the last 7 is a second old', () => {
      expect(waitBeforeNext(times(7, () => 0), 400, [perSecond])).toBe(600);
      expect(waitBeforeNext(times(7, (i) => i * 100), 650, [perSecond])).toBe(350);
    });

    it('an operation exactly a second old no longer counts', () => {
      expect(waitBeforeNext(times(7, () => 0), 1_000, [perSecond])).toBe(0);
    });

    it('operations older than the window are ignored, however many', () => {
      expect(waitBeforeNext(times(50, (i) => i), 5_000, [perSecond])).toBe(0);
    });
  });

  describe('8 per 2 seconds', () => {
    it('an 8th operation in two seconds needs no wait', () => {
      expect(waitBeforeNext([0, 0, 0, 0, 0, 0, 1_500], 1_600, [perTwoSeconds])).toBe(0);
    });

    it('a 9th operation waits until the oldest of the last 8 leaves the 2 s window', () => {
      const history = [...times(7, () => 0), 1_000];
      // The 1 s window is clear at 1 500 (only one operation since 500), but the 2 s one holds 8.
      expect(waitBeforeNext(history, 1_500, [perSecond])).toBe(0);
      expect(waitBeforeNext(history, 1_500, [perTwoSeconds])).toBe(500);
      expect(waitBeforeNext(history, 1_500, windows)).toBe(500);
    });

    it('with more than 8 in the window, waits for enough of them to expire', () => {
      const history = [0, 100, 200, 300, 400, 500, 600, 700, 800, 900];
      // 10 in the window: 3 must expire (0, 100, 200) for a 9th... i.e. wait for 200 + 2000.
      expect(waitBeforeNext(history, 1_000, [perTwoSeconds])).toBe(1_200);
    });
  });

  describe('60 per 30 seconds', () => {
    it('a 60th operation in 30 s needs no wait', () => {
      expect(waitBeforeNext(times(59, (i) => i * 400), 24_000, [perThirtySeconds])).toBe(0);
    });

    it('a 61st operation waits until the oldest of the last 60 is 30 s old, even though the short windows are clear', () => {
      const history = times(60, (i) => i * 400); // 0 .. 23 600, 2-3 per second
      expect(waitBeforeNext(history, 24_000, [perSecond, perTwoSeconds])).toBe(0);
      expect(waitBeforeNext(history, 24_000, windows)).toBe(6_000);
    });
  });

  it('the longest wait of all windows wins', () => {
    const history = [...times(55, (i) => i * 10), ...times(5, () => 29_000)];
    // At 29 500: 1 s and 2 s hold 5 each, 30 s holds 60 → the oldest (0) must expire at 30 000.
    expect(waitBeforeNext(history, 29_500, windows)).toBe(500);
    const burst = [...times(53, (i) => i * 10), ...times(7, () => 29_200)];
    // At 29 300: 30 s is full until 30 000 (700), but 1 s is full until 30 200 (900).
    expect(waitBeforeNext(burst, 29_300, [perThirtySeconds])).toBe(700);
    expect(waitBeforeNext(burst, 29_300, [perSecond])).toBe(900);
    expect(waitBeforeNext(burst, 29_300, windows)).toBe(900);
  });

  it("the Teams windows are 7/1 s, 8/2 s, 60/30 s and 1800/h, each counted 20 ms longer than Teams counts it", () => {
    expect(teamsConversationWindows).toEqual([
      { windowMs: 1_020, limit: 7 },
      { windowMs: 2_020, limit: 8 },
      { windowMs: 30_020, limit: 60 },
      { windowMs: 3_600_020, limit: 1_800 },
    ]);
  });
});

/** A clock that only moves when the limiter sleeps. */
function fakeTime() {
  const clock = { now: 0, sleeps: [] as number[] };
  const now = () => clock.now;
  const sleep = async (ms: number) => {
    clock.sleeps.push(ms);
    clock.now += ms;
  };
  return { clock, now, sleep };
}

describe('RateLimiter', () => {
  it('a burst of 20 acquisitions never exceeds any window', async () => {
    const { clock, now, sleep } = fakeTime();
    const limiter = new RateLimiter(windows, now, sleep);
    const granted: number[] = [];

    await Promise.all(times(20, () => limiter.acquire('channel-1').then(() => granted.push(now()))));

    expect(granted).toHaveLength(20);
    expect(busiestWindow(granted, 1_000)).toBeLessThanOrEqual(7);
    expect(busiestWindow(granted, 2_000)).toBeLessThanOrEqual(8);
    expect(busiestWindow(granted, 30_000)).toBeLessThanOrEqual(60);
    // Served in arrival order, and without waiting longer than needed: 7 at once, 1 more after a second, then
    // the 2 s window sets the pace (8 every 2 s).
    expect(granted).toEqual([...granted].sort((a, b) => a - b));
    expect(granted.slice(0, 8)).toEqual([0, 0, 0, 0, 0, 0, 0, 1_000]);
    expect(granted.slice(8, 16)).toEqual([2_000, 2_000, 2_000, 2_000, 2_000, 2_000, 2_000, 3_000]);
    expect(granted.slice(16)).toEqual([4_000, 4_000, 4_000, 4_000]);
    expect(clock.now).toBe(4_000);
  });

  it('a long burst is held to 60 per 30 s', async () => {
    const { now, sleep } = fakeTime();
    const limiter = new RateLimiter(windows, now, sleep);
    const granted: number[] = [];

    await Promise.all(times(130, () => limiter.acquire('channel-1').then(() => granted.push(now()))));

    expect(busiestWindow(granted, 1_000)).toBeLessThanOrEqual(7);
    expect(busiestWindow(granted, 2_000)).toBeLessThanOrEqual(8);
    expect(busiestWindow(granted, 30_000)).toBe(60);
    expect(granted[60]).toBeGreaterThanOrEqual(30_000);
  });

  it('each conversation has its own budget', async () => {
    const { clock, now, sleep } = fakeTime();
    const limiter = new RateLimiter(windows, now, sleep);
    await Promise.all([...times(7, () => limiter.acquire('channel-1')), ...times(7, () => limiter.acquire('chat-2'))]);
    expect(clock.sleeps).toEqual([]);
  });

  it('a slot counts from when its send finished, so a slow send delays the next one that would break the window', async () => {
    const { clock, now, sleep } = fakeTime();
    const limiter = new RateLimiter([{ windowMs: 1_000, limit: 1 }], now, sleep);
    const slot = await limiter.acquire('channel-1');
    clock.now = 300; // the send took 300 ms
    await slot.finish();
    let grantedAt: number | undefined;
    await limiter.acquire('channel-1').then(() => (grantedAt = now()));
    expect(grantedAt).toBe(1_300);
  });

  it('a pause holds the conversation for that long before the next acquisition', async () => {
    const { clock, now, sleep } = fakeTime();
    const limiter = new RateLimiter(windows, now, sleep);
    await limiter.acquire('channel-1');
    limiter.pause('channel-1', 5_000);
    let grantedAt: number | undefined;
    await limiter.acquire('channel-1').then(() => (grantedAt = now()));
    expect(grantedAt).toBe(5_000);
    expect(clock.sleeps).toEqual([5_000]);
  });
});
