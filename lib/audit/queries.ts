import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";
import { dayRangeIn, isDay } from "@/lib/format/day-range";

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilter = {
  actor?: string;
  partner?: string;
  action?: string;
  resource?: string;
  from?: string;
  to?: string;
  page: number;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WORD = /^[a-z_.]+$/;

/** Reads the audit filter from the URL, dropping anything malformed. */
export function parseAuditFilter(params: Record<string, string | string[] | undefined>): AuditFilter {
  const one = (key: string) => {
    const value = params[key];
    return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
  };
  const page = Number(one("page") ?? "1");
  return {
    actor: one("actor") && UUID.test(one("actor")!) ? one("actor") : undefined,
    partner: one("partner") && UUID.test(one("partner")!) ? one("partner") : undefined,
    action: one("action") && WORD.test(one("action")!) ? one("action") : undefined,
    resource: one("resource") && WORD.test(one("resource")!) ? one("resource") : undefined,
    from: one("from") && isDay(one("from")!) ? one("from") : undefined,
    to: one("to") && isDay(one("to")!) ? one("to") : undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function auditSearch(filter: AuditFilter, overrides: Partial<AuditFilter> = {}): string {
  const merged = { ...filter, ...overrides };
  const params = new URLSearchParams();
  for (const key of ["actor", "partner", "action", "resource", "from", "to"] as const)
    if (merged[key]) params.set(key, merged[key]!);
  if (merged.page > 1) params.set("page", String(merged.page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

const AUDIT_ENTRY_SELECT =
  "id, actor_id, actor_type, action, resource_type, resource_id, partner_id, before, after, metadata, ip, user_agent, created_at";
/** PostgREST's answer to an offset past the last row. */
const RANGE_NOT_SATISFIABLE = "PGRST103";

/**
 * Audit entries of the org, newest first (RLS lets only admins read them). `from` and `to`
 * are inclusive days in the org's time zone, turned into instants here on the server.
 */
export async function listAuditEntries(
  supabase: ServerClient,
  org: { id: string; time_zone: string },
  filter: AuditFilter,
  options: { limit?: number; offset?: number } = {},
) {
  const orgId = org.id;
  const limit = options.limit ?? AUDIT_PAGE_SIZE;
  const offset = options.offset ?? (filter.page - 1) * AUDIT_PAGE_SIZE;
  const range = dayRangeIn(filter, org.time_zone);
  const read = (from: number, to: number) => {
    let query = supabase
      .from("audit_log")
      .select(AUDIT_ENTRY_SELECT, { count: "exact" })
      .eq("org_id", orgId)
      .order("created_at", { ascending: false })
      .range(from, to);
    if (filter.actor) query = query.eq("actor_id", filter.actor);
    if (filter.partner) query = query.eq("partner_id", filter.partner);
    if (filter.action) query = query.eq("action", filter.action);
    if (filter.resource) query = query.eq("resource_type", filter.resource);
    if (range.gte) query = query.gte("created_at", range.gte);
    if (range.lt) query = query.lt("created_at", range.lt);
    return query;
  };
  const { data, error, count } = await read(offset, offset + limit - 1);
  if (error?.code === RANGE_NOT_SATISFIABLE) {
    // A page past the last one (an old link, a hand-typed URL) is an empty page, not a failure.
    const counted = await read(0, 0);
    if (counted.error) throw counted.error;
    return { entries: [], total: counted.count ?? 0 };
  }
  if (error) throw error;
  return { entries: data ?? [], total: count ?? 0 };
}

export { AUDIT_ACTIONS, AUDIT_ACTOR_TYPES, AUDIT_RESOURCES } from "./constants";
