"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { ActionResult } from "@/lib/actions/result";
import type { WebhookEndpointRow } from "@/lib/webhooks/queries";
import { pingWebhookEndpoint } from "@/lib/webhooks/actions/ping-webhook-endpoint";
import { resendWebhookDelivery } from "@/lib/webhooks/actions/resend-webhook-delivery";
import { rotateWebhookSecret } from "@/lib/webhooks/actions/rotate-webhook-secret";
import { setWebhookEndpointEnabled } from "@/lib/webhooks/actions/set-webhook-endpoint-enabled";
import { SecretReveal } from "./secret-reveal";

const STATUS_TONE: Record<string, string> = {
  succeeded: "text-emerald-700",
  failed: "text-red-700",
  pending: "text-amber-700",
};

/** One endpoint: its state and controls, and its delivery log with "Send again". */
export function EndpointCard({
  endpoint,
  formatTime,
}: {
  endpoint: WebhookEndpointRow;
  formatTime: Record<string, string>;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [secret, setSecret] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const act = <T,>(work: () => Promise<ActionResult<T>>, done: string, after?: (data: T) => void) => {
    setMessage(null);
    startTransition(async () => {
      const result = await work();
      if (!result.ok) {
        setMessage(result.error);
        return;
      }
      after?.(result.data);
      toast.success(done);
      router.refresh();
    });
  };

  return (
    <Card data-testid="webhook-endpoint" aria-label={`Webhook endpoint ${endpoint.url}`} className="overflow-hidden">
      <div className="space-y-3 px-5 py-4">
        <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0">
            <p className="font-mono text-sm break-all text-slate-900">{endpoint.url}</p>
            {endpoint.description && <p className="text-sm text-slate-500">{endpoint.description}</p>}
            <p className="mt-1 text-xs text-slate-500">{endpoint.event_types.join(", ")}</p>
          </div>
          <div className="shrink-0">
            <Badge tone={endpoint.enabled ? "green" : "slate"}>{endpoint.enabled ? "Enabled" : "Disabled"}</Badge>
          </div>
        </div>
        {!endpoint.enabled && endpoint.disabled_reason && (
          <p className="text-sm text-red-700">Disabled: {endpoint.disabled_reason}.</p>
        )}
        {secret && <SecretReveal secret={secret} />}
        {message && (
          <p role="alert" className="text-sm text-red-700">
            {message}
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          <Button
            size="sm"
            variant="secondary"
            disabled={pending}
            onClick={() => act(() => pingWebhookEndpoint({ endpointId: endpoint.id }), "Test ping queued.")}
          >
            Send test ping
          </Button>
          <Button
            size="sm"
            variant="secondary"
            disabled={pending}
            onClick={() =>
              act(
                () => setWebhookEndpointEnabled({ endpointId: endpoint.id, enabled: !endpoint.enabled }),
                endpoint.enabled ? "Endpoint disabled." : "Endpoint enabled.",
              )
            }
          >
            {endpoint.enabled ? "Disable" : "Enable"}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            disabled={pending}
            onClick={() => {
              if (!window.confirm("Rotate the secret? The old one stops working at once.")) return;
              act(
                () => rotateWebhookSecret({ endpointId: endpoint.id }),
                "Secret rotated.",
                (data) => setSecret(data.secret),
              );
            }}
          >
            Rotate secret
          </Button>
        </div>
      </div>
      <div className="overflow-x-auto border-t border-slate-100">
        {endpoint.deliveries.length === 0 ? (
          <p className="px-5 py-4 text-sm text-slate-500">No deliveries yet. Send a test ping to try the endpoint.</p>
        ) : (
          <table className="w-full min-w-[640px] text-sm" aria-label="Delivery log">
            <thead className="text-left text-xs text-slate-500 uppercase">
              <tr>
                <th className="px-5 py-2 font-medium">When</th>
                <th className="px-3 py-2 font-medium">Event</th>
                <th className="px-3 py-2 font-medium">Status</th>
                <th className="px-3 py-2 font-medium">Code</th>
                <th className="px-3 py-2 font-medium">Duration</th>
                <th className="px-3 py-2 font-medium">Attempts</th>
                <th className="px-5 py-2" />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {endpoint.deliveries.map((delivery) => (
                <tr key={delivery.id} data-testid="webhook-delivery">
                  <td className="px-5 py-2 whitespace-nowrap text-slate-600">{formatTime[delivery.id]}</td>
                  <td className="px-3 py-2 font-mono text-xs">{delivery.event_type}</td>
                  <td
                    className={`px-3 py-2 font-medium ${STATUS_TONE[delivery.status] ?? ""}`}
                    title={delivery.last_error ?? undefined}
                  >
                    {delivery.status}
                  </td>
                  <td className="px-3 py-2">{delivery.last_status_code ?? "—"}</td>
                  <td className="px-3 py-2">
                    {delivery.last_duration_ms === null ? "—" : `${delivery.last_duration_ms} ms`}
                  </td>
                  <td className="px-3 py-2">{delivery.attempts}</td>
                  <td className="px-5 py-2 text-right">
                    <Button
                      size="sm"
                      variant="ghost"
                      disabled={pending || delivery.status === "pending"}
                      onClick={() =>
                        act(() => resendWebhookDelivery({ deliveryId: delivery.id }), "It goes out with the next run.")
                      }
                    >
                      Send again
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </Card>
  );
}
