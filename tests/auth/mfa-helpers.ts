import type { SupabaseClient } from "@supabase/supabase-js";
import { Secret, TOTP } from "otpauth";

/** The code an authenticator app shows for the secret, `steps` periods away from now. */
export function totpCode(secret: string, steps = 0): string {
  const totp = new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) });
  return totp.generate({ timestamp: Date.now() + steps * 30_000 });
}

/** A code that is not valid now nor one step either side. */
export function wrongCode(secret: string): string {
  const near = new Set([-1, 0, 1].map((steps) => totpCode(secret, steps)));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, "0");
    if (!near.has(candidate)) return candidate;
  }
}

/** Enrols a TOTP factor on the signed-in client and returns its id and secret. */
export async function enrolTotp(client: SupabaseClient, friendlyName = "Phone") {
  const { data, error } = await client.auth.mfa.enroll({ factorType: "totp", friendlyName });
  if (error || !data) throw error ?? new Error("no factor");
  return { id: data.id, secret: data.totp.secret, data };
}

/** Enrols and verifies a factor: the client's session is then aal2. */
export async function verifiedTotp(client: SupabaseClient, friendlyName = "Phone") {
  const factor = await enrolTotp(client, friendlyName);
  const { data, error } = await client.auth.mfa.challengeAndVerify({
    factorId: factor.id,
    code: totpCode(factor.secret),
  });
  if (error || !data) throw error ?? new Error("not verified");
  return { ...factor, session: data };
}
