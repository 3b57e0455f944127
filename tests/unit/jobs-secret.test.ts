import { describe, expect, it } from "vitest";
import { isJobsRequest } from "../../lib/jobs/jobs-secret";

const secret = "a-jobs-secret-of-at-least-thirty-two-characters";

describe("the runner's bearer secret", () => {
  it("accepts JOBS_SECRET, and CRON_SECRET as Vercel Cron sends it", () => {
    expect(isJobsRequest(`Bearer ${secret}`, { JOBS_SECRET: secret })).toBe(true);
    expect(isJobsRequest(`Bearer ${secret}`, { CRON_SECRET: secret })).toBe(true);
  });

  it("refuses a missing, wrong or unconfigured secret", () => {
    expect(isJobsRequest(null, { JOBS_SECRET: secret })).toBe(false);
    expect(isJobsRequest(`Bearer ${secret}x`, { JOBS_SECRET: secret })).toBe(false);
    expect(isJobsRequest(`Basic ${secret}`, { JOBS_SECRET: secret })).toBe(false);
    expect(isJobsRequest("Bearer ", {})).toBe(false);
    expect(isJobsRequest("Bearer short", { JOBS_SECRET: "short" })).toBe(false);
  });
});
