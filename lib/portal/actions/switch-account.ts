"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { fail, ok } from "@/lib/actions/result";
import { partnerAction } from "@/lib/actions/safe-action";
import { ACTIVE_ACCOUNT_COOKIE } from "@/lib/auth/partner-context";
import { ALL_ACCOUNTS, accountHref } from "@/lib/portal/constants";
import { recordId } from "@/lib/validation/record-id";

const switchAccountSchema = z.object({ account: z.union([z.literal(ALL_ACCOUNTS), recordId("Choose an account")]) });

/**
 * Remembers which account the portal opens on and logs the switch. The choice must be
 * one of the accounts RLS shows the user right now; the database checks it again when
 * it records the event.
 */
export const switchAccount = partnerAction(switchAccountSchema, async (input, { supabase, partner }) => {
  const isAll = input.account === ALL_ACCOUNTS;
  if (isAll ? partner.accounts.length < 2 : !partner.accounts.some((account) => account.partnerId === input.account)) {
    return fail("That account is not available to you.");
  }
  const { error } = await supabase.rpc("record_portal_event", {
    p_event: "portal.account_switched",
    p_partner_id: isAll ? undefined : input.account,
  });
  if (error) return fail("That account is not available to you.");
  (await cookies()).set(ACTIVE_ACCOUNT_COOKIE, input.account, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
  });
  return ok({ href: isAll ? "/portal/all" : accountHref(input.account) });
});
