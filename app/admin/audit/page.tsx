import type { Metadata } from "next";
import Link from "next/link";
import { RawEntry } from "@/components/audit/raw-entry";
import { ReadableChanges } from "@/components/audit/readable-changes";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterPicker, PartnerFilterPicker } from "@/components/pickers/filter-picker";
import { Input, Select } from "@/components/ui/input";
import {
  AUDIT_ACTIONS,
  AUDIT_PAGE_SIZE,
  AUDIT_RESOURCES,
  auditSearch,
  listAuditEntries,
  parseAuditFilter,
} from "@/lib/audit/queries";
import { describeAuditEntry } from "@/lib/audit/describe";
import { RESOURCE_LABELS } from "@/lib/audit/labels";
import { loadAuditNames } from "@/lib/audit/names";
import { getStaffContext } from "@/lib/auth/staff-context";
import { orgFormatter } from "@/lib/format/org-format";
import { actorOption } from "@/lib/pickers/search-people";
import { partnerOption } from "@/lib/pickers/search-partners";
import { createClient } from "@/lib/supabase/server";

export const metadata: Metadata = { title: "Audit log" };

function actionTone(action: string): "red" | "green" | "slate" {
  if (
    action.includes("revoked") ||
    action.endsWith("deleted") ||
    action.endsWith("deactivated") ||
    action.endsWith("removed")
  )
    return "red";
  if (action.includes("granted") || action.endsWith("created") || action.endsWith("added")) return "green";
  return "slate";
}

const ACTOR_TYPE_LABELS: Record<string, string> = {
  staff: "staff",
  partner_user: "partner user",
  service: "server task",
  system: "system",
};

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await getStaffContext();
  if (!staff) return null;
  if (staff.role !== "admin")
    return <EmptyState title="The audit log is for admins" description="Ask an admin of your organization." />;
  const filter = parseAuditFilter(await searchParams);
  const supabase = await createClient();
  const [{ entries, total }, chosenActor, chosenPartner] = await Promise.all([
    listAuditEntries(supabase, staff.org, filter),
    filter.actor ? actorOption(supabase, staff.org.id, filter.actor) : Promise.resolve(null),
    filter.partner ? partnerOption(supabase, staff.org.id, filter.partner) : Promise.resolve(null),
  ]);
  const names = await loadAuditNames(supabase, staff.org.id, entries);
  const format = orgFormatter(staff.org);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const tz = staff.org.time_zone;
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
          <p className="mt-1 text-sm text-slate-500">
            Every change to partners, access and members, with who made it. Days and times are in {tz}, the
            organization’s time zone.
          </p>
        </div>
        <a
          href={`/admin/audit/export${auditSearch(filter, { page: 1 })}`}
          className="inline-flex h-9 items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-50"
        >
          Export CSV
        </a>
      </div>
      <form
        method="get"
        aria-label="Filter audit entries"
        className="grid grid-cols-2 gap-2 rounded-lg border border-slate-200 bg-white p-3 lg:grid-cols-[repeat(4,minmax(0,1fr))_9.5rem_9.5rem_auto]"
      >
        <FilterPicker
          endpoint="/api/pickers/actors"
          name="actor"
          initial={chosenActor}
          clearLabel="Any actor"
          emptyText="Nobody matches"
          aria-label="Actor"
        />
        <PartnerFilterPicker initial={chosenPartner} />
        <Select name="action" defaultValue={filter.action ?? ""} aria-label="Action">
          <option value="">Any action</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
        </Select>
        <Select name="resource" defaultValue={filter.resource ?? ""} aria-label="Resource type">
          <option value="">Any resource</option>
          {AUDIT_RESOURCES.map((resource) => (
            <option key={resource} value={resource}>
              {resource}
            </option>
          ))}
        </Select>
        <Input type="date" name="from" defaultValue={filter.from} aria-label="From" />
        <Input type="date" name="to" defaultValue={filter.to} aria-label="To" />
        <div className="col-span-2 flex gap-2 lg:col-span-1">
          <Button type="submit" variant="secondary">
            Filter
          </Button>
          <Link
            href="/admin/audit"
            className="inline-flex h-10 items-center px-2 text-sm font-medium text-slate-600 hover:text-slate-900"
          >
            Clear
          </Link>
        </div>
      </form>
      {entries.length === 0 && filter.page > pages ? (
        <EmptyState
          title={`There is no page ${filter.page.toLocaleString("en-US")}`}
          description={`These filters have ${pages.toLocaleString("en-US")} page${pages === 1 ? "" : "s"} of entries.`}
          action={
            <Link
              href={`/admin/audit${auditSearch(filter, { page: pages })}`}
              className="text-sm font-medium text-brand-700 hover:underline"
            >
              Go to {pages === 1 ? "the first page" : `the last page (${pages.toLocaleString("en-US")})`}
            </Link>
          }
        />
      ) : entries.length === 0 ? (
        <EmptyState title="No audit entries match" />
      ) : (
        <ul
          className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
          aria-label="Audit entries"
        >
          {entries.map((entry) => {
            const readable = describeAuditEntry(entry, names.lookup, format);
            const partner = entry.partner_id ? (names.partners.get(entry.partner_id) ?? "a deleted partner") : null;
            return (
              <li key={entry.id} data-testid="audit-entry">
                <details className="group">
                  <summary className="flex cursor-pointer list-none flex-col gap-1 px-4 py-2.5 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600 sm:flex-row sm:items-start sm:gap-4 sm:py-3">
                    <time
                      dateTime={entry.created_at}
                      className="shrink-0 text-xs whitespace-nowrap text-slate-500 tabular-nums sm:w-44 sm:pt-0.5"
                    >
                      {format.dateTime(entry.created_at)}
                    </time>
                    <span className="min-w-0 flex-1 text-sm break-words text-slate-800" data-testid="audit-sentence">
                      {readable.sentence}
                    </span>
                    <span className="flex shrink-0 flex-wrap items-center gap-2">
                      <Badge tone={actionTone(entry.action)}>
                        {RESOURCE_LABELS[entry.resource_type] ?? entry.resource_type}
                      </Badge>
                      {partner && entry.resource_type !== "partner" && (
                        <span className="max-w-40 truncate text-xs text-slate-500" title={partner}>
                          {partner}
                        </span>
                      )}
                    </span>
                  </summary>
                  <div className="space-y-3 border-t border-slate-100 bg-slate-50/50 px-4 py-3">
                    <ReadableChanges changes={readable.changes} />
                    <p className="text-xs break-words text-slate-500">
                      {readable.actor} ({ACTOR_TYPE_LABELS[entry.actor_type] ?? entry.actor_type})
                      {entry.ip ? ` · from ${entry.ip}` : ""}
                      {entry.user_agent ? ` · ${entry.user_agent}` : ""}
                    </p>
                    <RawEntry entry={entry} />
                  </div>
                </details>
              </li>
            );
          })}
        </ul>
      )}
      <nav aria-label="Pages" className="flex items-center justify-between text-sm text-slate-600">
        <span>
          {total.toLocaleString("en-US")} entr{total === 1 ? "y" : "ies"} · page {filter.page} of {pages}
        </span>
        <span className="flex gap-2">
          {filter.page > 1 && (
            <Link
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50"
              href={`/admin/audit${auditSearch(filter, { page: filter.page - 1 })}`}
            >
              Previous
            </Link>
          )}
          {filter.page < pages && (
            <Link
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50"
              href={`/admin/audit${auditSearch(filter, { page: filter.page + 1 })}`}
            >
              Next
            </Link>
          )}
        </span>
      </nav>
    </div>
  );
}
