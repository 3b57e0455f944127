import type { NextRequest } from "next/server";
import { landingPath } from "@/lib/auth/landing";
import { linkErrorPath, linkFailureOf } from "@/lib/auth/link-failure";
import { createAuthClient } from "@/lib/supabase/auth-client";
import { createClient } from "@/lib/supabase/server";

/**
 * Where GoTrue's default email links land after /auth/v1/verify. A PKCE link arrives as
 * `?code=`: exchanged here for a session, with the verifier the request left in this
 * browser's cookies. An admin-API invitation arrives with the session in the fragment,
 * which no server sees: the redirect to the page below keeps the fragment (browsers
 * carry it over a redirect whose target has none), and that page hands it to setSession.
 * Every redirect names a relative path, never an absolute URL.
 */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const next = params.get("next");
  const failed = params.get("error_code") ?? params.get("error");
  if (failed) return seeOther(linkErrorPath(linkFailureOf(failed), next));

  const code = params.get("code");
  if (!code) return seeOther(`/auth/callback/session${next ? `?${new URLSearchParams({ next })}` : ""}`);

  // The exchange counts against the person's own address (Sb-Forwarded-For), not the app's.
  const auth = await createAuthClient();
  const flowId = params.get("sb_flow_id");
  const { data, error } = await auth.auth.exchangeCodeForSession(code, flowId ? { flowId } : undefined);
  if (error || !data.user || !data.session) {
    if (error?.code !== "pkce_code_verifier_not_found")
      console.error("could not complete a sign-in link", { status: error?.status, code: error?.code });
    return seeOther(linkErrorPath(linkFailureOf(error?.code), next));
  }
  const supabase = await createClient();
  await supabase.auth.setSession(data.session);
  return seeOther(await landingPath(supabase, data.user.id, next));
}

function seeOther(path: string): Response {
  return new Response(null, { status: 303, headers: { Location: path, "Cache-Control": "no-store" } });
}
