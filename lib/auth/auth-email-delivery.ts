import type { SupabaseClient } from "@supabase/supabase-js";
import type { Database } from "@/lib/database.types";
import type { DeliveryRecorder } from "./anonymous-email-request";

/**
 * Whether the auth server's emails are failing is kept in Postgres (any instance of the
 * app may answer the next request), behind a function only the service role may run:
 * the requests it serves are anonymous. Pass the service-role client.
 */
export function authEmailDelivery(service: SupabaseClient<Database>): DeliveryRecorder {
  return async (outcome) => {
    const { data, error } = await service.rpc("record_auth_email_outcome", { p_outcome: outcome });
    if (error) {
      console.error("could not record the auth email outcome", { code: error.code, message: error.message });
      return outcome === "failed";
    }
    return data === true;
  };
}
