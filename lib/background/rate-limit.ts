/**
 * Token buckets, one per key, counting identifiers looked up (not messages: one scan message carries up to 400,
 * and a page that probes the lists does it by the identifier). A request takes from several buckets at once (its
 * tab and its site), so opening more tabs on the same site buys a page no more look-ups. A person page needs a
 * handful of identifiers per navigation and a scan at most 400 once, so a burst of `capacity` (a full scan and
 * then some) and `refillPerSecond` after that is generous for a person and slow for a probe.
 * Kept in memory: a restarted service worker starts with full buckets, which only loosens the limit briefly.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly capacity = 500,
    private readonly refillPerSecond = 2,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes `count` tokens from every bucket in `keys`, or none if any of them has fewer. */
  take(keys: string | readonly string[], count = 1): boolean {
    const t = this.now();
    const list = typeof keys === 'string' ? [keys] : [...new Set(keys)];
    const buckets = list.map((key) => {
      const b = this.buckets.get(key) ?? { tokens: this.capacity, at: t };
      b.tokens = Math.min(this.capacity, b.tokens + ((t - b.at) / 1000) * this.refillPerSecond);
      b.at = t;
      this.buckets.delete(key); // re-inserted below, so the map's order is least recently used first
      this.buckets.set(key, b);
      return b;
    });
    const ok = count <= this.capacity && buckets.every((b) => b.tokens >= count);
    if (ok) for (const b of buckets) b.tokens -= count;
    while (this.buckets.size > 1000) this.buckets.delete(this.buckets.keys().next().value as string);
    return ok;
  }
}
