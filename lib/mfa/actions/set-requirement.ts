"use server";

import { staffAction } from "@/lib/actions/safe-action";
import { fail, ok } from "@/lib/actions/result";
import { verifiedFactors } from "../factors";
import { requirementSchema } from "../schemas";

/**
 * An admin chooses who must sign in with a second factor. RLS lets admins alone write it and
 * the organization's audit trigger records the change. An admin without a factor of their
 * own cannot turn it on: the requirement covers admins, so they would lock themselves out.
 */
export const setMfaRequirement = staffAction(
  { schema: requirementSchema, roles: ["admin"] },
  async (input, { supabase, orgId }) => {
    if (input.requirement !== "none" && (await verifiedFactors(supabase)).length === 0) {
      const message = "Set up an authenticator for yourself first, so you are not locked out.";
      return fail(message, { requirement: message });
    }
    const { error, count } = await supabase
      .from("organizations")
      .update({ mfa_required: input.requirement }, { count: "exact" })
      .eq("id", orgId);
    if (error) throw error;
    if (count !== 1) return fail("Only an admin of this organization can change this.");
    return ok({ requirement: input.requirement });
  },
);
