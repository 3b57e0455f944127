import { tooManyRequests } from "./errors";

/**
 * Requests per client IP per sliding window, one bucket per endpoint group, as GoTrue's
 * limiters (GOTRUE_RATE_LIMIT_*). Kept in memory: like GoTrue, limits are per server
 * process, and the local stack runs one.
 */
/** No bucket counts over a longer span than this, so pruning never forgets a live hit. */
const MFA_WINDOW_CEILING_MS = 10 * 60_000;

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly windowMs: number) {}

  /** windowMs overrides the server's window for buckets GoTrue counts over another span (MFA). */
  check(bucket: string, ip: string, limit: number, windowMs = this.windowMs): void {
    const key = `${bucket} ${ip}`;
    const now = Date.now();
    const recent = (this.hits.get(key) ?? []).filter((at) => now - at < windowMs);
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
      if (times.every((at) => now - at >= Math.max(this.windowMs, MFA_WINDOW_CEILING_MS))) this.hits.delete(key);
    }
  }
}
