import type { Metadata } from "next";
import Link from "next/link";
import { AuditDiff } from "@/components/audit/audit-diff";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterPicker } from "@/components/pickers/filter-picker";
import { Input, Select } from "@/components/ui/input";
import {
  AUDIT_ACTIONS,
  AUDIT_PAGE_SIZE,
  AUDIT_RESOURCES,
  auditNames,
  auditSearch,
  listAuditEntries,
  parseAuditFilter,
} from "@/lib/audit/queries";
import { getStaffContext } from "@/lib/auth/staff-context";
import { formatDateTime } from "@/lib/format/dates";
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
  const { actorNames, partnerNames } = await auditNames(
    supabase,
    [...new Set(entries.map((entry) => entry.actor_id).filter((id): id is string => Boolean(id)))],
    [...new Set(entries.map((entry) => entry.partner_id).filter((id): id is string => Boolean(id)))],
  );
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
        <FilterPicker
          endpoint="/api/pickers/partners"
          params={{ archived: "include" }}
          name="partner"
          initial={chosenPartner}
          clearLabel="Any partner"
          emptyText="No partners match"
          aria-label="Partner"
        />
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
            const actor = entry.actor_id ? (actorNames.get(entry.actor_id) ?? entry.actor_id) : entry.actor_type;
            return (
              <li key={entry.id} data-testid="audit-entry">
                <details className="group">
                  {/*
                    One grid, two shapes. Under sm a compact two-line row: who and when on the first
                    line, what and on which resource on the second. From sm up, four columns.
                  */}
                  <summary className="grid cursor-pointer list-none grid-cols-[auto_minmax(0,1fr)_auto] items-center gap-x-3 gap-y-1 px-4 py-2.5 hover:bg-slate-50 sm:grid-cols-[11rem_minmax(0,1fr)_minmax(0,1.2fr)_minmax(0,1fr)] sm:gap-4 sm:py-3">
                    <time
                      dateTime={entry.created_at}
                      className="col-start-3 row-start-1 text-right text-xs whitespace-nowrap text-slate-500 tabular-nums sm:col-start-auto sm:row-start-auto sm:text-left"
                    >
                      {formatDateTime(entry.created_at, tz)}
                    </time>
                    <span className="col-start-1 row-start-2 flex min-w-0 items-center gap-2 sm:col-start-auto sm:row-start-auto">
                      <Badge tone={actionTone(entry.action)}>{entry.action}</Badge>
                    </span>
                    <span
                      className="col-span-2 col-start-1 row-start-1 truncate text-sm font-medium text-slate-800 sm:col-span-1 sm:col-start-auto sm:row-start-auto sm:font-normal"
                      title={actor}
                    >
                      {actor} <span className="text-xs font-normal text-slate-400">· {entry.actor_type}</span>
                    </span>
                    <span className="col-span-2 col-start-2 row-start-2 truncate text-xs text-slate-500 sm:col-span-1 sm:col-start-auto sm:row-start-auto sm:text-sm">
                      {entry.resource_type}
                      {entry.partner_id ? ` · ${partnerNames.get(entry.partner_id) ?? "deleted partner"}` : ""}
                    </span>
                  </summary>
                  <div className="space-y-2 border-t border-slate-100 bg-slate-50/50 px-4 py-3">
                    <p className="text-xs break-all text-slate-500">
                      {entry.resource_type} {entry.resource_id}
                      {entry.ip ? ` · ip ${entry.ip}` : ""}
                      {entry.user_agent ? ` · ${entry.user_agent}` : ""}
                    </p>
                    <AuditDiff before={entry.before} after={entry.after} metadata={entry.metadata} />
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
