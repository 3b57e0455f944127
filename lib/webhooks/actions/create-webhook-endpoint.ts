"use server";

import { revalidatePath } from "next/cache";
import { fail, ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { webhookError } from "../errors";
import { createWebhookEndpointSchema } from "../schemas";

/** Registers an endpoint and returns its signing secret: shown this once. */
export const createWebhookEndpoint = staffAction(
  { schema: createWebhookEndpointSchema, roles: ["admin"] },
  async (input, { supabase, orgId }) => {
    const { data, error } = await supabase.rpc("create_webhook_endpoint", {
      p_org_id: orgId,
      p_url: input.url,
      p_description: input.description,
      p_event_types: input.eventTypes,
      p_enabled: input.enabled,
    });
    if (error || !data?.[0])
      return fail(error ? webhookError(error, "The endpoint could not be saved.") : "The endpoint could not be saved.");
    revalidatePath("/admin/settings/webhooks");
    return ok({ id: data[0].id, secret: data[0].secret });
  },
);
