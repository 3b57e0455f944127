import { bearerMatches } from "@/lib/http/bearer-secret";

/**
 * Whether a request to the runner carries the jobs secret. JOBS_SECRET is the project's
 * own; CRON_SECRET is the name Vercel Cron sends as `Authorization: Bearer …`, so a
 * deployment there may set either (or both, to the same value).
 */
export function isJobsRequest(
  authorization: string | null,
  env: Record<string, string | undefined> = process.env,
): boolean {
  return bearerMatches(authorization, env.JOBS_SECRET) || bearerMatches(authorization, env.CRON_SECRET);
}
