import { fail, type ActionResult } from "./result";

/**
 * The database refuses a flood of writes with SQLSTATE 54000 and `retry_after=N` in the hint
 * (private.limit_writes, record_portal_event). That is the person's own pace, not a fault on
 * our side, so it gets its own sentence, wherever a refused write is put into words.
 */
export function rateLimitedMessage(error: unknown): string | null {
  const { code, hint } = (error ?? {}) as { code?: unknown; hint?: unknown };
  if (code !== "54000") return null;
  const seconds = Number(/retry_after=(\d+)/.exec(typeof hint === "string" ? hint : "")?.[1] ?? 0);
  const wait = Math.max(1, Math.ceil(seconds));
  return `You're making changes very fast. Try again in ${wait} second${wait === 1 ? "" : "s"}.`;
}

export function rateLimitedFailure(error: unknown): ActionResult<never> | null {
  const message = rateLimitedMessage(error);
  return message ? fail(message) : null;
}
