import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";

export type WebhookDeliveryRow = {
  id: string;
  event_type: string;
  status: string;
  attempts: number;
  last_status_code: number | null;
  last_duration_ms: number | null;
  last_error: string | null;
  created_at: string;
  last_attempt_at: string | null;
};

export type WebhookEndpointRow = {
  id: string;
  url: string;
  description: string | null;
  event_types: string[];
  enabled: boolean;
  disabled_reason: string | null;
  created_at: string;
  deliveries: WebhookDeliveryRow[];
};

/** The org's endpoints, newest first, each with its 20 latest deliveries (RLS: admins only). */
export async function listWebhookEndpoints(supabase: ServerClient, orgId: string): Promise<WebhookEndpointRow[]> {
  const { data, error } = await supabase
    .from("webhook_endpoints")
    .select(
      "id, url, description, event_types, enabled, disabled_reason, created_at, deliveries:webhook_deliveries(id, event_type, status, attempts, last_status_code, last_duration_ms, last_error, created_at, last_attempt_at)",
    )
    .eq("org_id", orgId)
    .order("created_at", { ascending: false })
    .order("created_at", { referencedTable: "webhook_deliveries", ascending: false })
    .limit(20, { referencedTable: "webhook_deliveries" });
  if (error) throw error;
  return (data ?? []) as WebhookEndpointRow[];
}
