import { isJobsRequest } from "@/lib/jobs/jobs-secret";
import { runJobs } from "@/lib/jobs/run-jobs";
import { configuredSiteUrl } from "@/lib/http/request-origin";
import { guardRoute, problem } from "@/lib/http/route-response";

export const dynamic = "force-dynamic";
// A run may take a while on a full outbox; it stops itself well within this.
export const maxDuration = 60;

/**
 * Runs the background work once: `Authorization: Bearer $JOBS_SECRET`. GET as well as POST,
 * because Vercel Cron calls its paths with GET (and CRON_SECRET as the bearer).
 */
async function handle(request: Request): Promise<Response> {
  if (!isJobsRequest(request.headers.get("authorization"))) {
    return problem(401, "This path runs background jobs and needs the jobs secret as a bearer token.", {
      "WWW-Authenticate": "Bearer",
    });
  }
  return guardRoute("jobs run", async () => {
    // Links in emails point at the configured site; locally, at the address the runner was called on.
    const origin = configuredSiteUrl()?.origin ?? new URL(request.url).origin;
    const run = await runJobs({ origin });
    return Response.json({ ok: true, ...run }, { headers: { "Cache-Control": "no-store" } });
  });
}

export const GET = handle;
export const POST = handle;
