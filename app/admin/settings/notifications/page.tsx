import type { Metadata } from "next";
import Link from "next/link";
import { DigestHourSelect } from "@/components/notifications/digest-hour-select";
import { PreferenceTable } from "@/components/notifications/preference-table";
import { RoleDefaultPicker } from "@/components/notifications/role-default-picker";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getStaffContext } from "@/lib/auth/staff-context";
import { setOrgDigestHour } from "@/lib/notifications/actions/set-digest-hour";
import { setOrgNotificationDefault } from "@/lib/notifications/actions/set-org-default";
import { setOrgRoleNotificationDefault } from "@/lib/notifications/actions/set-org-role-default";
import { digestHourFallback, readDigestHours } from "@/lib/notifications/digest-hours";
import { NOTIFICATION_ROLE_PLURALS, isNotificationRole } from "@/lib/notifications/roles";
import { orgDefaultRows, orgRoleDefaultRows } from "@/lib/notifications/settings-queries";
import { createClient } from "@/lib/supabase/server";

export const metadata: Metadata = { title: "Notification defaults" };

const PATH = "/admin/settings/notifications";

export default async function OrgNotificationDefaultsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await getStaffContext();
  if (!staff) return null;
  if (staff.role !== "admin")
    return (
      <EmptyState
        title="Notification defaults are set by admins"
        description="You can still choose how you hear of each event in your own settings."
      />
    );
  const asked = (await searchParams).role;
  const role = isNotificationRole(asked) ? asked : null;
  const unknownRole = asked !== undefined && role === null;
  const supabase = await createClient();
  const [rows, hours] = await Promise.all([
    role ? orgRoleDefaultRows(supabase, staff.org.id, role) : orgDefaultRows(supabase, staff.org.id),
    readDigestHours(supabase, staff.org.id, null),
  ]);
  const whose = role ? NOTIFICATION_ROLE_PLURALS[role] : "everyone";
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Notification defaults</h1>
        <p className="mt-1 text-sm text-slate-500">
          What people in {staff.org.name}, staff and partner users, get until they choose for themselves. A
          person&apos;s own choice always wins, then the default for their role, then the one for everyone, then their
          role&apos;s built-in default.{" "}
          <Link href="/admin/account/notifications" className="font-medium text-brand-700 hover:underline">
            Your own settings
          </Link>{" "}
          ·{" "}
          <Link href="/admin/settings/webhooks" className="font-medium text-brand-700 hover:underline">
            Webhooks
          </Link>
        </p>
      </div>
      <Card>
        <DigestHourSelect
          chosen={hours.orgDefault}
          fallback={digestHourFallback(hours, "org")}
          description={`Digests go out at this hour, ${staff.org.time_zone} time: daily for staff, on Mondays for partner users.`}
          save={setOrgDigestHour}
        />
      </Card>
      <Card>
        <RoleDefaultPicker path={PATH} current={role} />
        {unknownRole && (
          <div className="px-5 pb-4">
            <Alert tone="warning">There is no such role; these are the defaults for everyone.</Alert>
          </div>
        )}
        <div className="border-t border-slate-100">
          {role ? (
            <PreferenceTable
              rows={rows}
              role={role}
              save={setOrgRoleNotificationDefault}
              caption={`Organization notification defaults for ${whose}`}
            />
          ) : (
            <PreferenceTable
              rows={rows}
              save={setOrgNotificationDefault}
              caption="Organization notification defaults"
            />
          )}
        </div>
      </Card>
    </div>
  );
}
