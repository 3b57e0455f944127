import "server-only";
import { createServerClient } from "@supabase/ssr";
import type { Database } from "@/lib/database.types";
import { clientAddress } from "@/lib/http/client-address";
import { supabaseSecretKey, supabaseUrl } from "./env";
import { requestCookieConfig } from "./server-cookie-options";

/**
 * For the auth calls an anonymous person makes through the app (password sign-in, asking
 * for a link or reset, entering a code, finishing a link): never for data. Every such call
 * leaves from the app server's address, so the auth server's per-address limits would put
 * everyone in one bucket; with the secret key it may be told the person's own address in
 * Sb-Forwarded-For (hosted Supabase honours it for sb_secret_ keys once IP forwarding is on).
 *
 * It is the same @supabase/ssr client as the user's, on the same cookies, so a session it
 * receives and the PKCE verifier of a link it asks for land in the cookies exactly as before;
 * only the key and the header differ. With no known address the header is left out and the
 * auth server counts the app server's address, as it did before.
 */
export async function createAuthClient() {
  const address = await clientAddress();
  return createServerClient<Database>(supabaseUrl(), supabaseSecretKey(), {
    global: { headers: address ? { "sb-forwarded-for": address } : {} },
    ...(await requestCookieConfig()),
  });
}
