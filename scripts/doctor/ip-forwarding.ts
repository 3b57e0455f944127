import type { RemoteAuthConfig } from "./auth-config";
import { fail, note, pass, type CheckLine } from "./lines";
import type { DoctorOptions } from "./options";

const ENABLE =
  "Authentication → Rate Limits → IP Address Forwarding in the dashboard, or PATCH " +
  '/v1/projects/<ref>/config/auth {"security_sb_forwarded_for_enabled": true} on the Management API';

/**
 * The app calls the auth server from its own address, so per-address limits would count every
 * user as one unless the auth server trusts Sb-Forwarded-For, which it does only when the
 * project enables IP forwarding and only on requests made with an sb_secret_ key.
 */
export function checkIpForwarding(options: DoctorOptions, remote?: RemoteAuthConfig): CheckLine[] {
  const lines: CheckLine[] = [
    options.secretKey.startsWith("sb_secret_")
      ? pass("the secret key is an sb_secret_ key, which may carry Sb-Forwarded-For")
      : fail(
          "the secret key is a legacy service_role key: the auth server ignores Sb-Forwarded-For on it",
          "use the project's sb_secret_ key (Settings → API Keys) as SUPABASE_SECRET_KEY and here",
        ),
  ];
  if (remote?.ok) {
    lines.push(
      remote.remote.security_sb_forwarded_for_enabled === true
        ? pass("IP forwarding is on: the auth server counts each user's own address")
        : fail("IP forwarding is off: every user shares the app server's sign-in and code limits", ENABLE),
    );
  } else {
    lines.push(note(`IP forwarding (not checked without --access-token): turn it on with ${ENABLE}`));
  }
  return lines;
}
