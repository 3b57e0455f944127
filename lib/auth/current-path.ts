import "server-only";
import { headers } from "next/headers";
import { PATH_HEADER } from "@/lib/supabase/proxy";

/** The path (with query) of the page being rendered, as proxy.ts recorded it. */
export async function currentPath(fallback = "/admin/partners"): Promise<string> {
  return (await headers()).get(PATH_HEADER) ?? fallback;
}
