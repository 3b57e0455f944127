import { createServerClient } from "@supabase/ssr";
import { NextResponse, type NextRequest } from "next/server";
import { isHttpsRequest } from "@/lib/http/request-origin";
import { authCookieOptions, withSessionLife } from "./cookie-options";
import { supabasePublicKey, supabaseUrl } from "./env";

export const PATH_HEADER = "x-pathname";

/**
 * Refreshes the user's session on every request and passes the new cookies on to
 * both the page being rendered and the browser. Not a security boundary: RLS and
 * the action wrapper are.
 */
export async function updateSession(request: NextRequest): Promise<NextResponse> {
  // Layouts cannot see the URL; pass it on so a sign-in redirect can come back to it.
  request.headers.set(PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  let response = NextResponse.next({ request });
  const supabase = createServerClient(supabaseUrl(), supabasePublicKey(), {
    cookieOptions: authCookieOptions(isHttpsRequest(request.headers, request.nextUrl)),
    cookies: {
      getAll() {
        return request.cookies.getAll();
      },
      setAll(cookiesToSet, headers) {
        for (const { name, value } of cookiesToSet) request.cookies.set(name, value);
        response = NextResponse.next({ request });
        for (const { name, value, options } of cookiesToSet)
          response.cookies.set(name, value, withSessionLife(options));
        for (const [key, value] of Object.entries(headers ?? {})) response.headers.set(key, value);
      },
    },
  });
  // getClaims() validates the token and refreshes it when it has expired.
  await supabase.auth.getClaims();
  return response;
}
