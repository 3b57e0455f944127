import type { Metadata } from "next";
import Link from "next/link";
import { DigestHourSelect } from "@/components/notifications/digest-hour-select";
import { PreferenceTable } from "@/components/notifications/preference-table";
import { Card } from "@/components/ui/card";
import { getStaffContext } from "@/lib/auth/staff-context";
import { setMyDigestHour } from "@/lib/notifications/actions/set-digest-hour";
import { setMyNotificationPreference } from "@/lib/notifications/actions/set-my-preference";
import { digestHourFallback, readDigestHours } from "@/lib/notifications/digest-hours";
import { mySettingsRows } from "@/lib/notifications/settings-queries";
import { createClient } from "@/lib/supabase/server";

export const metadata: Metadata = { title: "Your notifications" };

export default async function MyNotificationSettingsPage() {
  const staff = await getStaffContext();
  if (!staff) return null;
  const supabase = await createClient();
  const [rows, hours] = await Promise.all([
    mySettingsRows(supabase, staff.org.id),
    readDigestHours(supabase, staff.org.id, staff.userId),
  ]);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Your notifications</h1>
        <p className="mt-1 text-sm text-slate-500">
          How you hear of what happens in {staff.org.name}. Everything but &ldquo;Off&rdquo; and &ldquo;Only in the
          digest&rdquo; shows in the bell; email sends one message each time, the digest gathers them into one email a
          day.
          {staff.role === "admin" && (
            <>
              {" "}
              <Link href="/admin/settings/notifications" className="font-medium text-brand-700 hover:underline">
                Organization defaults
              </Link>
            </>
          )}
        </p>
      </div>
      <Card>
        <DigestHourSelect
          chosen={hours.own}
          fallback={digestHourFallback(hours, "person")}
          description={`Your daily digest goes out at this hour, ${staff.org.time_zone} time, with the 24 hours before it.`}
          save={setMyDigestHour}
        />
      </Card>
      <Card>
        <PreferenceTable rows={rows} save={setMyNotificationPreference} caption="Your notification settings" />
      </Card>
    </div>
  );
}
