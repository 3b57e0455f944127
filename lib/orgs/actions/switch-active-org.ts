"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { staffAction } from "@/lib/actions/safe-action";
import { recordId } from "@/lib/validation/record-id";
import { fail, ok } from "@/lib/actions/result";
import { STAFF_ROLES, ACTIVE_ORG_COOKIE } from "@/lib/orgs/roles";

const schema = z.object({ orgId: recordId("Choose an organization") });

/** Makes another of the caller's orgs the active one. Membership is checked, not assumed. */
export const switchActiveOrg = staffAction({ schema, roles: STAFF_ROLES }, async (input, { staff }) => {
  if (!staff.memberships.some((membership) => membership.org.id === input.orgId)) {
    return fail("You are not a member of that organization.");
  }
  (await cookies()).set(ACTIVE_ORG_COOKIE, input.orgId, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
  });
  return ok(null);
});
