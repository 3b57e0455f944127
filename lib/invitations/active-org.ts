import "server-only";
import { cookies } from "next/headers";
import { ACTIVE_ORG_COOKIE } from "@/lib/orgs/roles";

/** Opens the org just joined; staff-context still checks the membership on every request. */
export async function openJoinedOrg(orgId: string): Promise<void> {
  (await cookies()).set(ACTIVE_ORG_COOKIE, orgId, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
  });
}
