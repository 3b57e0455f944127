import { staffRoute } from "@/lib/actions/safe-route";
import { describeAuditEntry } from "@/lib/audit/describe";
import { loadAuditNames } from "@/lib/audit/names";
import { listAuditEntries, parseAuditFilter } from "@/lib/audit/queries";
import { toCsv } from "@/lib/csv/write";
import { formatTimestampIn } from "@/lib/csv/timestamp-in";
import { orgFormatter } from "@/lib/format/org-format";
import { queryParamsSchema } from "@/lib/http/query-schema";

const MAX_ROWS = 10_000;

const COLUMNS = [
  "created_at",
  "created_at_local",
  "time_zone",
  "action",
  "actor_type",
  "actor_id",
  "actor",
  "resource_type",
  "resource_id",
  "partner_id",
  "partner",
  "description",
  "before",
  "after",
  "metadata",
  "ip",
  "user_agent",
] as const;

/** CSV of the filtered audit entries, read as the signed-in admin (RLS lets only admins read audit_log). */
export const GET = staffRoute(
  { roles: ["admin"], schema: queryParamsSchema.transform(parseAuditFilter) },
  async (filter, { supabase, staff }) => {
    const rows: Awaited<ReturnType<typeof listAuditEntries>>["entries"] = [];
    for (let offset = 0; offset < MAX_ROWS; offset += 1000) {
      const { entries } = await listAuditEntries(supabase, staff.org, filter, { limit: 1000, offset });
      rows.push(...entries);
      if (entries.length < 1000) break;
    }
    const names = await loadAuditNames(supabase, staff.org.id, rows);
    const format = orgFormatter(staff.org);
    const person = (id: string) => {
      const found = names.people.get(id);
      return found ? (found.email ? `${found.name} (${found.email})` : found.name) : "";
    };
    const csv = toCsv(
      COLUMNS,
      rows.map((row) => ({
        created_at: row.created_at,
        // The same instant on the org's clock, which the page and its day filters use.
        created_at_local: formatTimestampIn(row.created_at, staff.org.time_zone),
        time_zone: staff.org.time_zone,
        action: row.action,
        actor_type: row.actor_type,
        actor_id: row.actor_id ?? "",
        actor: row.actor_id ? person(row.actor_id) : "",
        resource_type: row.resource_type,
        resource_id: row.resource_id ?? "",
        partner_id: row.partner_id ?? "",
        partner: row.partner_id ? (names.partners.get(row.partner_id) ?? "") : "",
        description: describeAuditEntry(row, names.lookup, format).sentence,
        before: row.before === null ? "" : JSON.stringify(row.before),
        after: row.after === null ? "" : JSON.stringify(row.after),
        metadata: JSON.stringify(row.metadata),
        ip: row.ip ?? "",
        user_agent: row.user_agent ?? "",
      })),
    );
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="audit-log-${new Date().toISOString().slice(0, 10)}.csv"`,
        "cache-control": "private, no-store",
      },
    });
  },
);
