import { tooManyRequests } from "./errors";

/**
 * Requests per client IP per sliding window, one bucket per endpoint group, as GoTrue's
 * limiters (GOTRUE_RATE_LIMIT_*). Kept in memory: like GoTrue, limits are per server
 * process, and the local stack runs one.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly windowMs: number) {}

  check(bucket: string, ip: string, limit: number): void {
    const key = `${bucket} ${ip}`;
    const now = Date.now();
    const recent = (this.hits.get(key) ?? []).filter((at) => now - at < this.windowMs);
    if (recent.length >= limit) {
      this.hits.set(key, recent);
      throw tooManyRequests("over_request_rate_limit", "Request rate limit reached");
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.prune(now);
  }

  private prune(now: number): void {
    for (const [key, times] of this.hits) {
      if (times.every((at) => now - at >= this.windowMs)) this.hits.delete(key);
    }
  }
}
