"use server";

import { fail, ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { webhookError } from "../errors";
import { endpointIdSchema } from "../schemas";

/** Replaces an endpoint's secret; the new one is returned this once. */
export const rotateWebhookSecret = staffAction(
  { schema: endpointIdSchema, roles: ["admin"] },
  async (input, { supabase }) => {
    const { data, error } = await supabase.rpc("rotate_webhook_secret", { p_endpoint_id: input.endpointId });
    if (error || !data)
      return fail(error ? webhookError(error, "The secret could not be rotated.") : "The secret could not be rotated.");
    return ok({ secret: data });
  },
);
