import type { Metadata } from "next";
import Link from "next/link";
import { NewPartnerForm } from "@/components/partners/new-partner-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getStaffContext } from "@/lib/auth/staff-context";
import { EDITORS } from "@/lib/orgs/roles";

export const metadata: Metadata = { title: "New partner" };

/** Adding one partner by hand; the CSV import is for many. */
export default async function NewPartnerPage() {
  const staff = await getStaffContext();
  if (!staff) return null; // the admin layout has already shown who may not be here
  if (!EDITORS.includes(staff.role)) {
    return (
      <EmptyState
        title="Viewers cannot add partners"
        description="Your role can look but not change anything. Ask an admin for editor access."
        action={
          <Link href="/admin/partners" className="text-sm font-medium text-brand-700 hover:underline">
            Back to partners
          </Link>
        }
      />
    );
  }
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link href="/admin/partners" className="text-sm text-slate-600 hover:text-slate-900 hover:underline">
        ← Partners
      </Link>
      <Card>
        <CardHeader
          title="New partner"
          description="Only the name is required. Everything else can be filled in later from the partner's workspace."
        />
        <CardBody>
          <NewPartnerForm locale={staff.org.locale} />
        </CardBody>
      </Card>
    </div>
  );
}
