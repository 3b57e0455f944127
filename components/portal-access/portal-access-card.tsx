import Link from "next/link";
import { AddGrantForm } from "@/components/partner-users/add-grant-form";
import { OrgFormatProvider } from "@/components/format/org-format-provider";
import { GrantItem } from "@/components/partner-users/grant-item";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageNav } from "@/components/ui/page-nav";
import { getStaffContext } from "@/lib/auth/staff-context";
import { orgFormatter, textsFor } from "@/lib/format/org-format";
import { LEADS } from "@/lib/orgs/roles";
import { listPartnerGrants } from "@/lib/partner-users/queries";
import type { PortalSection } from "@/lib/portal/sections";
import { createClient } from "@/lib/supabase/server";

/**
 * Who can see this partner in the portal, for a partner's overview. Everyone on staff
 * sees the list (RLS); admins and managers also grant and revoke here.
 */
export async function PortalAccessCard({ partnerId, page = 1 }: { partnerId: string; page?: number }) {
  const staff = await getStaffContext();
  if (!staff) return null;
  const supabase = await createClient();
  const canManage = LEADS.includes(staff.role);
  const list = await listPartnerGrants(supabase, partnerId, page);
  const grants = list.rows;
  const holders = [
    ...new Set(grants.filter((grant) => grant.state !== "revoked").map((grant) => grant.partner_user_id)),
  ];
  const texts = textsFor(staff.org, (format) =>
    grants.forEach((grant) => [grant.starts_at, grant.ends_at].forEach((instant) => format.date(instant))),
  );
  return (
    <OrgFormatProvider texts={texts}>
      <Card aria-label="Portal access">
        <CardHeader
          title="Portal access"
          description="Partner users who can see this partner in the portal."
          actions={
            canManage ? (
              <Link
                href={`/admin/partner-users?partner=${partnerId}`}
                className="text-sm font-medium text-brand-700 hover:underline"
              >
                Invite someone
              </Link>
            ) : undefined
          }
        />
        <CardBody className="py-1">
          {grants.length === 0 && list.total > 0 ? (
            <p className="py-3 text-sm text-slate-500">
              There is no page {page} of grants.{" "}
              <Link
                href={`/admin/partners/${partnerId}/overview`}
                className="font-medium text-brand-700 hover:underline"
              >
                Back to the first page
              </Link>
            </p>
          ) : grants.length === 0 ? (
            <p className="py-3 text-sm text-slate-500">Nobody has portal access to this partner yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {grants.map((grant) => {
                const user = grant.partner_users as { name: string | null; email: string; is_active: boolean } | null;
                return (
                  <GrantItem
                    key={grant.id}
                    grant={{
                      id: grant.id,
                      scope: grant.scope as PortalSection[],
                      startsAt: grant.starts_at,
                      endsAt: grant.ends_at,
                      revokedAt: grant.revoked_at,
                    }}
                    title={user?.name ?? user?.email ?? "Unknown person"}
                    subtitle={`${user?.email ?? ""}${user && !user.is_active ? " · deactivated" : ""}`}
                    state={grant.state}
                    canManage={canManage}
                    timeZone={staff.org.time_zone}
                  />
                );
              })}
            </ul>
          )}
          <div className="pb-2">
            <PageNav
              list={list}
              path={`/admin/partners/${partnerId}/overview`}
              param="access"
              noun={{ one: "grant", other: "grants" }}
              label="Portal access pages"
              format={orgFormatter(staff.org)}
            />
          </div>
          {canManage && (
            <div className="pt-1 pb-3">
              <AddGrantForm
                partnerId={partnerId}
                exclude={holders}
                choiceLabel="Partner user"
                timeZone={staff.org.time_zone}
              />
            </div>
          )}
        </CardBody>
      </Card>
    </OrgFormatProvider>
  );
}
