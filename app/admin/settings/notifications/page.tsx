import type { Metadata } from "next";
import Link from "next/link";
import { DigestHourSelect } from "@/components/notifications/digest-hour-select";
import { PreferenceTable } from "@/components/notifications/preference-table";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getStaffContext } from "@/lib/auth/staff-context";
import { setOrgDigestHour } from "@/lib/notifications/actions/set-digest-hour";
import { setOrgNotificationDefault } from "@/lib/notifications/actions/set-org-default";
import { digestHourFallback, readDigestHours } from "@/lib/notifications/digest-hours";
import { orgDefaultRows } from "@/lib/notifications/settings-queries";
import { createClient } from "@/lib/supabase/server";

export const metadata: Metadata = { title: "Notification defaults" };

export default async function OrgNotificationDefaultsPage() {
  const staff = await getStaffContext();
  if (!staff) return null;
  if (staff.role !== "admin")
    return (
      <EmptyState
        title="Notification defaults are set by admins"
        description="You can still choose how you hear of each event in your own settings."
      />
    );
  const supabase = await createClient();
  const [rows, hours] = await Promise.all([
    orgDefaultRows(supabase, staff.org.id),
    readDigestHours(supabase, staff.org.id, null),
  ]);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Notification defaults</h1>
        <p className="mt-1 text-sm text-slate-500">
          What everyone in {staff.org.name}, staff and partner users, gets until they choose for themselves. A
          person&apos;s own choice always wins.{" "}
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
        <PreferenceTable rows={rows} save={setOrgNotificationDefault} caption="Organization notification defaults" />
      </Card>
    </div>
  );
}
