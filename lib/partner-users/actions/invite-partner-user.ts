"use server";

import { revalidatePath } from "next/cache";
import { fail, ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { EMAIL_UNAVAILABLE } from "@/lib/auth/email-send-outcome";
import type { Json } from "@/lib/database.types";
import { sendMail } from "@/lib/email/send-mail";
import { LEADS } from "@/lib/orgs/roles";
import { accessGrantedEmail } from "@/lib/partner-users/access-granted-email";
import { accessNotPossibleEmail } from "@/lib/partner-users/access-not-possible-email";
import { createOrFindInviteeAccount } from "@/lib/invitations/accounts";
import { describeDbError } from "@/lib/partner-users/errors";
import { windowInstants } from "@/lib/partner-users/grants";
import { invitePartnerUserSchema } from "@/lib/partner-users/schemas";
import { siteOrigin } from "@/lib/partner-users/site-origin";

/**
 * Invites a partner user with one or more grants, in this order, so that a failure can
 * leave at most an auth user without rows:
 *   1. the auth user: created through the admin API when the address has none, found
 *      otherwise; neither emails anyone nor issues a token, so nothing pending is spent;
 *   2. the partner_users row and every grant, in one transaction, as the signed-in staff
 *      member (RLS: leads; the audit names them);
 *   3. an email the app sends itself, saying what they can now see and where to sign in
 *      (the portal emails them a link when they ask).
 * The answer is the same for a new account, an existing one, and one that cannot hold
 * portal access here (staff anywhere, or a partner user of another organization): that
 * person is told by email, and the admin is told nothing they could learn it from.
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
    const account = await createOrFindInviteeAccount(input.email, input.name);
    if (!account.ok) return fail("Enter a valid email address", { email: "Enter a valid email address" });

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
    // 23505: a partner user of another organization; 23P01: staff somewhere. Either way the
    // person, not the admin, hears of it.
    const heldElsewhere = error?.code === "23505" || error?.code === "23P01";
    if (error && !heldElsewhere) return fail(describeDbError(error, "Could not add this partner user."));
    revalidatePath("/admin/partner-users");

    const signInUrl = new URL("/portal/login", origin).toString();
    const names = new Map(partners.map((partner) => [partner.id, partner.name]));
    const sent = await sendMail(
      heldElsewhere
        ? accessNotPossibleEmail({ to: input.email, name: input.name, orgName: staff.org.name })
        : accessGrantedEmail({
            to: input.email,
            name: input.name,
            partnerNames: partnerIds.map((id) => names.get(id) ?? "a partner"),
            signInUrl,
          }),
    );
    if (!sent.ok) {
      console.error("could not email a partner user about their access", {
        code: sent.code,
        responseCode: sent.responseCode,
        ...(sent.code === "ECONFIG" ? { message: sent.message } : {}),
      });
      // The access is saved; asking again sends the email (the rows are written idempotently).
      return fail(EMAIL_UNAVAILABLE);
    }
    return ok({ email: input.email });
  },
);
