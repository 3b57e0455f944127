import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { OrgFormatProvider } from "@/components/format/org-format-provider";
import { DirectoryScreen } from "@/components/directory/directory-screen";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getStaffContext } from "@/lib/auth/staff-context";
import { looksLikePhone } from "@/lib/http/phone-hint";
import { EDITORS } from "@/lib/orgs/roles";
import { loadDirectoryParams, resolveDirectoryView } from "@/lib/partners/directory-params";
import { getPartnerPreview } from "@/lib/partners/queries/get-partner-preview";
import { directoryTexts } from "@/lib/partners/directory-texts";
import { staffOption } from "@/lib/pickers/search-people";
import { loadDirectoryData } from "@/lib/partners/queries/load-directory-data";
import { packRows } from "@/lib/partners/directory-row-pack";
import { getDirectoryLayout } from "@/lib/preferences/queries/get-directory-layout";
import { createClient } from "@/lib/supabase/server";

export const metadata: Metadata = { title: "Partners" };

/** When this render read the database; the screen replaces its cached rows with a newer render's. */
function renderedAt(): number {
  return Date.now();
}

/**
 * The partner directory. The URL is the view (filters, sort, page or cursor, columns, preview);
 * the server reads it, fills what it leaves out from the person's saved layout, and renders
 * the first view: its rows and summary, the filter options and the preview, in parallel, as
 * the user. After that the screen fetches other views from /api/partners/directory.
 */
export default async function PartnersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await getCurrentUser();
  if (!user) return null; // the admin layout has already sent the visitor to sign in
  const supabase = await createClient();
  // The saved layout is the signed-in person's own row: read it beside the membership check
  // instead of after it, one database round trip fewer before the rows can be asked for.
  const [staff, params, layout, phoneHint] = await Promise.all([
    getStaffContext(),
    loadDirectoryParams(searchParams),
    getDirectoryLayout(supabase, user.id),
    looksLikePhone(),
  ]);
  if (!staff) return null; // the admin layout has already shown who may not be here
  const defaults = { sort: layout.sort, size: layout.size, columns: layout.columns };
  const view = resolveDirectoryView(params, defaults);
  const orgId = staff.org.id;

  const [data, chosenOwner, preview] = await Promise.all([
    loadDirectoryData(supabase, orgId, staff.org, view),
    view.filter.owner ? staffOption(supabase, orgId, view.filter.owner) : Promise.resolve(null),
    view.preview ? getPartnerPreview(supabase, orgId, view.preview) : Promise.resolve(null),
  ]);

  const texts = directoryTexts(staff.org, {
    total: data.summary.total,
    page: view.page,
    pageSize: view.pageSize,
    preview,
  });
  return (
    <OrgFormatProvider texts={texts}>
      <DirectoryScreen
        view={view}
        layout={defaults}
        data={{ rows: packRows(data.rows), summary: data.summary }}
        chosenOwner={chosenOwner}
        preview={preview}
        widths={layout.widths ?? {}}
        canEdit={EDITORS.includes(staff.role)}
        org={{ name: staff.org.name, currency: staff.org.currency, timeZone: staff.org.time_zone }}
        loadedAt={renderedAt()}
        phoneHint={phoneHint}
      />
    </OrgFormatProvider>
  );
}
