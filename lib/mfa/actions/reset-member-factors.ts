"use server";

import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/actions/safe-action";
import { fail, ok } from "@/lib/actions/result";
import { sendMail } from "@/lib/email/send-mail";
import { siteOrigin } from "@/lib/partner-users/site-origin";
import { createAdminClient } from "@/lib/supabase/admin";
import { checkCode } from "../check-code";
import { verifiedFactors } from "../factors";
import { mfaResetEmail } from "../reset-email";
import { resetMemberSchema } from "../schemas";

const REFUSALS: Record<string, string> = {
  forbidden: "Only an admin of this organization can reset two-factor sign-in.",
  self: "Manage your own authenticators above, in your security settings.",
  not_member: "This person is no longer a member of the organization.",
  other_org:
    "This person is also staff of another organization, so their authenticators are not this organization's to reset. They can set up a new one themselves.",
};

/**
 * An admin removes a member's authenticators (a lost device), after confirming a code of
 * their own. The database decides whether they may (the member belongs to no other org) and
 * records it; the factors are deleted through the Auth admin API, and the member is told.
 */
export const resetMemberFactors = staffAction(
  { schema: resetMemberSchema, roles: ["admin"] },
  async (input, { supabase, staff, orgId }) => {
    if ((await verifiedFactors(supabase)).length === 0)
      return fail("Set up an authenticator for yourself first: a reset needs a code of yours.");
    const refused = await checkCode(supabase, staff.email, input.code);
    if (refused) return refused;

    const { data, error } = await supabase.rpc("record_mfa_reset", { p_org_id: orgId, p_user_id: input.userId });
    if (error) throw error;
    const decision = data?.[0];
    if (!decision || decision.outcome !== "ok") return fail(REFUSALS[decision?.outcome ?? "forbidden"]!);

    const admin = createAdminClient();
    const listed = await admin.auth.admin.mfa.listFactors({ userId: input.userId });
    if (listed.error) throw listed.error;
    for (const factor of listed.data.factors) {
      const deleted = await admin.auth.admin.mfa.deleteFactor({ userId: input.userId, id: factor.id });
      if (deleted.error) throw deleted.error;
    }
    revalidatePath("/admin/settings/members");

    if (decision.email) {
      const sent = await sendMail(
        mfaResetEmail({
          to: decision.email,
          orgName: staff.org.name,
          adminEmail: staff.email,
          securityUrl: new URL("/admin/settings/security", await siteOrigin()).toString(),
        }),
      );
      if (!sent.ok) {
        console.error("could not email a member about their two-factor reset", {
          code: sent.code,
          responseCode: sent.responseCode,
        });
        return ok({ removed: listed.data.factors.length, emailed: false });
      }
    }
    return ok({ removed: listed.data.factors.length, emailed: true });
  },
);
