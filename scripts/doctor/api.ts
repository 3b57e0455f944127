import { fetchWithin, keyHeaders, unreachable } from "./http";
import { fail, pass, type CheckLine } from "./lines";
import type { DoctorOptions } from "./options";

/** The auth server answers through the API gateway, and the gateway takes the key. */
async function authHealth(options: DoctorOptions): Promise<CheckLine> {
  const target = `${options.url}/auth/v1/health`;
  let response: Response;
  try {
    response = await fetchWithin(target, { headers: keyHeaders(options.secretKey) });
  } catch (error) {
    return fail(
      `the API does not answer at ${options.url} (${unreachable(error)})`,
      "pass the project URL as --url: https://<project-ref>.supabase.co (Settings → API)",
    );
  }
  if (response.status === 401 || response.status === 403)
    return fail(
      `the API refuses the key (${response.status} on /auth/v1/health)`,
      "pass the project's secret key as --secret-key (Settings → API Keys: sb_secret_…)",
    );
  if (!response.ok)
    return fail(
      `the auth server answers ${response.status} on /auth/v1/health`,
      "check the project's status in the dashboard",
    );
  const body = (await response.json().catch(() => ({}))) as { version?: string; name?: string };
  return pass(`the API answers at ${options.url} (auth server ${body.name ?? "GoTrue"} ${body.version ?? ""})`.trim());
}

/** PostgREST serves the migrated schema, and an organization exists to sign in to. */
async function organizations(options: DoctorOptions): Promise<CheckLine> {
  let response: Response;
  try {
    response = await fetchWithin(`${options.url}/rest/v1/organizations?select=id&limit=1`, {
      headers: { ...keyHeaders(options.secretKey), prefer: "count=exact" },
    });
  } catch (error) {
    return fail(`the REST API does not answer (${unreachable(error)})`, "check the project's status in the dashboard");
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { message?: string };
    return fail(
      `the REST API has no organizations table (${response.status}: ${body.message ?? "no message"})`,
      "apply the migrations: npx supabase db push --remote",
    );
  }
  const total = Number(response.headers.get("content-range")?.split("/")[1] ?? NaN);
  if (total === 0)
    return fail(
      "the REST API serves the schema, but there is no organization yet",
      'npm run org:create -- --name "<name>" --admin-email <their email>',
    );
  return pass(`the REST API serves the schema: ${Number.isNaN(total) ? "some" : total} organization(s)`);
}

export async function checkApi(options: DoctorOptions): Promise<CheckLine[]> {
  const health = await authHealth(options);
  if (health.status === "fail") return [health];
  return [health, await organizations(options)];
}
