"use server";

import { revalidatePath } from "next/cache";
import { fail, ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { webhookError } from "../errors";
import { setEndpointEnabledSchema } from "../schemas";

/** Turns an endpoint on or off; turning it on clears its failure record. */
export const setWebhookEndpointEnabled = staffAction(
  { schema: setEndpointEnabledSchema, roles: ["admin"] },
  async (input, { supabase, orgId }) => {
    const { data, error } = await supabase
      .from("webhook_endpoints")
      .update({ enabled: input.enabled })
      .eq("id", input.endpointId)
      .eq("org_id", orgId)
      .select("id");
    if (error) return fail(webhookError(error, "The endpoint could not be changed."));
    if (!data.length) return fail("This webhook endpoint no longer exists.");
    revalidatePath("/admin/settings/webhooks");
    return ok(null);
  },
);
