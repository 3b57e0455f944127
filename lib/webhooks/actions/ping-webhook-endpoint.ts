"use server";

import { revalidatePath } from "next/cache";
import { fail, ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { webhookError } from "../errors";
import { endpointIdSchema } from "../schemas";

/** Queues a test ping; the next runner sends it. */
export const pingWebhookEndpoint = staffAction(
  { schema: endpointIdSchema, roles: ["admin"] },
  async (input, { supabase }) => {
    const { error } = await supabase.rpc("ping_webhook_endpoint", { p_endpoint_id: input.endpointId });
    if (error) return fail(webhookError(error, "The test ping could not be queued."));
    revalidatePath("/admin/settings/webhooks");
    return ok(null);
  },
);
