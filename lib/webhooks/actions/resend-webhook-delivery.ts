"use server";

import { revalidatePath } from "next/cache";
import { fail, ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { webhookError } from "../errors";
import { deliveryIdSchema } from "../schemas";

/** Sends a delivery again, with the same webhook-id. */
export const resendWebhookDelivery = staffAction(
  { schema: deliveryIdSchema, roles: ["admin"] },
  async (input, { supabase }) => {
    const { error } = await supabase.rpc("resend_webhook_delivery", { p_delivery_id: input.deliveryId });
    if (error) return fail(webhookError(error, "The delivery could not be sent again."));
    revalidatePath("/admin/settings/webhooks");
    return ok(null);
  },
);
