import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { OrgFormatProvider } from "@/components/format/org-format-provider";
import { DirectoryScreen } from "@/components/directory/directory-screen";
import { HeroMetrics } from "@/components/directory/hero-metrics";
import { getStaffContext } from "@/lib/auth/staff-context";
import { EDITORS } from "@/lib/orgs/roles";
import { hasActiveFilter, loadDirectoryParams, resolveDirectoryView } from "@/lib/partners/directory-params";
import { getDirectoryMetrics } from "@/lib/partners/queries/get-directory-metrics";
import { getPartnerPreview } from "@/lib/partners/queries/get-partner-preview";
import { directoryTexts } from "@/lib/partners/directory-texts";
import { listDirectoryPartners } from "@/lib/partners/queries/list-directory-partners";
import { listOwnerOptions } from "@/lib/partners/queries/list-owner-options";
import { listRegions } from "@/lib/partners/queries/list-regions";
import { getDirectoryLayout } from "@/lib/preferences/queries/get-directory-layout";
import { createClient } from "@/lib/supabase/server";

export const metadata: Metadata = { title: "Partners" };

/** When this render read the database; the screen keys its row cache on it. */
function renderedAt(): number {
  return Date.now();
}

/**
 * The partner directory. The URL is the view (filters, sort, page, columns, preview);
 * the server reads it, fills what it leaves out from the person's saved layout, and
 * loads that one page, the hero metrics (which also count the matching partners), the filter
 * options and the preview in parallel, as the user.
 */
export default async function PartnersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await getStaffContext();
  if (!staff) return null; // the admin layout has already shown who may not be here
  const supabase = await createClient();
  const [params, layout] = await Promise.all([
    loadDirectoryParams(searchParams),
    getDirectoryLayout(supabase, staff.userId),
  ]);
  const view = resolveDirectoryView(params, layout);
  const orgId = staff.org.id;

  const [rows, metrics, owners, regions, preview] = await Promise.all([
    listDirectoryPartners(supabase, orgId, view),
    getDirectoryMetrics(supabase, orgId, view.filter),
    listOwnerOptions(supabase, orgId),
    listRegions(supabase, orgId),
    view.preview ? getPartnerPreview(supabase, orgId, view.preview) : Promise.resolve(null),
  ]);

  const texts = directoryTexts(staff.org, {
    rows,
    total: metrics.matchingPartners,
    page: view.page,
    pageSize: view.pageSize,
    preview,
  });
  return (
    <OrgFormatProvider texts={texts}>
      <DirectoryScreen
        view={view}
        heroMetrics={<HeroMetrics metrics={metrics} org={staff.org} filtered={hasActiveFilter(view.filter)} />}
        page={{ rows, total: metrics.matchingPartners, totalIsEstimate: false }}
        owners={owners}
        regions={regions}
        preview={preview}
        widths={layout.widths ?? {}}
        canEdit={EDITORS.includes(staff.role)}
        org={{ name: staff.org.name, currency: staff.org.currency, timeZone: staff.org.time_zone }}
        loadedAt={renderedAt()}
      />
    </OrgFormatProvider>
  );
}
