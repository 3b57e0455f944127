import "server-only";
import { headers } from "next/headers";
import { STAFF_HOME } from "@/lib/auth/home-paths";
import { PATH_HEADER } from "@/lib/supabase/proxy";

/** The path (with query) of the page being rendered, as proxy.ts recorded it. */
export async function currentPath(fallback = STAFF_HOME): Promise<string> {
  return (await headers()).get(PATH_HEADER) ?? fallback;
}
