import type { Metadata } from "next";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { EndpointCard } from "@/components/webhooks/endpoint-card";
import { NewEndpointForm } from "@/components/webhooks/new-endpoint-form";
import { getStaffContext } from "@/lib/auth/staff-context";
import { orgFormatter } from "@/lib/format/org-format";
import { createClient } from "@/lib/supabase/server";
import { listWebhookEndpoints } from "@/lib/webhooks/queries";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const staff = await getStaffContext();
  if (!staff) return null;
  if (staff.role !== "admin")
    return <EmptyState title="Webhooks are managed by admins" description="Ask an admin of your organization." />;
  const endpoints = await listWebhookEndpoints(await createClient(), staff.org.id);
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Webhooks</h1>
        <p className="mt-1 text-sm text-slate-500">
          Send {staff.org.name}&apos;s events to other systems. Each delivery is signed as Standard Webhooks says and
          carries a <code>webhook-id</code> to deduplicate on; failures are retried for 24 hours, and an endpoint that
          fails for 24 hours is disabled and its admins are told.
        </p>
      </div>
      <Card>
        <CardHeader title="Add an endpoint" />
        <CardBody>
          <NewEndpointForm />
        </CardBody>
      </Card>
      {endpoints.length === 0 ? (
        <EmptyState title="No endpoints yet" description="Add one above; its deliveries are listed here." />
      ) : (
        endpoints.map((endpoint) => (
          <EndpointCard
            key={endpoint.id}
            endpoint={endpoint}
            formatTime={Object.fromEntries(
              endpoint.deliveries.map((d) => [
                d.id,
                orgFormatter(staff.org).dateTime(d.last_attempt_at ?? d.created_at),
              ]),
            )}
          />
        ))
      )}
    </div>
  );
}
