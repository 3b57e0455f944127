import "server-only";
import { cache } from "react";
import { createClient } from "@/lib/supabase/server";
import { ServiceUnreachableError, isUnreachable } from "@/lib/supabase/unreachable";

/** `aal`: the token's assurance level (aal2 once an authenticator code was entered). */
export type CurrentUser = { id: string; email: string; aal: "aal1" | "aal2" };

/**
 * Who is signed in, for reading: the access token's claims, verified by getClaims (with
 * the project's JWKS, locally, when it signs with an asymmetric key; through the auth
 * server when it signs with the legacy shared secret). Once per request however many
 * components ask. Writes ask the auth server as well (lib/auth/live-user.ts).
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const supabase = await createClient();
  const { data, error } = await supabase.auth.getClaims();
  // An expired token that cannot be refreshed because the auth server is down is an outage.
  if (isUnreachable(error)) throw new ServiceUnreachableError(error);
  const claims = data?.claims;
  if (!claims?.sub || claims.role !== "authenticated") return null;
  return {
    id: claims.sub,
    email: typeof claims.email === "string" ? claims.email : "",
    aal: claims.aal === "aal2" ? "aal2" : "aal1",
  };
});
