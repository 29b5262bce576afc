/**
 * Token bucket per key (a tab). It stops a page from probing the lists with a flood of look-ups: a person page
 * needs one look-up per navigation, so a burst of `capacity` and `refillPerSecond` after that is generous.
 * Kept in memory: a restarted service worker starts with full buckets, which only loosens the limit briefly.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly capacity = 30,
    private readonly refillPerSecond = 2,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string): boolean {
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.capacity, at: t };
    b.tokens = Math.min(this.capacity, b.tokens + ((t - b.at) / 1000) * this.refillPerSecond);
    b.at = t;
    const ok = b.tokens >= 1;
    if (ok) b.tokens -= 1;
    this.buckets.set(key, b);
    if (this.buckets.size > 1000) this.buckets.delete(this.buckets.keys().next().value as string);
    return ok;
  }
}
