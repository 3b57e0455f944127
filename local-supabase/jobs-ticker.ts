/**
 * Calls the app's background-jobs runner every few seconds, as a cron does in production
 * (README, "Background jobs"). Used by `npm run dev` and the end-to-end test run. A call
 * that fails (the app still compiling, a restart) is retried at the next tick; one call at
 * a time, so a slow run is never overlapped by this ticker (other runners may overlap it).
 */
export type JobsTicker = { stop: () => Promise<void> };

export function startJobsTicker(appUrl: string, secret: string, intervalMs = 3_000): JobsTicker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  const tick = async () => {
    try {
      const response = await fetch(`${appUrl}/api/jobs/run`, {
        method: "POST",
        headers: { authorization: `Bearer ${secret}` },
        signal: AbortSignal.timeout(60_000),
      });
      await response.body?.cancel();
    } catch {
      // not up yet, or restarting: the next tick tries again
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      current = tick().finally(schedule);
    }, intervalMs);
  };
  schedule();

  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
