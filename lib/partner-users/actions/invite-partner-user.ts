"use server";

import { revalidatePath } from "next/cache";
import { fail, ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { authCallbackUrl } from "@/lib/auth/callback-url";
import { EMAIL_UNAVAILABLE } from "@/lib/auth/email-send-outcome";
import type { Json } from "@/lib/database.types";
import { sendMail } from "@/lib/email/send-mail";
import { LEADS } from "@/lib/orgs/roles";
import { accessGrantedEmail } from "@/lib/partner-users/access-granted-email";
import { inviteOrFindAuthUser } from "@/lib/partner-users/auth-users";
import { describeDbError } from "@/lib/partner-users/errors";
import { windowInstants } from "@/lib/partner-users/grants";
import { invitePartnerUserSchema } from "@/lib/partner-users/schemas";
import { siteOrigin } from "@/lib/partner-users/site-origin";

/**
 * Invites a partner user with one or more grants, in this order, so that a failure can
 * leave at most an auth user without rows:
 *   1. the auth user: a new one is invited by GoTrue (which emails the invitation); an
 *      existing one is found without any email or token;
 *   2. the partner_users row and every grant, in one transaction, as the signed-in staff
 *      member (RLS: leads; the audit names them);
 *   3. for an existing account, an email the app sends itself, saying what they can now
 *      see and where to sign in. It carries no token, so nothing they have pending is spent.
 * The answer is the same for a new and an existing account.
 */
export const invitePartnerUser = staffAction(
  { schema: invitePartnerUserSchema, roles: LEADS },
  async (input, { supabase, orgId, staff }) => {
    const partnerIds = [...new Set(input.grants.map((grant) => grant.partnerId))];
    if (partnerIds.length !== input.grants.length)
      return fail("Each partner can be granted once.", { grants: "Each partner can be granted once" });
    const { data: partners, error: partnersError } = await supabase
      .from("partners")
      .select("id, name")
      .eq("org_id", orgId)
      .in("id", partnerIds);
    if (partnersError) throw partnersError;
    if (partners.length !== partnerIds.length) return fail("One of the partners is not in your organization.");

    const origin = await siteOrigin();
    const account = await inviteOrFindAuthUser(input.email, { display_name: input.name }, authCallbackUrl(origin));
    if (!account.ok) return fail(EMAIL_UNAVAILABLE);

    const grants = input.grants.map((grant) => ({
      partner_id: grant.partnerId,
      scope: grant.scope,
      ...windowInstants(grant, staff.org.time_zone),
    }));
    const { error } = await supabase.rpc("add_partner_user_with_grants", {
      p_user_id: account.userId,
      p_org_id: orgId,
      p_email: input.email,
      p_name: input.name,
      p_grants: grants as unknown as Json,
    });
    if (error) return fail(describeDbError(error, "Could not add this partner user."));
    revalidatePath("/admin/partner-users");

    if (account.existed) {
      const names = new Map(partners.map((partner) => [partner.id, partner.name]));
      const sent = await sendMail(
        accessGrantedEmail({
          to: input.email,
          name: input.name,
          partnerNames: partnerIds.map((id) => names.get(id) ?? "a partner"),
          signInUrl: new URL("/portal/login", origin).toString(),
        }),
      );
      if (!sent.ok) {
        console.error("could not email a partner user their new access", {
          code: sent.code,
          responseCode: sent.responseCode,
          ...(sent.code === "ECONFIG" ? { message: sent.message } : {}),
        });
        // The access is saved; asking again sends the email (the rows are written idempotently).
        return fail(EMAIL_UNAVAILABLE);
      }
    }
    return ok({ partnerUserId: account.userId });
  },
);
