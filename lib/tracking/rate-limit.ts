/**
 * A token bucket per key (visitor id, else client address) for the event beacon: `capacity` batches at
 * once, refilled at `refillPerSecond`. In-process on purpose: a beacon flood is cheap to absorb per
 * instance, and a shared store would cost a round trip per page view. With several app instances the
 * effective limit is per instance. Memory is bounded: past `maxKeys` the oldest keys are dropped.
 */
export type RateLimiter = {
  /** True when the request may proceed (and a token is spent). */
  take(key: string, nowMs: number): boolean;
  /** Seconds until the key has a token again. */
  retryAfter(key: string, nowMs: number): number;
};

export function createRateLimiter(options: { capacity: number; refillPerSecond: number; maxKeys?: number }): RateLimiter {
  const { capacity, refillPerSecond, maxKeys = 50_000 } = options;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refill = (key: string, now: number) => {
    const b = buckets.get(key);
    if (!b) return { tokens: capacity, at: now };
    return { tokens: Math.min(capacity, b.tokens + ((now - b.at) / 1000) * refillPerSecond), at: now };
  };
  return {
    take(key, now) {
      const b = refill(key, now);
      const ok = b.tokens >= 1;
      if (ok) b.tokens -= 1;
      // Re-insert so Map order is least-recently-used first.
      buckets.delete(key);
      buckets.set(key, b);
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value as string);
      return ok;
    },
    retryAfter(key, now) {
      const b = refill(key, now);
      return b.tokens >= 1 ? 0 : Math.ceil((1 - b.tokens) / refillPerSecond);
    },
  };
}
