import type { NextRequest } from "next/server";
import { isHttpsRequest } from "@/lib/http/request-origin";
import { applySecurityHeaders, contentSecurityPolicy, createNonce, NONCE_HEADER } from "@/lib/http/security-headers";
import { updateSession } from "@/lib/supabase/proxy";

export async function proxy(request: NextRequest) {
  // A fresh nonce per request. Next reads it from the request's CSP while it renders and
  // stamps it on its own scripts, which is why every page renders per request (app/layout.tsx).
  const nonce = createNonce();
  const csp = contentSecurityPolicy({
    nonce,
    supabaseUrl: process.env.NEXT_PUBLIC_SUPABASE_URL,
    development: process.env.NODE_ENV === "development",
  });
  request.headers.set(NONCE_HEADER, nonce);
  request.headers.set("Content-Security-Policy", csp);
  const response = await updateSession(request);
  applySecurityHeaders(response.headers, { csp, https: isHttpsRequest(request.headers, request.nextUrl) });
  return response;
}

export const config = {
  // Everything but static assets: pages, actions and route handlers all get a fresh session
  // and the security headers (next.config.ts gives static assets theirs).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|jpg|jpeg|gif|webp|woff2?)$).*)"],
};
