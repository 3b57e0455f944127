import type { Metadata } from "next";
import { DigestHourSelect } from "@/components/notifications/digest-hour-select";
import { PreferenceTable } from "@/components/notifications/preference-table";
import { Card } from "@/components/ui/card";
import { getPartnerContext } from "@/lib/auth/partner-context";
import { setMyPortalDigestHour } from "@/lib/notifications/actions/set-digest-hour";
import { setMyPortalNotificationPreference } from "@/lib/notifications/actions/set-my-preference";
import { digestHourFallback, readDigestHours } from "@/lib/notifications/digest-hours";
import { mySettingsRows } from "@/lib/notifications/settings-queries";
import { getPortalOrg } from "@/lib/portal/queries";
import { createClient } from "@/lib/supabase/server";

export const metadata: Metadata = { title: "Your notifications" };

export default async function PortalNotificationSettingsPage() {
  const [partner, org] = await Promise.all([getPartnerContext(), getPortalOrg()]);
  if (!partner || !org) return null;
  const supabase = await createClient();
  const [rows, hours] = await Promise.all([
    mySettingsRows(supabase, org.id),
    readDigestHours(supabase, org.id, partner.userId),
  ]);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Your notifications</h1>
        <p className="mt-1 text-sm text-slate-500">
          How you hear from {org.name}. Everything but &ldquo;Off&rdquo; and &ldquo;Only in the digest&rdquo; shows in
          the bell; the digest gathers them into one email a week.
        </p>
      </div>
      <Card>
        <DigestHourSelect
          chosen={hours.own}
          fallback={digestHourFallback(hours, "person")}
          description={`Your weekly digest goes out on Mondays at this hour, ${org.time_zone} time.`}
          save={setMyPortalDigestHour}
        />
      </Card>
      <Card>
        <PreferenceTable rows={rows} save={setMyPortalNotificationPreference} caption="Your notification settings" />
      </Card>
    </div>
  );
}
