import type { Metadata } from "next";
import { OrganizationForm } from "@/components/settings/organization-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getStaffContext } from "@/lib/auth/staff-context";
import { formatExample } from "@/lib/orgs/format-example";
import { currencyCodes, SUPPORTED_LOCALES, timeZoneNames } from "@/lib/orgs/locales";
import { hasCommissions } from "@/lib/orgs/queries/has-commissions";
import { createClient } from "@/lib/supabase/server";

export const metadata: Metadata = { title: "Organization" };

/** Labels in the admin's reading language, written on the server so the browser shows the same text. */
function localeLabel(tag: string): string {
  const language = new Intl.DisplayNames(["en"], { type: "language" }).of(tag) ?? tag;
  return `${language} (${tag})`;
}

export default async function OrganizationSettingsPage() {
  const staff = await getStaffContext();
  if (!staff) return null;
  if (staff.role !== "admin")
    return (
      <EmptyState
        title="Organization settings are managed by admins"
        description="Ask an admin of your organization to change its name, locale, currency or time zone."
      />
    );
  const org = staff.org;
  const locked = await hasCommissions(await createClient(), org.id);
  const locales = [...new Set([org.locale, ...SUPPORTED_LOCALES])].map((tag) => ({
    value: tag,
    label: localeLabel(tag),
  }));
  const currencyNames = new Intl.DisplayNames(["en"], { type: "currency" });
  const currencies = [...new Set([org.currency, ...currencyCodes()])].map((code) => ({
    value: code,
    label: `${code} · ${currencyNames.of(code) ?? code}`,
  }));
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">Organization</h1>
        <p className="mt-1 text-sm text-slate-500">
          {org.name}&apos;s name, and how it writes numbers, money and dates. Each change is recorded in the audit log.
        </p>
      </div>
      <Card>
        <CardHeader title="Name and locale" />
        <CardBody>
          <OrganizationForm
            current={{ name: org.name, locale: org.locale, currency: org.currency, time_zone: org.time_zone }}
            example={formatExample(org)}
            locales={locales}
            currencies={currencies}
            timeZones={timeZoneNames()}
            currencyLocked={locked}
          />
        </CardBody>
      </Card>
    </div>
  );
}
