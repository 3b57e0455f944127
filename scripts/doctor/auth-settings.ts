import { z } from "zod";
import { fetchWithin, keyHeaders, unreachable } from "./http";
import { fail, pass, type CheckLine } from "./lines";
import type { DoctorOptions } from "./options";

/** GET /auth/v1/settings: what the auth server tells any client it offers. */
export const settingsSchema = z.object({
  disable_signup: z.boolean(),
  mailer_autoconfirm: z.boolean(),
  external: z.record(z.string(), z.boolean()),
});

const CONFIG_PUSH = "then npx supabase config push";

export function judgeSettings(settings: z.infer<typeof settingsSchema>): CheckLine[] {
  const lines: CheckLine[] = [];
  lines.push(
    settings.disable_signup
      ? pass("sign-up is off: accounts come only from invitations and org:create")
      : fail(
          `sign-up is on: anyone can create an account on the auth server${settings.mailer_autoconfirm ? ", with no confirmed address" : ""}`,
          `set enable_signup = false under [auth] in supabase/config.toml, ${CONFIG_PUSH}`,
        ),
  );
  // Unconfirmed addresses matter only where people can sign themselves up (folded in above).
  if (!settings.mailer_autoconfirm) lines.push(pass("new email addresses must be confirmed (mailer_autoconfirm off)"));
  else if (settings.disable_signup)
    lines.push(pass("mailer_autoconfirm is on, harmless while sign-up is off (invited users confirm by their link)"));
  lines.push(
    settings.external.email
      ? pass("the email provider is on (password, magic link and code sign-in)")
      : fail(
          "the email provider is off: nobody can sign in",
          "turn on Authentication → Sign In / Providers → Email in the dashboard",
        ),
  );
  const others = Object.entries(settings.external)
    .filter(([name, on]) => on && name !== "email")
    .map(([name]) => name)
    .sort();
  lines.push(
    others.length === 0
      ? pass("no other sign-in method is on (anonymous, phone, OAuth)")
      : fail(
          `sign-in methods the app does not use are on: ${others.join(", ")}`,
          `turn them off in Authentication → Sign In / Providers (anonymous users get the authenticated role), ${CONFIG_PUSH}`,
        ),
  );
  return lines;
}

export async function checkAuthSettings(options: DoctorOptions): Promise<CheckLine[]> {
  let response: Response;
  try {
    response = await fetchWithin(`${options.url}/auth/v1/settings`, { headers: keyHeaders(options.secretKey) });
  } catch (error) {
    return [fail(`GET /auth/v1/settings has no answer (${unreachable(error)})`, "check --url")];
  }
  const parsed = settingsSchema.safeParse(await response.json().catch(() => undefined));
  if (!response.ok || !parsed.success)
    return [
      fail(
        `GET /auth/v1/settings answers ${response.status} without the auth settings`,
        "check --url and --secret-key",
      ),
    ];
  return judgeSettings(parsed.data);
}
